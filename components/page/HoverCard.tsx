import type { EngagementView } from '../../lib/messaging/protocol';

export interface CardEntity {
  id: string;
  kind: string;
  name: string;
  role?: string | null;
  country?: string | null;
}

export interface HoverCardProps {
  entity: CardEntity;
  /** null while loading. */
  count: number | null;
  latest: EngagementView[];
  error?: string | null;
  /** Opens the timeline filtered to this entity (through the extension: a page cannot open extension pages). */
  onOpenTimeline: () => void;
  position: { top: number; left: number };
  onClose: () => void;
}

function counterparts(e: EngagementView, selfId: string): string {
  const others = e.participants.filter((p) => p.entityId !== selfId).map((p) => p.name);
  return others.length ? others.join(', ') : e.summary;
}

function lineOf(e: EngagementView, selfId: string): string {
  return `${e.date ?? 'undated'} — ${e.kind.replace('_', ' ')} with ${counterparts(e, selfId)}${e.place ? ` in ${e.place}` : ''}`;
}

/** Height of every card (see the style sheet): placement keeps it clear of its mark. */
export const CARD_HEIGHT = 204;

export function HoverCard({ entity, count, latest, error, onOpenTimeline, position, onClose }: HoverCardProps) {
  const subtitle = [entity.role, entity.country].filter(Boolean).join(' · ');
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Counterpart: ${entity.name}`}
      tabIndex={-1}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <span class="kind">{entity.kind}</span>
      <h2>{entity.name}</h2>
      {subtitle && <p class="meta">{subtitle}</p>}
      {error ? (
        <p class="empty">{error}</p>
      ) : count === null ? (
        <p class="empty">Loading timeline…</p>
      ) : count === 0 ? (
        <p class="empty">No engagements in your timeline yet.</p>
      ) : (
        <>
          <p>
            {count} engagement{count === 1 ? '' : 's'} in your timeline
          </p>
          <ul>
            {latest.slice(0, 3).map((e) => (
              <li key={e.id} title={lineOf(e, entity.id)}>
                <strong>{e.date ?? 'undated'}</strong> — {e.kind.replace('_', ' ')} with {counterparts(e, entity.id)}
                {e.place ? ` in ${e.place}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="link open" onClick={onOpenTimeline}>
        Open timeline for {entity.name}
      </button>
    </div>
  );
}
