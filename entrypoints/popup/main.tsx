import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { takePublishedEarlyRequests } from '../../lib/ui/early-requests';
import { parsePopupParams } from '../../lib/ui/popup-params';
import { browserServices } from '../../lib/ui/services';
import '../../components/common/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const services = browserServices(takePublishedEarlyRequests());
  render(<PopupApp services={services} params={parsePopupParams(location.search)} />, root);
}
