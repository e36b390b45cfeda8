/**
 * Which index answers a timeline filter, and the full predicate for what the index cannot check. Pure, so the
 * choice is tested without a database and the benchmark's full-scan baseline uses the very same predicate.
 */
import type { CountryCode, TopicId } from '../types';
import type { StoredEngagement } from './derive';
import {
  comboKey,
  countryPairKey,
  type EngagementIndexFields,
  type FacetKind,
  facetKeyForEntity,
  pairKey,
} from './derive';
import { type SearchTerm, searchTerms, termMatches } from './search-terms';

export interface EngagementFilter {
  /** An official (or `country:XX`, `topic:…`, `bloc:eu`: whatever the hover card is about). */
  entityId?: string;
  /** Engagements where both took part. */
  entityIds?: [string, string];
  countryPair?: [CountryCode, CountryCode];
  country?: CountryCode;
  topic?: TopicId;
  /** Inclusive ISO dates (YYYY-MM-DD), compared with the engagement date; undated engagements are in no range. */
  from?: string;
  to?: string;
  text?: string;
  limit?: number;
  offset?: number;
}

export const DEFAULT_LIMIT = 100;

const HIGH = '\uffff';

/** One condition of a filter as the facets index files it: `p` official, `pp` pair of officials, `c`, `cp`, `t`. */
export interface Constraint {
  kind: FacetKind;
  value: string;
}

/** The facet pairs that have a combined key (see `facetKeysOf`), kind order as in the key. */
const COMBOS: readonly [FacetKind, FacetKind][] = [
  ['p', 'c'],
  ['p', 'cp'],
  ['p', 't'],
  ['c', 't'],
  ['cp', 't'],
];

/**
 * How few rows a key usually has, lower is fewer: a pair of people or a person with anything else beats one person,
 * which beats a country pair with a topic, and so on down to one country. Counting a range would tell exactly, but
 * IndexedDB counts by walking it, which costs as much as the walk the count is meant to avoid.
 */
const RANK: Record<string, number> = {
  pp: 1,
  'p+cp': 2,
  'p+t': 3,
  'p+c': 4,
  p: 5,
  'cp+t': 6,
  cp: 7,
  'c+t': 8,
  t: 9,
  c: 10,
};

/** Keys ranked at most this are small enough to walk alone with text, its words checked on the rows read. */
export const SMALL_RANK = RANK.p;

/** Every condition of the filter except dates and text, as facets. */
export function constraintsOf(f: EngagementFilter): Constraint[] {
  const out: Constraint[] = [];
  const entity = (id: string) => {
    const key = facetKeyForEntity(id);
    const colon = key.indexOf(':');
    out.push({ kind: key.slice(0, colon) as FacetKind, value: key.slice(colon + 1) });
  };
  if (f.entityIds) {
    if (isPersonPair(f.entityIds)) out.push({ kind: 'pp', value: pairKey(f.entityIds[0], f.entityIds[1]) });
    else for (const id of f.entityIds) entity(id);
  }
  if (f.entityId) entity(f.entityId);
  if (f.countryPair) out.push({ kind: 'cp', value: countryPairKey(f.countryPair[0], f.countryPair[1]) });
  if (f.topic) out.push({ kind: 't', value: f.topic });
  if (f.country) out.push({ kind: 'c', value: f.country });
  return out;
}

/** A facet key (no date) with its rank. */
export interface RankedKey {
  key: string;
  rank: number;
}

/**
 * The facet keys that hold every row the filter can match, best (fewest rows) first: each single condition, and
 * each pair of conditions that has a combined key. Any one of them is a complete starting point; the rows it
 * yields are then checked against the whole filter.
 */
export function candidateKeys(f: EngagementFilter): RankedKey[] {
  const cs = constraintsOf(f);
  const out = new Map<string, number>();
  for (const c of cs) out.set(`${c.kind}:${c.value}`, RANK[c.kind]);
  for (const x of cs)
    for (const y of cs) {
      if (COMBOS.some(([a, b]) => a === x.kind && b === y.kind))
        out.set(comboKey(x.kind, x.value, y.kind, y.value), RANK[`${x.kind}+${y.kind}`]);
    }
  return [...out].map(([key, rank]) => ({ key, rank })).sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : 1));
}

/** The `facets` index range of one key within the filter's dates. */
export function facetRange(key: string, f: Pick<EngagementFilter, 'from' | 'to'>): [string, string] {
  return [`${key}|${f.from ?? ''}`, `${key}|${f.to ? f.to + HIGH : HIGH}`];
}

/** The `sortDate` index range of the filter's dates (the walk when nothing else narrows). */
export function dateRange(f: Pick<EngagementFilter, 'from' | 'to'>): [string, string] {
  return [f.from ?? '', f.to ? f.to + HIGH : HIGH];
}

export function isPersonPair(ids: readonly [string, string]): boolean {
  return ids.every((id) => facetKeyForEntity(id).startsWith('p:'));
}

/** The filter's text as search terms (`search-terms.ts`): every one must match some field of a row. */
export function textTerms(f: EngagementFilter): SearchTerm[] {
  return f.text ? searchTerms(f.text) : [];
}

/**
 * The `facets` keys that together hold every row a term can match, or null when some row could match it without
 * being under any key (a figure: figures are not indexed, so a number is checked on the rows a walk reads).
 * `word` is the one word of the term a row must have for its words to match (the longest, rarest, exact one),
 * `prefix` a word to expand to its stored completions when the term is a word being typed.
 */
export interface TermKeys {
  facets: string[];
  word: string | null;
  prefix: string | null;
}

export function termKeys(t: SearchTerm): TermKeys | null {
  if (t.number !== null) return null;
  const facets = [...t.countries.map((c) => `c:${c}`), ...t.topics.map((x) => `t:${x}`)];
  const exact = t.prefix ? t.words.slice(0, -1) : t.words;
  if (exact.length > 0) {
    const word = exact.reduce((a, b) => (b.length > a.length ? b : a));
    return { facets, word, prefix: null };
  }
  return { facets, word: null, prefix: t.words[0] ?? null };
}

/** Every condition of the filter, checked on one row (the index only narrows; this decides). */
export function matchesFilter(
  e: StoredEngagement,
  f: EngagementFilter,
  terms: readonly SearchTerm[] = textTerms(f),
): boolean {
  if (f.entityIds && !(hasEntity(e, f.entityIds[0]) && hasEntity(e, f.entityIds[1]))) return false;
  if (f.entityId && !hasEntity(e, f.entityId)) return false;
  if (f.countryPair && !e.countryPairs.includes(countryPairKey(f.countryPair[0], f.countryPair[1]))) return false;
  if (f.topic && !e.topics.includes(f.topic)) return false;
  if (f.country && !e.countries.includes(f.country)) return false;
  if (f.from && e.sortDate < f.from) return false;
  if (f.to && e.sortDate > f.to + HIGH) return false;
  for (const t of terms) if (!termMatches(e, t)) return false;
  return true;
}

function hasEntity(e: StoredEngagement, entityId: string): boolean {
  const key = facetKeyForEntity(entityId);
  const value = key.slice(key.indexOf(':') + 1);
  if (key.startsWith('c:')) return e.countries.includes(value);
  if (key.startsWith('t:')) return (e.topics as string[]).includes(value);
  return e.participantIds.includes(entityId);
}

/** Newest first, ties by id descending: the order an index walk in reverse produces. */
export function compareNewestFirst(
  a: EngagementIndexFields & { id: string },
  b: EngagementIndexFields & { id: string },
) {
  if (a.sortDate !== b.sortDate) return a.sortDate < b.sortDate ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
