/**
 * What "On this page" may show for a tab. The background's record of a tab outlives the page it describes: after
 * the reader follows a link it still holds the last page's report until the new page has been read, a second or
 * more later. So a report is shown only when the page in the tab now, asked through its own content script, is the
 * page the report is of; until the new page's report arrives the popup says it is reading the page.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { LivePage, PageReport } from '../messaging/protocol';
import type { ActiveTab } from './active-tab';
import { useServices } from './services';
import type { AsyncState } from './use-result';

export type PageOnTab =
  /** The report of the page the tab shows now. */
  | { status: 'ready'; report: PageReport }
  /** A page Counterpart reads is in the tab (or loading), and its report is not in yet. */
  | { status: 'reading' }
  /** Nothing of ours on the tab: a browser page, a quiet site, or a page that has not let our script in. */
  | { status: 'none' };

/**
 * `live` is what the tab's content script says it shows, null when no script of ours answers. A report without a
 * live page is never shown: the script that sent it answers for as long as its page is in the tab.
 */
export function pageOnTab(report: PageReport | null, live: LivePage | null, loading: boolean): PageOnTab {
  if (live) return report && report.url === live.url ? { status: 'ready', report } : { status: 'reading' };
  return loading ? { status: 'reading' } : { status: 'none' };
}

/**
 * The tab's page for the popup, asked again whenever the background's record of the tab changes (the new page's
 * report arrives). The last answer stays on screen while the next is asked, so an update does not blink.
 */
/** How often the popup asks again while the tab's page is still being read. */
const READING_RETRY_MS = 1_000;

export function usePageOnTab(tab: ActiveTab | null | undefined): AsyncState<PageOnTab> {
  const { send, sendToTab, watchTab } = useServices();
  const [state, setState] = useState<AsyncState<PageOnTab>>({ status: 'loading' });
  const [changes, setChanges] = useState(0);
  const tabId = tab?.id;

  useLayoutEffect(() => {
    if (tabId === undefined || !watchTab) return;
    return watchTab(tabId, () => setChanges((n) => n + 1));
  }, [tabId, watchTab]);

  // A layout effect, like the first screen's other questions: the asking starts before the first paint. `changes`
  // is the signal to ask again.
  useLayoutEffect(() => {
    if (tab === undefined) return;
    if (tab === null) {
      setState({ status: 'ok', value: { status: 'none' } });
      return;
    }
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    Promise.all([send('getPageReport', { tabId: tab.id }), sendToTab(tab.id, 'whichPage', {})]).then(
      ([report, live]) => {
        if (!current) return;
        if (!report.ok) return setState({ status: 'error', error: report.error });
        const page = pageOnTab(report.value, live.ok ? live.value : null, tab.loading ?? false);
        setState({ status: 'ok', value: page });
        // While the page is being read, ask again now and then too: a change of the tab's record that lands
        // between the two answers above, or a page that has no script yet, would otherwise leave it reading.
        if (page.status === 'reading') retry = setTimeout(() => current && setChanges((n) => n + 1), READING_RETRY_MS);
      },
      (e: unknown) => current && setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [tab, changes, send, sendToTab]);

  return state;
}
