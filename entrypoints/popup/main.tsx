import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { startBrowserEarlyRequests } from '../../lib/ui/browser-early';
import { takePublishedEarlyRequests } from '../../lib/ui/early-requests';
import { parsePopupParams } from '../../lib/ui/popup-params';
import { browserServices } from '../../lib/ui/services';
import '../../components/common/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const params = parsePopupParams(location.search);
  // When the app's modules win the race with the early script, the app asks the same questions itself.
  const services = browserServices(takePublishedEarlyRequests() ?? startBrowserEarlyRequests(params));
  render(<PopupApp services={services} params={params} />, root);
}
