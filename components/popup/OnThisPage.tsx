import { usePageOnTab } from '../../lib/ui/page-on-tab';
import type { ActiveTab } from '../../lib/ui/services';
import { Notice } from '../common/Notice';
import { PageEntities } from './PageEntities';

export interface OnThisPageProps {
  /** undefined while the active tab is being looked up; null when there is no page tab. */
  tab: ActiveTab | null | undefined;
  onOpenTimeline: (entityId: string) => void;
}

export const NO_PAGE_DATA = 'This page has no Counterpart data: it may be a browser page, or reload it.';
/** While the page in the tab is new and Counterpart has not finished reading it. */
export const READING_PAGE = 'Counterpart is reading this page…';

/** The officials, countries and topics the content script found on the page, with their engagement counts. */
export function OnThisPage({ tab, onOpenTimeline }: OnThisPageProps) {
  // Never the page the tab showed before: a report counts only for the page in the tab now.
  const page = usePageOnTab(tab);
  if (tab === undefined) return <Notice kind="loading">Looking at this page…</Notice>;
  if (page.status === 'loading') return <Notice kind="loading">Reading what Counterpart found on this page…</Notice>;
  if (page.status === 'error') return <Notice kind="error">{page.error}</Notice>;
  if (page.value.status === 'reading') return <Notice kind="loading">{READING_PAGE}</Notice>;
  if (page.value.status === 'none') return <Notice kind="empty">{NO_PAGE_DATA}</Notice>;
  const report = page.value.report;
  if (report.entities.length === 0) {
    return (
      <Notice kind="empty">
        Counterpart found no officials, countries or topics on this page. If the article loaded late, reload the page.
      </Notice>
    );
  }
  return <PageEntities report={report} onOpenTimeline={onOpenTimeline} />;
}
