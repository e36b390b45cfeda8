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
  /** Tab past the card's last control (or Shift+Tab before its first): focus goes back to the page. */
  onTabOut?: (backwards: boolean) => void;
}

/** The card's own controls, in tab order. */
function controlsOf(card: HTMLElement): HTMLElement[] {
  return Array.from(card.querySelectorAll<HTMLElement>('button, a[href]'));
}

/** Keeps Tab inside the card until it leaves past either end, where the page takes over again. */
function onCardKey(e: KeyboardEvent, onClose: () => void, onTabOut?: (backwards: boolean) => void) {
  if (e.key === 'Escape') {
    onClose();
    return;
  }
  if (e.key !== 'Tab' || !onTabOut) return;
  const card = e.currentTarget as HTMLElement;
  const controls = controlsOf(card);
  const at = controls.indexOf(e.target as HTMLElement);
  const next = at + (e.shiftKey ? -1 : 1);
  e.preventDefault();
  if (at >= 0 && next >= 0 && next < controls.length) controls[next].focus();
  else onTabOut(e.shiftKey);
}

function counterparts(e: EngagementView, selfId: string): string {
  const others = e.participants.filter((p) => p.entityId !== selfId).map((p) => p.name);
  return others.length ? others.join(', ') : e.summary;
}

function lineOf(e: EngagementView, selfId: string): string {
  return `${e.date ?? 'undated'} — ${e.kind.replace('_', ' ')} with ${counterparts(e, selfId)}${e.place ? ` in ${e.place}` : ''}`;
}

/** Size of every card (see the style sheet): placement keeps it clear of its mark and the lines after it. */
export const CARD_HEIGHT = 204;
export const CARD_WIDTH = 380;

export function HoverCard({
  entity,
  count,
  latest,
  error,
  onOpenTimeline,
  position,
  onClose,
  onTabOut,
}: HoverCardProps) {
  const subtitle = [entity.role, entity.country].filter(Boolean).join(' · ');
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Counterpart: ${entity.name}`}
      tabIndex={-1}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      onKeyDown={(e) => onCardKey(e, onClose, onTabOut)}
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
