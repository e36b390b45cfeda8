/**
 * Timeline reads and writes over Dexie. Every write is one transaction and returns a Result; every read walks
 * an index range (see query-plan.ts) rather than the whole table.
 */
import type { Engagement, EngagementDraft, Result, Source } from '../types';
import {
  type CaptureRecord,
  countryPairsOf,
  facetKeyForEntity,
  participantIdsOf,
  type StoredEngagement,
  stripEngagement,
  toStoredEngagement,
} from './derive';
import { safeWrite, UserError } from './errors';
import { findSameEvent, mergeDraft } from './merge';
import {
  compareNewestFirst,
  DEFAULT_LIMIT,
  type EngagementFilter,
  facetRange,
  facetsOf,
  matchesFilter,
  planQuery,
  textTokens,
} from './query-plan';
import type { CounterpartDB } from './schema';

export * from './gazetteer';
export * from './passages';
export type { EngagementFilter } from './query-plan';

/** Undo records older than this are dropped: "Undo" is offered right after a capture, not weeks later. */
const CAPTURE_UNDO_TTL_MS = 30 * 86_400_000;

/** Text matches up to this many rows are sorted in memory; more, and walking the date index is cheaper. */
const TEXT_IN_MEMORY_MAX = 1000;

/** Candidates per facet when the draft has no date to narrow by. */
const UNDATED_CANDIDATES = 200;

export type EngagementOrigin = Engagement['origin'];

export interface RecordOutcome {
  engagementId: string;
  merged: boolean;
  sourceAdded: boolean;
  /** The id of the new source (pass it to undoCapture), or null when the url was already a source. */
  sourceId: string | null;
}

export function newId(prefix: string): string {
  return `${prefix}:${crypto.randomUUID()}`;
}

/** Drops the fragment: the same article opened at "#comments" is the same source. */
export function canonicalUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The sortDate range in which a stored report of the same event must lie: the whole month(s) around the draft's
 * date, so month-precision rows ("2025-12") are included too. Null when there is no date to go by.
 */
export function candidateRange(draft: EngagementDraft, reference: string | null): [string, string] | null {
  const date = draft.date ?? reference;
  if (!date || draft.datePrecision === 'year' || !/^\d{4}-\d{2}/.test(date)) return null;
  if (date.length < 10 || draft.datePrecision === 'month' || !draft.date) {
    const month = date.slice(0, 7);
    return [month, `${month}\uffff`];
  }
  return [shiftDay(date, -4).slice(0, 7), `${shiftDay(date, 4).slice(0, 7)}\uffff`];
}

async function candidatesFor(db: CounterpartDB, draft: EngagementDraft, reference: string | null) {
  const range = candidateRange(draft, reference);
  if (range) return db.engagements.where('sortDate').between(range[0], range[1], true, true).toArray();
  const facets = [
    ...participantIdsOf(draft.participants).map((id) => `p:${id}`),
    ...countryPairsOf(draft.countries, draft.participants).map((p) => `cp:${p}`),
  ];
  const rows = new Map<string, StoredEngagement>();
  for (const f of facets) {
    const found = await db.engagements
      .where('facets')
      .between(`${f}|`, `${f}|\uffff`)
      .reverse()
      .limit(UNDATED_CANDIDATES)
      .toArray();
    for (const r of found) rows.set(r.id, r);
  }
  return [...rows.values()];
}

function engagementFromDraft(draft: EngagementDraft, origin: EngagementOrigin, now: number): Engagement {
  return {
    ...draft,
    id: newId('eng'),
    participantIds: participantIdsOf(draft.participants),
    countries: [...new Set(draft.countries)],
    countryPairs: countryPairsOf(draft.countries, draft.participants),
    origin,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Stores what one article reports: merged into the same event when the timeline has it, else a new engagement,
 * with the article as a source (once per url). One transaction: either all of it is stored or none.
 */
export function recordEngagement(
  db: CounterpartDB,
  draft: EngagementDraft,
  source: Omit<Source, 'id' | 'engagementId'>,
  origin: EngagementOrigin = 'captured',
  now: number = Date.now(),
): Promise<Result<RecordOutcome>> {
  return safeWrite(() =>
    db.transaction('rw', db.engagements, db.sources, db.captures, async (): Promise<RecordOutcome> => {
      const url = canonicalUrl(source.url);
      const candidates = await candidatesFor(db, draft, source.published);
      const match = findSameEvent(draft, candidates.map(stripEngagement), { referenceDate: source.published });

      if (match) {
        const known = await db.sources.where('[engagementId+url]').equals([match.id, url]).first();
        // Re-capturing a page already on file changes nothing, not even updatedAt.
        if (known) return { engagementId: match.id, merged: true, sourceAdded: false, sourceId: null };
      }

      const engagement = match ? mergeDraft(match, draft, now) : engagementFromDraft(draft, origin, now);
      await db.engagements.put(toStoredEngagement(engagement));
      const sourceId = newId('src');
      await db.sources.add({ ...source, url, id: sourceId, engagementId: engagement.id });
      await db.captures.put({
        sourceId,
        engagementId: engagement.id,
        at: now,
        before: match,
        afterUpdatedAt: engagement.updatedAt,
      });
      await db.captures
        .where('at')
        .below(now - CAPTURE_UNDO_TTL_MS)
        .delete();
      return { engagementId: engagement.id, merged: match !== null, sourceAdded: true, sourceId };
    }),
  );
}

export interface UndoOutcome {
  /** The engagement existed only because of this capture and is gone. */
  engagementRemoved: boolean;
  /** The engagement was put back as it was before the capture merged into it. */
  engagementRestored: boolean;
}

/**
 * Takes one capture back: removes its source and, unless the reader changed the engagement since, removes the
 * engagement it created or restores the one it merged into.
 */
export function undoCapture(db: CounterpartDB, engagementId: string, sourceId: string): Promise<Result<UndoOutcome>> {
  return safeWrite(() =>
    db.transaction('rw', db.engagements, db.sources, db.captures, async (): Promise<UndoOutcome> => {
      const source = await db.sources.get(sourceId);
      if (!source || source.engagementId !== engagementId) {
        throw new UserError('Nothing to undo: this capture is no longer in the timeline.');
      }
      await db.sources.delete(sourceId);
      const capture: CaptureRecord | undefined = await db.captures.get(sourceId);
      await db.captures.delete(sourceId);
      const current = await db.engagements.get(engagementId);
      if (!capture || !current || current.updatedAt !== capture.afterUpdatedAt) {
        return { engagementRemoved: false, engagementRestored: false };
      }
      if (capture.before) {
        await db.engagements.put(toStoredEngagement(capture.before));
        return { engagementRemoved: false, engagementRestored: true };
      }
      const others = await db.sources.where('engagementId').equals(engagementId).count();
      if (others > 0) return { engagementRemoved: false, engagementRestored: false };
      await db.engagements.delete(engagementId);
      return { engagementRemoved: true, engagementRestored: false };
    }),
  );
}

/**
 * Engagements matching `filter`, newest first, paged by limit/offset.
 * - One constraint: a reverse walk of its index range that stops after the page.
 * - Several: each facet range is counted (cheap, no rows read), the smallest one's keys give the date order, and
 *   rows are read in small batches from the newest end and checked against the whole filter until the page is
 *   full. Large facets (a country in most engagements) are never materialised.
 * - Text: the words index yields the matching ids; few are read and sorted in memory, many are met quickly by
 *   walking the date (or smallest facet) order.
 */
export async function queryEngagements(db: CounterpartDB, filter: EngagementFilter = {}): Promise<Engagement[]> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const offset = filter.offset ?? 0;
  const facets = facetsOf(filter);
  const tokens = textTokens(filter);

  if (tokens.length === 0 && facets.length <= 1) {
    const plan = planQuery(filter);
    const rows = await db.engagements
      .where(plan.index)
      .between(plan.lower, plan.upper, true, true)
      .reverse()
      .offset(offset)
      .limit(limit)
      .toArray();
    return rows.map(stripEngagement);
  }

  const textIds = tokens.length > 0 ? await idsForTokens(db, tokens) : null;
  if (textIds?.size === 0) return [];

  const sizes = await Promise.all(
    facets.map(async (facet) => {
      const [lower, upper] = facetRange(facet, filter);
      return { lower, upper, count: await db.engagements.where('facets').between(lower, upper, true, true).count() };
    }),
  );
  sizes.sort((a, b) => a.count - b.count);
  const smallest = sizes[0];
  if (smallest?.count === 0) return [];

  if (textIds && textIds.size <= TEXT_IN_MEMORY_MAX && (!smallest || textIds.size <= smallest.count)) {
    const rows = (await db.engagements.bulkGet([...textIds])).filter(
      (r): r is StoredEngagement => r !== undefined && matchesFilter(r, filter, tokens),
    );
    return rows
      .sort(compareNewestFirst)
      .slice(offset, offset + limit)
      .map(stripEngagement);
  }

  if (!smallest) {
    // Text only, many matches: a page of them turns up quickly along the date index.
    const plan = planQuery(filter);
    const rows = await db.engagements
      .where(plan.index)
      .between(plan.lower, plan.upper, true, true)
      .reverse()
      .filter((e) => textIds?.has(e.id) ?? true)
      .offset(offset)
      .limit(limit)
      .toArray();
    return rows.map(stripEngagement);
  }

  // Forward primaryKeys() is one getAllKeys, ascending (date, id): read from the end it is newest first.
  const ordered = await db.engagements
    .where('facets')
    .between(smallest.lower, smallest.upper, true, true)
    .primaryKeys();
  const page: StoredEngagement[] = [];
  const batch = Math.max(2 * limit, 100);
  for (let end = ordered.length; end > 0 && page.length < offset + limit; end -= batch) {
    const ids = ordered.slice(Math.max(0, end - batch), end).reverse();
    const wanted = textIds ? ids.filter((id) => textIds.has(id)) : ids;
    for (const row of await db.engagements.bulkGet(wanted)) {
      if (row && matchesFilter(row, filter, tokens)) page.push(row);
    }
  }
  return page.slice(offset, offset + limit).map(stripEngagement);
}

/** Ids whose words contain every token (the last as a prefix), intersecting index lookups smallest first. */
async function idsForTokens(db: CounterpartDB, tokens: readonly string[]): Promise<Set<string>> {
  const sets: Set<string>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const where = db.engagements.where('words');
    const clause = i === tokens.length - 1 ? where.startsWith(tokens[i]) : where.equals(tokens[i]);
    const keys = new Set<string>(await clause.primaryKeys());
    if (keys.size === 0) return keys;
    sets.push(keys);
  }
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
}

/** How many engagements each entity (official, `country:XX`, `topic:…`) has, for hover cards and the popup. */
export async function countEngagementsFor(
  db: CounterpartDB,
  entityIds: readonly string[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await db.transaction('r', db.engagements, async () => {
    for (const id of new Set(entityIds)) {
      const key = facetKeyForEntity(id);
      out[id] = await db.engagements.where('facets').between(`${key}|`, `${key}|\uffff`, true, true).count();
    }
  });
  return out;
}

/** The `n` most recent engagements of one entity. */
export function latestFor(db: CounterpartDB, entityId: string, n = 3): Promise<Engagement[]> {
  return queryEngagements(db, { entityId, limit: n });
}

/** Sources of each engagement, keyed by engagement id (every requested id present, possibly with []). */
export async function sourcesFor(
  db: CounterpartDB,
  engagementIds: readonly string[],
): Promise<Record<string, Source[]>> {
  const out: Record<string, Source[]> = {};
  for (const id of engagementIds) out[id] = [];
  if (engagementIds.length === 0) return out;
  const rows = await db.sources
    .where('engagementId')
    .anyOf([...engagementIds])
    .toArray();
  for (const s of rows) out[s.engagementId].push(s);
  for (const id of engagementIds)
    out[id].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.capturedAt - b.capturedAt);
  return out;
}

/** Sources whose url is this page (for the "already in your timeline" banner). */
export function sourcesForUrl(db: CounterpartDB, url: string): Promise<Source[]> {
  return db.sources.where('url').equals(canonicalUrl(url)).toArray();
}

export async function getEngagement(db: CounterpartDB, id: string): Promise<Engagement | null> {
  const row = await db.engagements.get(id);
  return row ? stripEngagement(row) : null;
}

/** The reader's edit of an engagement (the draft form): ids, pairs and origin are kept consistent here. */
export function updateEngagement(
  db: CounterpartDB,
  id: string,
  edit: EngagementDraft,
  now: number = Date.now(),
): Promise<Result<Engagement>> {
  return safeWrite(() =>
    db.transaction('rw', db.engagements, async () => {
      const row = await db.engagements.get(id);
      if (!row) throw new UserError('This engagement is no longer in the timeline.');
      const next: Engagement = {
        ...stripEngagement(row),
        ...edit,
        participantIds: participantIdsOf(edit.participants),
        countryPairs: countryPairsOf(edit.countries, edit.participants),
        updatedAt: now,
      };
      await db.engagements.put(toStoredEngagement(next));
      return next;
    }),
  );
}

/** Deletes an engagement and its sources; returns both so the UI can offer undo via restoreEngagement. */
export function deleteEngagement(
  db: CounterpartDB,
  id: string,
): Promise<Result<{ engagement: Engagement; sources: Source[] }>> {
  return safeWrite(() =>
    db.transaction('rw', db.engagements, db.sources, db.captures, async () => {
      const row = await db.engagements.get(id);
      if (!row) throw new UserError('This engagement is no longer in the timeline.');
      const sources = await db.sources.where('engagementId').equals(id).toArray();
      await db.sources.bulkDelete(sources.map((s) => s.id));
      await db.captures.where('engagementId').equals(id).delete();
      await db.engagements.delete(id);
      return { engagement: stripEngagement(row), sources };
    }),
  );
}

export function restoreEngagement(
  db: CounterpartDB,
  engagement: Engagement,
  sources: readonly Source[],
): Promise<Result<Engagement>> {
  return safeWrite(() =>
    db.transaction('rw', db.engagements, db.sources, async () => {
      await db.engagements.put(toStoredEngagement(engagement));
      await db.sources.bulkPut(sources.map((s) => ({ ...s })));
      return engagement;
    }),
  );
}
