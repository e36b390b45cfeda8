/** The browser tab the popup reports on. Kept apart from the services so the popup's first script can ask early. */
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  url: string | null;
  title: string | null;
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
  return { id: tab.id, url: tab.url ?? null, title: tab.title ?? null };
}
