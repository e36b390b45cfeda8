/** The Timeline tab's reads, split so the first rows can paint before the sources of the whole page are read. */
import type { CounterpartDB } from '../../lib/db/schema';
import { type EngagementFilter, queryEngagements, sourcesFor } from '../../lib/db/timeline';
import { firstRowsRequest } from '../../lib/messaging/first-screen';
import type { Engagement, Result, Source } from '../../lib/types';
import type { SendFn } from '../../lib/ui/services';

export interface TimelineRows {
  items: Engagement[];
  /** Sources of the first `withSources` items (every one of those ids present, possibly with []). */
  sources: Record<string, Source[]>;
  /** There are more rows after these. */
  more: boolean;
  /**
   * False while only the first rows are here (the background's quick answer, with more after them): `items` is
   * not the whole page yet, so its length is no count to show.
   */
  complete: boolean;
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
  return { items, sources, more: rows.length > limit, complete: true };
}

/**
 * The first rows with their sources, asked of the background, which holds the database open: the popup can
 * paint them before it has loaded Dexie and opened the database itself.
 */
export async function firstRowsFromBackground(send: SendFn, filter: EngagementFilter): Promise<Result<TimelineRows>> {
  const r = await send('queryTimeline', firstRowsRequest(filter));
  if (!r.ok) return r;
  const items = r.value.items.map(({ sources: _, ...e }) => e);
  const sources = Object.fromEntries(r.value.items.map((e) => [e.id, e.sources]));
  // With nothing after them, the first rows are the whole page.
  return { ok: true, value: { items, sources, more: r.value.hasMore, complete: !r.value.hasMore } };
}
