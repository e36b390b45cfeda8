import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { parsePopupParams } from '../../lib/ui/popup-params';
import { browserServices } from '../../lib/ui/services';
import '../../components/common/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const services = browserServices();
  // Opening the database overlaps the first render; the Timeline's first query would otherwise open it after.
  services.db.open().catch(() => {});
  render(<PopupApp services={services} params={parsePopupParams(location.search)} />, root);
}
