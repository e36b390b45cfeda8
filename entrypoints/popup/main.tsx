import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { parsePopupParams } from '../../lib/ui/popup-params';
import { browserServices } from '../../lib/ui/services';
import '../../components/common/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<PopupApp services={browserServices()} params={parsePopupParams(location.search)} />, root);
