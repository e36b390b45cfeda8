/**
 * Newest-first walks over date-ordered index ranges (the `facets` index, whose keys end in `|<sortDate>`, or the
 * `sortDate` index). A walk reads rows from the newest end in batches, each batch continuing below the last row
 * read, and keeps those that pass the whole filter, so a page costs about as many rows as it shows when the range
 * fits the filter, and never a count or a read of the whole range.
 *
 * In real Chromium IndexedDB every index entry a request touches costs time (counting 14,000 entries takes as long
 * as reading them), so nothing here counts, and nothing reads a range to its end unless the page needs it.
 */
import type { StoredEngagement } from './derive';
import { compareNewestFirst } from './query-plan';
import type { CounterpartDB } from './schema';

/** One index range in date order: `key` is the facet key (null for the `sortDate` index). */
export interface DateRange {
  key: string | null;
  lower: string;
  upper: string;
}

/** Rows per request at most: a filter that matches one row in a thousand grows batches up to this. */
const MAX_BATCH = 400;

/** Reads one range from the newest end, a batch at a time, each strictly older than the rows before it. */
class RangeReader {
  done = false;
  last: StoredEngagement | null = null;
  /** Rows already read whose date is `last`'s: a batch that continues at that date skips them. */
  private atLast = 0;

  constructor(
    private readonly db: CounterpartDB,
    private readonly range: DateRange,
  ) {}

  async next(batch: number): Promise<StoredEngagement[]> {
    if (this.done) return [];
    const { key, lower } = this.range;
    const last = this.last;
    // The upper bound is inclusive of the last row's date: rows of that date not read yet are below it in the
    // index (ties are ordered by id), after the `atLast` rows already read.
    const upper = last ? (key === null ? last.sortDate : `${key}|${last.sortDate}`) : this.range.upper;
    const want = batch + (last ? this.atLast : 0);
    const raw = await this.db.engagements
      .where(key === null ? 'sortDate' : 'facets')
      .between(lower, upper, true, true)
      .reverse()
      .limit(want)
      .toArray();
    if (raw.length < want) this.done = true;
    const rows = last ? raw.filter((r) => compareNewestFirst(r, last) > 0) : raw;
    if (rows.length === 0) {
      this.done = true;
      return rows;
    }
    const oldest = rows[rows.length - 1];
    const sameDay = rows.reduce((n, r) => (r.sortDate === oldest.sortDate ? n + 1 : n), 0);
    this.atLast = last && last.sortDate === oldest.sortDate ? this.atLast + sameDay : sameDay;
    this.last = oldest;
    return rows;
  }
}

/**
 * The rows of one or more ranges (a word prefix can stand for several words), merged newest first, that pass
 * `accept`, until `need` of them are found or the ranges end.
 */
export class Walk {
  readonly matches: StoredEngagement[] = [];
  private readonly readers: RangeReader[];
  private readonly buffers: StoredEngagement[][];
  private readonly seen = new Set<string>();

  constructor(
    db: CounterpartDB,
    ranges: readonly DateRange[],
    private readonly accept: (row: StoredEngagement) => boolean,
    private readonly need: number,
  ) {
    this.readers = ranges.map((r) => new RangeReader(db, r));
    this.buffers = ranges.map(() => []);
  }

  get complete(): boolean {
    return (
      this.matches.length >= this.need || (this.readers.every((r) => r.done) && this.buffers.every((b) => !b.length))
    );
  }

  /** Steps, batches doubling, until the page is full or the ranges end; returns the page (and rows before it). */
  async run(): Promise<StoredEngagement[]> {
    let batch = Math.max(this.need, 10);
    while (!this.complete) {
      // Several ranges (a prefix's words) share the batch: each only needs its part of the page.
      await this.step(this.readers.length > 1 ? Math.ceil(batch / this.readers.length) + 5 : batch);
      batch = Math.min(batch * 2, MAX_BATCH);
    }
    return this.matches.slice(0, this.need);
  }

  /** Reads the next batch of each range and moves every row that is now known to be in order to `matches`. */
  async step(batch: number): Promise<void> {
    await Promise.all(
      this.readers.map(async (r, i) => {
        if (!r.done) this.buffers[i].push(...(await r.next(batch)));
      }),
    );
    // A range still open may hold rows newer than anything below its last row: only rows at or above the newest
    // such "last" are final.
    let frontier: StoredEngagement | null = null;
    for (const r of this.readers) {
      if (!r.done && r.last && (!frontier || compareNewestFirst(r.last, frontier) < 0)) frontier = r.last;
    }
    const ready: StoredEngagement[] = [];
    for (let i = 0; i < this.buffers.length; i++) {
      const buf = this.buffers[i];
      let n = 0;
      while (n < buf.length && (!frontier || compareNewestFirst(buf[n], frontier) <= 0)) n++;
      ready.push(...buf.splice(0, n));
    }
    if (this.buffers.length > 1) ready.sort(compareNewestFirst);
    for (const row of ready) {
      if (this.seen.has(row.id)) continue;
      this.seen.add(row.id);
      if (this.accept(row)) this.matches.push(row);
    }
  }
}

/** One condition of an intersection: rows in any of these `facets` keys (several for a word prefix). */
export interface KeyTerm {
  keys: string[];
}

/** Keys per request of the driving range at first (at least the page); doubles while the page is not full. */
const FIRST_KEY_BATCH = 32;
const MAX_KEY_BATCH = 4096;

/**
 * Rows in every term (all `facets` keys), newest first, that pass `accept`, by intersecting primary keys rather
 * than reading rows: the driving term's keys come in date order a batch at a time; the date of the batch's last
 * row sets a window, and each other term's keys within that same window are read as a set. Both cost about as much
 * as the terms have entries in the window, a fraction of reading their rows, and only matches are read as rows.
 * Used when no term is small: a word of the text with a topic, two words.
 */
export async function intersectNewest(
  db: CounterpartDB,
  driver: string,
  others: readonly KeyTerm[],
  bounds: { from?: string; to?: string },
  accept: (row: StoredEngagement) => boolean,
  need: number,
): Promise<StoredEngagement[]> {
  const from = bounds.from ?? '';
  const top = bounds.to ? `${bounds.to}\uffff` : '\uffff';
  const facets = db.engagements.where('facets');
  const sets = others.map(() => new Set<string>());
  const seen = new Set<string>();
  const out: StoredEngagement[] = [];
  let cut: string | null = null;
  let batch = Math.max(FIRST_KEY_BATCH, need);
  while (out.length < need) {
    // The driver's next ids: the rest of the cut date's (ids descending), then a batch of older dates.
    const ids: string[] = [];
    if (cut !== null) {
      const atCut = await facets.equals(`${driver}|${cut}`).primaryKeys();
      for (let i = atCut.length - 1; i >= 0; i--) if (!seen.has(atCut[i])) ids.push(atCut[i]);
    }
    const older: string[] = await facets
      .between(`${driver}|${from}`, `${driver}|${cut ?? top}`, true, cut === null)
      .reverse()
      .limit(batch)
      .primaryKeys();
    ids.push(...older);
    const exhausted: boolean = older.length < batch;
    if (ids.length === 0) break;
    for (const id of ids) seen.add(id);
    const upper = cut ?? top;
    const last: StoredEngagement | undefined = exhausted ? undefined : await db.engagements.get(ids[ids.length - 1]);
    const lower = last ? last.sortDate : from;
    await Promise.all(
      others.map(async (t, i) => {
        for (const key of t.keys) {
          for (const id of await facets.between(`${key}|${lower}`, `${key}|${upper}`, true, true).primaryKeys())
            sets[i].add(id);
        }
      }),
    );
    const hits = ids.filter((id) => sets.every((s) => s.has(id)));
    // Rows only for the matches the page still needs (more if some fail a condition no term checks).
    for (let i = 0; i < hits.length && out.length < need; ) {
      const chunk = hits.slice(i, i + need - out.length);
      i += chunk.length;
      for (const row of await db.engagements.bulkGet(chunk)) if (row && accept(row)) out.push(row);
    }
    if (exhausted || !last) break;
    cut = last.sortDate;
    batch = Math.min(batch * 2, MAX_KEY_BATCH);
  }
  return out.slice(0, need);
}
