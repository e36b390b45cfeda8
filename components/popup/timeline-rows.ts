/** The Timeline tab's reads, split so the first rows can paint before the sources of the whole page are read. */
import type { CounterpartDB } from '../../lib/db/schema';
import { type EngagementFilter, queryEngagements, sourcesFor } from '../../lib/db/timeline';
import type { Engagement, Source } from '../../lib/types';

export interface TimelineRows {
  items: Engagement[];
  /** Sources of the first `withSources` items (every one of those ids present, possibly with []). */
  sources: Record<string, Source[]>;
  /** There are more rows after these. */
  more: boolean;
}

/**
 * The newest `limit` engagements matching `filter`, with the sources of the first `withSources` of them. Asks for
 * one extra row to know if there are more. Sources are one lookup per engagement, so the rest are read after the
 * first paint (`sourcesFor`).
 */
export async function loadTimelineRows(
  db: CounterpartDB,
  filter: EngagementFilter,
  limit: number,
  withSources: number,
): Promise<TimelineRows> {
  const rows = await queryEngagements(db, { ...filter, limit: limit + 1, offset: 0 });
  const items = rows.slice(0, limit);
  const sources = await sourcesFor(
    db,
    items.slice(0, withSources).map((e) => e.id),
  );
  return { items, sources, more: rows.length > limit };
}
