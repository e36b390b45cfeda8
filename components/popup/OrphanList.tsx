import { stripPassage } from '../../lib/db/derive';
import type { Passage } from '../../lib/types';
import { useServices } from '../../lib/ui/services';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { useResult } from '../../lib/ui/use-result';
import { Notice } from '../common/Notice';

export interface OrphanListProps {
  /** The active page's tab; nothing is shown without one. */
  tabId: number | null;
}

/** Passages saved on this page that the content script could not find again: listed, never silently dropped. */
export function OrphanList({ tabId }: OrphanListProps) {
  const { send } = useServices();
  const ids = useResult<string[]>(
    () => (tabId !== null ? send('getOrphans', { tabId }) : Promise.resolve({ ok: true, value: [] })),
    [tabId],
  );
  const idList = ids.status === 'ok' ? ids.value : [];
  const rows = useLiveQuery(
    async (db): Promise<Passage[]> =>
      idList.length === 0 ? [] : (await db.passages.bulkGet(idList)).flatMap((r) => (r ? [stripPassage(r)] : [])),
    [idList.join('\n')],
  );
  if (ids.status === 'error') return <Notice kind="error">{ids.error}</Notice>;
  if (rows.status !== 'ok' || rows.value.length === 0) return null;
  return (
    <section class="orphans" aria-labelledby="orphans-title">
      <h2 id="orphans-title">Not found on this page</h2>
      <p class="muted">
        The page changed since you saved these, so they are not highlighted. They stay in your timeline.
      </p>
      <ul>
        {rows.value.map((p) => (
          <li key={p.id}>
            <blockquote>{p.selectors.quote.exact}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
