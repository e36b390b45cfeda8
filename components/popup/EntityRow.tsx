import type { PageReport } from '../../lib/messaging/protocol';
import { countryName, plural } from '../../lib/ui/format';

export type ReportEntity = PageReport['entities'][number];

export interface EntityRowProps {
  entity: ReportEntity;
  count: number | null;
  onOpen: () => void;
}

export function EntityRow({ entity, count, onOpen }: EntityRowProps) {
  const details = [entity.role, entity.country ? countryName(entity.country) : null].filter(Boolean).join(', ');
  const countText = count === null ? '…' : plural(count, 'engagement');
  return (
    <li class="entity-row">
      <div>
        <span class="entity-name">{entity.name}</span>
        {details && <span class="muted"> — {details}</span>}
      </div>
      {count !== null && count > 0 ? (
        <button
          type="button"
          class="link count-link"
          onClick={onOpen}
          aria-label={`${entity.name}: ${countText} — show in timeline`}
        >
          {countText}
        </button>
      ) : (
        <span class="muted count-link">{count === null ? '…' : 'none yet'}</span>
      )}
    </li>
  );
}
