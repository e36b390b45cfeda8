import type { PageReport } from '../../lib/messaging/protocol';
import { type ActiveTab, useServices } from '../../lib/ui/services';
import { useResultNow } from '../../lib/ui/use-result';
import { Notice } from '../common/Notice';
import { PageEntities } from './PageEntities';

export interface OnThisPageProps {
  /** undefined while the active tab is being looked up; null when there is no page tab. */
  tab: ActiveTab | null | undefined;
  onOpenTimeline: (entityId: string) => void;
}

export const NO_PAGE_DATA = 'This page has no Counterpart data: it may be a browser page, or reload it.';

/** The officials, countries and topics the content script found on the page, with their engagement counts. */
export function OnThisPage({ tab, onOpenTimeline }: OnThisPageProps) {
  const { send } = useServices();
  const report = useResultNow<PageReport | null>(
    () => (tab ? send('getPageReport', { tabId: tab.id }) : Promise.resolve({ ok: true, value: null })),
    [tab?.id],
  );
  if (tab === undefined) return <Notice kind="loading">Looking at this page…</Notice>;
  if (report.status === 'loading') return <Notice kind="loading">Reading what Counterpart found on this page…</Notice>;
  if (report.status === 'error') return <Notice kind="error">{report.error}</Notice>;
  if (!tab || !report.value) return <Notice kind="empty">{NO_PAGE_DATA}</Notice>;
  if (report.value.entities.length === 0) {
    return (
      <Notice kind="empty">
        Counterpart found no officials, countries or topics on this page. If the article loaded late, reload the page.
      </Notice>
    );
  }
  return <PageEntities report={report.value} onOpenTimeline={onOpenTimeline} />;
}
