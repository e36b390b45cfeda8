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
  UNDATED,
} from './derive';
import { safeWrite, UserError } from './errors';
import { engagementToStore, sourceToStore, storableUrl } from './fit';
import { mergeDraft } from './merge';
import {
  candidateKeys,
  DEFAULT_LIMIT,
  dateRange,
  type EngagementFilter,
  facetRange,
  matchesFilter,
  SMALL_RANK,
  termKeys,
  textTerms,
} from './query-plan';
import { type Candidate, matchSameEvent, PUBLISHED_WINDOW } from './same-event';
import type { CounterpartDB } from './schema';
import { normaliseUrl, urlVariants } from './url';
import { type DateRange, intersectNewest, type KeyTerm, Walk } from './walk';

export * from './gazetteer';
export * from './passages';
export type { EngagementFilter } from './query-plan';

/** Undo records older than this are dropped: "Undo" is offered right after a capture, not weeks later. */
const CAPTURE_UNDO_TTL_MS = 30 * 86_400_000;

/** Candidates per facet when the draft has no date to narrow by. */
const UNDATED_CANDIDATES = 200;

export type EngagementOrigin = Engagement['origin'];

export interface RecordOutcome {
  engagementId: string;
  merged: boolean;
  sourceAdded: boolean;
  /** The id of the new source (pass it to undoCapture), or null when the url was already a source. */
  sourceId: string | null;
  /**
   * A stored engagement that may be the same event (the grey zone): the article was kept apart from it, and the
   * reader is to be asked ("Same meeting as …?", `answerSameEvent`). Null when the match was clear either way.
   */
  ask?: string | null;
}

/** What the article says besides its draft and source. */
export interface RecordContext {
  /** Its dateline city as written: a draft place equal to it may be only where the reporter is. */
  dateline?: string | null;
}

export function newId(prefix: string): string {
  return `${prefix}:${crypto.randomUUID()}`;
}

/**
 * The address a source is stored and looked up under: one per article (`normaliseUrl`: no fragment, tracking
 * parameters, AMP or mobile variants), shortened to the storage limit the way `boundedUrl` says.
 */
export function canonicalUrl(url: string): string {
  return normaliseUrl(url);
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The sortDate range in which a stored report of the same event must lie: the whole month(s) around the draft's
 * date, so month-precision rows ("2025-12") are included too; for an undated draft, the months around the days
 * before its publication. Null when there is no date to go by.
 */
export function candidateRange(draft: EngagementDraft, reference: string | null): [string, string] | null {
  const date = draft.date ?? reference;
  if (!date || draft.datePrecision === 'year' || !/^\d{4}-\d{2}/.test(date)) return null;
  if (date.length < 10 || draft.datePrecision === 'month') {
    const month = date.slice(0, 7);
    return [month, `${month}\uffff`];
  }
  const [before, after] = draft.date ? [-4, 4] : [-(PUBLISHED_WINDOW.after + 1), PUBLISHED_WINDOW.before + 1];
  return [shiftDay(date, before).slice(0, 7), `${shiftDay(date, after).slice(0, 7)}\uffff`];
}

/**
 * Stored engagements that may be the draft's event: those in its date range, and the latest ones of its people
 * and country pairs (undated rows sort by their capture day, which may be far from the event). Undated ones come
 * with their earliest source's publication date, which stands in for their event date.
 */
async function candidatesFor(
  db: CounterpartDB,
  draft: EngagementDraft,
  reference: string | null,
): Promise<Candidate[]> {
  const rows = new Map<string, StoredEngagement>();
  const range = candidateRange(draft, reference);
  if (range)
    for (const r of await db.engagements.where('sortDate').between(range[0], range[1], true, true).toArray())
      rows.set(r.id, r);
  // Undated engagements sort apart (sortDate ''): the newest of them are candidates for any date.
  for (const r of await db.engagements.where('sortDate').equals(UNDATED).reverse().limit(UNDATED_CANDIDATES).toArray())
    rows.set(r.id, r);
  const facets = [
    ...participantIdsOf(draft.participants).map((id) => `p:${id}`),
    ...countryPairsOf(draft.countries, draft.participants).map((p) => `cp:${p}`),
  ];
  for (const f of facets) {
    const found = await db.engagements
      .where('facets')
      .between(`${f}|`, `${f}|\uffff`)
      .reverse()
      .limit(UNDATED_CANDIDATES)
      .toArray();
    for (const r of found) rows.set(r.id, r);
  }
  const undated = [...rows.values()].filter((r) => !r.date).map((r) => r.id);
  const published = new Map<string, string>();
  if (undated.length > 0) {
    for (const src of await db.sources.where('engagementId').anyOf(undated).toArray()) {
      const known = published.get(src.engagementId);
      if (src.published && (!known || src.published < known)) published.set(src.engagementId, src.published);
    }
  }
  return [...rows.values()].map((r) => ({ engagement: stripEngagement(r), published: published.get(r.id) ?? null }));
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
 * with the article as a source (once per url). One transaction: either all of it is stored or none. Labels the page
 * supplied are cut to the limits (`fit.ts`); an address too long to store even without its query is refused.
 */
export function recordEngagement(
  db: CounterpartDB,
  draft: EngagementDraft,
  source: Omit<Source, 'id' | 'engagementId'>,
  origin: EngagementOrigin = 'captured',
  now: number = Date.now(),
  context: RecordContext = {},
): Promise<Result<RecordOutcome>> {
  return safeWrite(async () => {
    const url = storableUrl(canonicalUrl(source.url), 'source');
    return db.transaction(
      'rw',
      [db.engagements, db.sources, db.captures, db.sameEventAnswers],
      async (): Promise<RecordOutcome> => {
        // An article already on file is not a second engagement, whatever this reading of it extracted.
        const onFile =
          origin === 'captured' ? await db.sources.where('url').anyOf(urlVariants(url)).first() : undefined;
        if (onFile) return { engagementId: onFile.engagementId, merged: true, sourceAdded: false, sourceId: null };

        const { match, ask } = await sameEventFor(db, draft, url, source.published, context);
        if (match) {
          const known = await db.sources
            .where('[engagementId+url]')
            .anyOf(urlVariants(url).map((u) => [match.id, u]))
            .first();
          // Re-capturing a page already on file changes nothing, not even updatedAt.
          if (known) return { engagementId: match.id, merged: true, sourceAdded: false, sourceId: null };
        }

        const engagement = engagementToStore(
          match ? mergeDraft(match, draft, now) : engagementFromDraft(draft, origin, now),
        );
        await db.engagements.put(toStoredEngagement(engagement));
        const sourceId = newId('src');
        await db.sources.add(sourceToStore({ ...source, url, id: sourceId, engagementId: engagement.id }));
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
        return { engagementId: engagement.id, merged: match !== null, sourceAdded: true, sourceId, ask };
      },
    );
  });
}

/**
 * The stored engagement an article reports, as the reader's earlier answers for its address and the score say:
 * an engagement the reader said it is wins; ones the reader said it is not are left out; a grey-zone match is
 * returned as `ask`, never merged.
 */
async function sameEventFor(
  db: CounterpartDB,
  draft: EngagementDraft,
  url: string,
  published: string | null,
  context: RecordContext,
): Promise<{ match: Engagement | null; ask: string | null }> {
  const answers = await db.sameEventAnswers.where('url').anyOf(urlVariants(url)).toArray();
  for (const a of answers) {
    const row = a.same ? await db.engagements.get(a.engagementId) : undefined;
    if (row) return { match: stripEngagement(row), ask: null };
  }
  const refused = new Set(answers.filter((a) => !a.same).map((a) => a.engagementId));
  const candidates = (await candidatesFor(db, draft, published)).filter((c) => !refused.has(c.engagement.id));
  const m = matchSameEvent(draft, candidates, { published, dateline: context.dateline ?? null });
  if (m.verdict === 'same') return { match: m.engagement, ask: null };
  return { match: null, ask: m.verdict === 'ask' ? (m.engagement?.id ?? null) : null };
}

/**
 * The grey-zone question for a draft that is not stored (capture off or ask, Save this article before saving):
 * the engagement to ask about, or null when the match is clear or the reader already answered.
 */
export async function sameEventQuestion(
  db: CounterpartDB,
  draft: EngagementDraft,
  address: string,
  published: string | null,
  context: RecordContext = {},
): Promise<{ match: Engagement | null; ask: string | null }> {
  const url = canonicalUrl(address);
  return db.transaction('r', [db.engagements, db.sources, db.sameEventAnswers], () =>
    sameEventFor(db, draft, url, published, context),
  );
}

/**
 * The reader's answer to "Same meeting as …?" for the article at `address`: remembered (and obeyed by every later
 * capture of that article). "Yes" also folds the article into that engagement now: its source moves there, and an
 * engagement that only this article made is merged in and removed (undo of that capture restores the one it
 * joined, as for any merge).
 */
export function answerSameEvent(
  db: CounterpartDB,
  address: string,
  engagementId: string,
  same: boolean,
  now: number = Date.now(),
): Promise<Result<{ engagementId: string | null }>> {
  return safeWrite(() =>
    db.transaction('rw', [db.engagements, db.sources, db.captures, db.sameEventAnswers], async () => {
      const url = canonicalUrl(address);
      const row = await db.engagements.get(engagementId);
      if (!row) throw new UserError('This engagement is no longer in the timeline.');
      await db.sameEventAnswers.put({ url, engagementId, same, at: now });
      if (!same) return { engagementId: null };
      const before = stripEngagement(row);
      let merged = before;
      const elsewhere = (await db.sources.where('url').anyOf(urlVariants(url)).toArray()).filter(
        (src) => src.engagementId !== engagementId,
      );
      const already = await db.sources
        .where('[engagementId+url]')
        .anyOf(urlVariants(url).map((u) => [engagementId, u]))
        .first();
      for (const src of elsewhere) {
        const other = await db.engagements.get(src.engagementId);
        const siblings = await db.sources.where('engagementId').equals(src.engagementId).count();
        if (other && siblings === 1) {
          merged = mergeDraft(merged, stripEngagement(other), now);
          await db.engagements.delete(other.id);
        }
        if (already) {
          await db.sources.delete(src.id);
          await db.captures.delete(src.id);
        } else {
          await db.sources.update(src.id, { engagementId });
          await db.captures.put({ sourceId: src.id, engagementId, at: now, before, afterUpdatedAt: now });
        }
      }
      if (elsewhere.length > 0) {
        merged = engagementToStore({ ...merged, updatedAt: now });
        await db.engagements.put(toStoredEngagement(merged));
      }
      return { engagementId };
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
 * Engagements matching `filter`, newest first, paged by limit/offset. Every filter the popup can set has one
 * `facets` key that holds all its rows in date order (a single condition, or a pair such as topic + country with
 * its combined key; see `candidateKeys`), so a page is one reverse walk of that range that stops when the page is
 * full. Text adds, per search term (`search-terms.ts`), the union of its `w:<word>` range (the last word as a prefix,
 * expanded to the stored words it starts) and the `c:`/`t:` keys of the countries and topics it names; unless the
 * best facet is small enough to walk alone, the terms and the facet are intersected by primary key (`intersectNewest`).
 */
export async function queryEngagements(db: CounterpartDB, filter: EngagementFilter = {}): Promise<Engagement[]> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const offset = filter.offset ?? 0;
  const need = offset + limit;
  const terms = textTerms(filter);
  const accept = (row: StoredEngagement) => matchesFilter(row, filter, terms);
  const facetRangeOf = (key: string): DateRange => {
    const [lower, upper] = facetRange(key, filter);
    return { key, lower, upper };
  };
  const [lower, upper] = dateRange(filter);
  const byDate: DateRange = { key: null, lower, upper };

  const [best] = candidateKeys(filter);
  let ranges: DateRange[];
  if (terms.length === 0 || (best && best.rank <= SMALL_RANK)) {
    ranges = [best ? facetRangeOf(best.key) : byDate];
  } else {
    const words: KeyTerm[] = [];
    for (const term of terms) {
      // Each term is the union of its keys: its word (or the completions of the word being typed), the countries
      // and topics it names. A term some row could match under no key (a figure) is left to `accept`.
      const tk = termKeys(term);
      if (!tk) continue;
      const expanded = tk.prefix !== null ? await expandPrefix(db, tk.prefix) : tk.word !== null ? [tk.word] : [];
      if (!expanded) continue;
      const keys = [...expanded.map((w) => `w:${w}`), ...tk.facets];
      if (keys.length === 0) return [];
      words.push({ keys });
    }
    // Single words before prefixes with several completions, longer (usually rarer) words first.
    words.sort((a, b) => a.keys.length - b.keys.length || b.keys[0].length - a.keys[0].length);
    const keyTerms: KeyTerm[] = [...words, ...(best ? [{ keys: [best.key] }] : [])];
    const driver = keyTerms.find((t) => t.keys.length === 1);
    if (keyTerms.length > 1 && driver) {
      const others = keyTerms.filter((t) => t !== driver);
      const rows = await intersectNewest(db, driver.keys[0], others, filter, accept, need);
      return rows.slice(offset, offset + limit).map(stripEngagement);
    }
    ranges = keyTerms.length > 0 ? keyTerms[0].keys.map(facetRangeOf) : [byDate];
  }
  const rows = await new Walk(db, ranges, accept, need).run();
  return rows.slice(offset, offset + limit).map(stripEngagement);
}

/** A prefix that completes to more stored words than this is checked on rows rather than walked word by word. */
const MAX_PREFIX_WORDS = 8;

/**
 * The stored words that start with `prefix`, found by skipping from one word's keys to the next (one small read
 * per word, however many rows each has); null when there are more than MAX_PREFIX_WORDS.
 */
async function expandPrefix(db: CounterpartDB, prefix: string): Promise<string[] | null> {
  const words: string[] = [];
  const upper = `w:${prefix}\uffff`;
  let lower = `w:${prefix}`;
  let inclusive = true;
  while (words.length <= MAX_PREFIX_WORDS) {
    const [key] = await db.engagements.where('facets').between(lower, upper, inclusive, true).limit(1).keys();
    if (key === undefined) return words;
    const k = String(key);
    const word = k.slice(2, k.indexOf('|', 2));
    words.push(word);
    lower = `w:${word}|\uffff`;
    inclusive = false;
  }
  return null;
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
  // One request per id, all sent at once: `anyOf` walks a cursor that waits for each key before seeking the next.
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
  return db.sources.where('url').anyOf(urlVariants(url)).toArray();
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
      const next = engagementToStore({
        ...stripEngagement(row),
        ...edit,
        participantIds: participantIdsOf(edit.participants),
        countryPairs: countryPairsOf(edit.countries, edit.participants),
        updatedAt: now,
      });
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
      const restored = engagementToStore(engagement);
      const rows = sources.map((s) => sourceToStore({ ...s, url: storableUrl(s.url, 'source') }));
      await db.engagements.put(toStoredEngagement(restored));
      await db.sources.bulkPut(rows);
      return restored;
    }),
  );
}
