import { countEngagementsFor } from '../../lib/db/timeline';
import { pageCountsRequest } from '../../lib/messaging/first-screen';
import type { PageReport } from '../../lib/messaging/protocol';
import type { Result } from '../../lib/types';
import { cleanLabel } from '../../lib/ui/label';
import { type SendFn, useServices } from '../../lib/ui/services';
import { useLiveQueryNow } from '../../lib/ui/use-live-query';
import { Notice } from '../common/Notice';
import { EntityRow } from './EntityRow';

const GROUPS: { kinds: string[]; title: string }[] = [
  { kinds: ['official'], title: 'Officials' },
  { kinds: ['country', 'bloc'], title: 'Countries and blocs' },
  { kinds: ['topic'], title: 'Topics' },
];

export interface PageEntitiesProps {
  report: PageReport;
  onOpenTimeline: (entityId: string) => void;
}

/** The same counts from the background, which answers before the popup has opened the database itself. */
async function countsFromBackground(send: SendFn, report: PageReport): Promise<Result<Record<string, number>>> {
  const r = await send('summarize', pageCountsRequest(report));
  return r.ok ? { ok: true, value: Object.fromEntries(r.value.map((s) => [s.entityId, s.count])) } : r;
}

export function PageEntities({ report, onOpenTimeline }: PageEntitiesProps) {
  const { send } = useServices();
  const ids = report.entities.map((e) => e.id);
  const counts = useLiveQueryNow((db) => countEngagementsFor(db, ids), [ids.join('\n')], {
    first: () => countsFromBackground(send, report),
  });
  return (
    <div class="on-page">
      {report.meta.title && <p class="page-title">{cleanLabel(report.meta.title, 300)}</p>}
      {counts.status === 'error' && <Notice kind="error">{counts.error}</Notice>}
      {GROUPS.map((g) => {
        const items = report.entities.filter((e) => g.kinds.includes(e.kind));
        if (items.length === 0) return null;
        return (
          <section key={g.title} aria-labelledby={`group-${g.kinds[0]}`}>
            <h2 id={`group-${g.kinds[0]}`}>{g.title}</h2>
            <ul class="entity-list">
              {items.map((e) => (
                <EntityRow
                  key={e.id}
                  entity={e}
                  count={counts.status === 'ok' ? (counts.value[e.id] ?? 0) : null}
                  onOpen={() => onOpenTimeline(e.id)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
