/**
 * The extension's own UI on the page (hover card, banner, notices) lives in one shadow root, so page styles cannot
 * reach it and its styles cannot leak out.
 */
import { PAGE_UI_CSS } from '../../components/page/styles';

export const UI_TAG = 'counterpart-ui';

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  card: HTMLElement;
  banner: HTMLElement;
  notice: HTMLElement;
  destroy(): void;
}

export function mountUiHost(doc: Document = document): UiHost {
  const host = doc.createElement(UI_TAG);
  host.style.all = 'initial';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  const card = doc.createElement('div');
  const banner = doc.createElement('div');
  const notice = doc.createElement('div');
  root.append(style, card, banner, notice);
  doc.documentElement.appendChild(host);
  return { host, root, card, banner, notice, destroy: () => host.remove() };
}
