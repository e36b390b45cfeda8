import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { browserServices } from '../../lib/ui/services';
import '../../components/common/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp services={browserServices()} />, root);
