/** The browser tab the popup reports on. Kept apart from the services so the popup's first script can ask early. */
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  /**
   * As the browser tells them, which it does not without the `tabs` permission (the extension has none): "On this
   * page" asks the page's own content script what it shows (`lib/ui/page-on-tab.ts`).
   */
  url: string | null;
  title: string | null;
  /** The tab was loading a document when the popup asked: its content script may not have started yet. */
  loading?: boolean;
}

/** The tab the popup was opened over; null on an extension page opened in its own tab. */
export async function queryActiveTab(search: string = location.search): Promise<ActiveTab | null> {
  // `?tabId=N` points the popup at a given tab when it is opened as a page (tests, screenshots, keyboard users).
  const pinned = Number(new URLSearchParams(search).get('tabId'));
  const [tab] =
    Number.isInteger(pinned) && pinned > 0
      ? [await browser.tabs.get(pinned).catch(() => undefined)]
      : await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  // A popup opened as a tab (hover-card link) is itself the active tab: it is not a page to report on.
  if (tab.url?.startsWith(browser.runtime.getURL('/'))) return null;
  return { id: tab.id, url: tab.url ?? null, title: tab.title ?? null, loading: tab.status === 'loading' };
}
