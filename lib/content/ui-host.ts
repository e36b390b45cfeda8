/**
 * The extension's own UI on the page (hover card, banner, notices, passage highlights) lives in one CLOSED
 * shadow root: the page's scripts cannot reach into it, so what the timeline says about an entity, which
 * other outlets the reader has read and which passages the reader saved never enter the page's DOM.
 *
 * The host is a plain `div`, not a custom element: a page could define a custom element of any name first and
 * make it throw, or attach its own shadow root to it. Built-in elements cannot be redefined by the page, and the
 * content script's world has its own copies of the DOM prototypes, so nothing the page patches reaches us.
 */
import { PAGE_UI_CSS } from '../../components/page/styles';

export interface UiHost {
  /** The only element the page can see: empty, with a closed shadow root. */
  host: HTMLElement;
  card: HTMLElement;
  banner: HTMLElement;
  notice: HTMLElement;
  /** Where passage highlights are painted, over the page's text. */
  overlay: HTMLElement;
  /** Puts the host back if the page removed it (a framework re-rendering, or a hostile script). */
  ensureAttached(): void;
  /** Whether a node is inside this UI (events from the shadow tree are retargeted to the host). */
  contains(node: Node | null): boolean;
  destroy(): void;
}

const ownHosts = new WeakSet<Node>();

/** Whether `node` is a UI host this content script made (never a lookalike the page made). */
export function isOwnUiHost(node: Node | null): boolean {
  return !!node && ownHosts.has(node);
}

export function mountUiHost(doc: Document = document): UiHost {
  const host = doc.createElement('div');
  // No attribute at all: the shadow sheet's `:host { all: initial !important }` outranks the page's own
  // `!important` rules (inside the shadow tree, important declarations win), so the page cannot hide it either.
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  const overlay = doc.createElement('div');
  overlay.className = 'overlay';
  const card = doc.createElement('div');
  const banner = doc.createElement('div');
  const notice = doc.createElement('div');
  root.append(style, overlay, card, banner, notice);
  ownHosts.add(host);
  const ensureAttached = () => {
    const parent = doc.documentElement;
    if (parent && host.parentNode !== parent) parent.appendChild(host);
  };
  ensureAttached();
  return {
    host,
    card,
    banner,
    notice,
    overlay,
    ensureAttached,
    contains: (node) => !!node && (node === host || host.contains(node) || root.contains(node)),
    destroy: () => {
      ownHosts.delete(host);
      host.remove();
    },
  };
}
