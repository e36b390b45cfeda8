import type { ComponentChildren } from 'preact';
import type { EngagementView } from '../../lib/messaging/protocol';
import { countryName, formatDate, hostOf, kindLabel } from '../../lib/ui/format';
import { cleanLabel } from '../../lib/ui/label';
import { safeHref } from '../../lib/ui/safe-url';
import { topicLabel } from '../../lib/ui/topics';
import { TagList } from '../common/TagList';

export interface EngagementItemProps {
  engagement: EngagementView;
  /** The corrections (buttons, editor) shown under the entry. */
  children?: ComponentChildren;
}

/** One engagement: what, who, where, when, about what, the figures, and every outlet that reported it. */
export function EngagementItem({ engagement: e, children }: EngagementItemProps) {
  const headingId = `eng-${e.id.replace(/[^\w-]/g, '_')}`;
  return (
    <article class="engagement" aria-labelledby={headingId}>
      <header class="engagement-head">
        <span class={`kind kind-${e.kind}`}>{kindLabel(e.kind)}</span>
        <time dateTime={e.date ?? undefined}>{formatDate(e.date, e.datePrecision)}</time>
        {e.place && <span class="place">{e.place}</span>}
        {e.origin === 'seed' && (
          <span class="example" title="An example Counterpart starts with; delete it like any other entry">
            Example
          </span>
        )}
      </header>
      <h3 id={headingId} class="participants">
        {e.participants.length === 0
          ? e.summary || 'Participants unknown'
          : e.participants.map((p, i) => (
              <span key={`${p.name}-${i}`} class="participant">
                {i > 0 && <span aria-hidden="true"> · </span>}
                {p.name}
                {(p.role || p.country) && (
                  <span class="muted">
                    {' '}
                    ({[p.role, p.country ? countryName(p.country) : null].filter(Boolean).join(', ')})
                  </span>
                )}
              </span>
            ))}
      </h3>
      {e.summary && e.participants.length > 0 && <p class="summary">{e.summary}</p>}
      <TagList tags={e.topics.map(topicLabel)} label="Topics" />
      {e.figures.length > 0 && (
        <ul class="figures" aria-label="Figures">
          {e.figures.map((f, i) => (
            <li key={`${f.text}-${i}`}>{f.text}</li>
          ))}
        </ul>
      )}
      <p class="sources">
        {e.sources.length === 0 ? (
          <span class="muted">{e.origin === 'user' ? 'Added by you' : 'No source on file'}</span>
        ) : (
          <>
            <span class="muted">Reported by </span>
            {e.sources.map((s, i) => {
              const href = safeHref(s.url);
              const label = cleanLabel(s.outlet) || hostOf(s.url);
              return (
                <span key={s.id}>
                  {i > 0 && ', '}
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" title={cleanLabel(s.title) || undefined}>
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </span>
              );
            })}
          </>
        )}
      </p>
      {children}
    </article>
  );
}
