/**
 * Which index answers a timeline filter, and the full predicate for what the index cannot check. Pure, so the
 * choice is tested without a database and the benchmark's full-scan baseline uses the very same predicate.
 */
import type { CountryCode, TopicId } from '../types';
import type { StoredEngagement } from './derive';
import { countryPairKey, type EngagementIndexFields, facetKeyForEntity, pairKey } from './derive';
import { tokenize, wordsMatch } from './words';

export interface EngagementFilter {
  /** An official (or `country:XX`, `topic:…`, `bloc:eu`: whatever the hover card is about). */
  entityId?: string;
  /** Engagements where both took part. */
  entityIds?: [string, string];
  countryPair?: [CountryCode, CountryCode];
  country?: CountryCode;
  topic?: TopicId;
  /** Inclusive ISO dates (YYYY-MM-DD), compared with the engagement date (capture day when undated). */
  from?: string;
  to?: string;
  text?: string;
  limit?: number;
  offset?: number;
}

export const DEFAULT_LIMIT = 100;

/** A range over one index, newest first. */
export interface IndexPlan {
  index: 'facets' | 'sortDate';
  lower: string;
  upper: string;
}

const HIGH = '\uffff';

/** The facet key of the most selective filter, most specific first (a pair of people beats one person beats a topic). */
export function facetFor(f: EngagementFilter): string | null {
  if (f.entityIds) {
    // Pair facets exist only for two participants; a person + country pair narrows by the person, then filters.
    return isPersonPair(f.entityIds)
      ? `pp:${pairKey(f.entityIds[0], f.entityIds[1])}`
      : facetKeyForEntity(f.entityIds[0]);
  }
  if (f.entityId) return facetKeyForEntity(f.entityId);
  if (f.countryPair) return `cp:${countryPairKey(f.countryPair[0], f.countryPair[1])}`;
  if (f.topic) return `t:${f.topic}`;
  if (f.country) return `c:${f.country}`;
  return null;
}

/**
 * Every facet key the filter constrains (the date range applies to each). A pair of people is one `pp:` facet;
 * a person with a country or topic is two facets whose key lists are intersected.
 */
export function facetsOf(f: EngagementFilter): string[] {
  const keys: string[] = [];
  if (f.entityIds) {
    if (isPersonPair(f.entityIds)) keys.push(`pp:${pairKey(f.entityIds[0], f.entityIds[1])}`);
    else keys.push(facetKeyForEntity(f.entityIds[0]), facetKeyForEntity(f.entityIds[1]));
  }
  if (f.entityId) keys.push(facetKeyForEntity(f.entityId));
  if (f.countryPair) keys.push(`cp:${countryPairKey(f.countryPair[0], f.countryPair[1])}`);
  if (f.topic) keys.push(`t:${f.topic}`);
  if (f.country) keys.push(`c:${f.country}`);
  return [...new Set(keys)];
}

/** The `facets` index range of one facet within the filter's dates. */
export function facetRange(facet: string, f: EngagementFilter): [string, string] {
  return [`${facet}|${f.from ?? ''}`, `${facet}|${f.to ? f.to + HIGH : HIGH}`];
}

export function isPersonPair(ids: readonly [string, string]): boolean {
  return ids.every((id) => facetKeyForEntity(id).startsWith('p:'));
}

export function planQuery(f: EngagementFilter): IndexPlan {
  const facet = facetFor(f);
  const from = f.from ?? '';
  const to = f.to ? f.to + HIGH : HIGH;
  if (facet === null) return { index: 'sortDate', lower: from, upper: to };
  return { index: 'facets', lower: `${facet}|${from}`, upper: `${facet}|${to}` };
}

export function textTokens(f: EngagementFilter): string[] {
  return f.text ? tokenize(f.text) : [];
}

/** Every condition of the filter, checked on one row (the index only narrows; this decides). */
export function matchesFilter(
  e: StoredEngagement,
  f: EngagementFilter,
  tokens: readonly string[] = textTokens(f),
): boolean {
  if (f.entityIds && !(hasEntity(e, f.entityIds[0]) && hasEntity(e, f.entityIds[1]))) return false;
  if (f.entityId && !hasEntity(e, f.entityId)) return false;
  if (f.countryPair && !e.countryPairs.includes(countryPairKey(f.countryPair[0], f.countryPair[1]))) return false;
  if (f.topic && !e.topics.includes(f.topic)) return false;
  if (f.country && !e.countries.includes(f.country)) return false;
  if (f.from && e.sortDate < f.from) return false;
  if (f.to && e.sortDate > f.to + HIGH) return false;
  if (tokens.length > 0 && !wordsMatch(e.words, tokens)) return false;
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
