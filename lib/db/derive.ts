/**
 * The rows as stored: the shared types plus index-only fields derived from them. Derived fields are computed
 * here and nowhere else, and stripped before anything leaves the database layer, so a backup or a message
 * never carries them and an import can always rebuild them.
 */
import type { CountryCode, Engagement, Entity, Participant, Passage } from '../types';
import { INDEX_LIMITS, isCode, isId } from './limits';
import { wordsOf } from './words';

export interface EngagementIndexFields {
  /** Tokens of summary, participant names and place: checked on rows; indexed as `w:` facets. */
  words: string[];
  /**
   * `<key>|<sortDate>` for every key of `facetKeysOf` (`p:<entityId>`, `pp:<a>+<b>`, `cp:<AA|BB>`, `c:<CC>`,
   * `t:<topic>`, combinations such as `c+t:FR&narcotics`, and `w:<word>`): IndexedDB cannot combine a multi-entry
   * index with a date in one compound index, so the date is folded into the key. One range scan then yields
   * "this entity, newest first, page N" without reading any other row.
   */
  facets: string[];
  /** The date when known, else '' (`UNDATED`), so undated engagements sort and page after the dated ones. */
  sortDate: string;
}

export type StoredEngagement = Engagement & EngagementIndexFields;
export type StoredPassage = Passage & { words: string[] };
/** Lowercased name and aliases: the gazetteer editor looks officials up by any spelling. */
export type StoredEntity = Entity & { aliasKeys: string[] };

/** What `undoCapture` needs to take one capture back: the engagement as it was before (null when it was new). */
export interface CaptureRecord {
  sourceId: string;
  engagementId: string;
  at: number;
  before: Engagement | null;
  /** `updatedAt` the capture wrote; if the engagement changed since, undo only removes the source. */
  afterUpdatedAt: number;
}

/** Country pairs of the first `INDEX_LIMITS.pairCountries` countries. */
const MAX_COUNTRY_PAIRS = (INDEX_LIMITS.pairCountries * (INDEX_LIMITS.pairCountries - 1)) / 2;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The date an engagement is ordered and filtered by. An undated one sorts after every dated one (''), not at its
 * capture day: otherwise each undated page read today would sit above the week's dated meetings. Date ranges
 * leave undated engagements out (they have no date to be in a range).
 */
export function sortDateOf(e: Pick<Engagement, 'date'>): string {
  return e.date ?? UNDATED;
}

/** The `sortDate` of an engagement without a date. */
export const UNDATED = '';

/** The facet key an entity id is filed under: countries and topics are fields, everything else a participant. */
export function facetKeyForEntity(entityId: string): string {
  if (entityId.startsWith('country:')) return `c:${entityId.slice('country:'.length)}`;
  if (entityId.startsWith('topic:')) return `t:${entityId.slice('topic:'.length)}`;
  // The EU is a bloc in the gazetteer but a country code (`EU`) on engagements.
  if (entityId === 'bloc:eu') return 'c:EU';
  return `p:${entityId}`;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}+${b}` : `${b}+${a}`;
}

export function countryPairKey(a: CountryCode, b: CountryCode): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Sorted unique entity ids of the participants. An id that cannot be a key part (see `isKeyPart`) is left out: the
 * write paths and the import never let one in, and this keeps a row from elsewhere out of another entity's keys.
 */
export function participantIdsOf(participants: readonly Participant[]): string[] {
  return [...new Set(participants.flatMap((p) => (p.entityId && isId(p.entityId) ? [p.entityId] : [])))].sort();
}

/**
 * Sorted unique "AA|BB" pairs over the countries of an engagement (then of its participants), the first
 * `INDEX_LIMITS.pairCountries` of them only: pairs grow with the square of the countries.
 */
export function countryPairsOf(countries: readonly CountryCode[], participants: readonly Participant[] = []): string[] {
  const given = [...countries, ...participants.flatMap((p) => (p.country ? [p.country] : []))].filter(isCode);
  const all = [...new Set(given)].slice(0, INDEX_LIMITS.pairCountries).sort();
  const pairs: string[] = [];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) pairs.push(`${all[i]}|${all[j]}`);
  return pairs;
}

/**
 * Index keys of one engagement, without the date: single facets (`p:`, `pp:`, `cp:`, `c:`, `t:`), the
 * combinations the Timeline filters can ask for together (`p+c:`, `p+cp:`, `p+t:`, `c+t:`, `cp+t:`; see
 * `comboKey`), and one `w:<word>` per search word. Every filter the popup can set is then one range of the
 * facets index, already in date order, so a page costs about as many index entries as it shows rows.
 */
export function facetKeysOf(e: Engagement, words: readonly string[]): string[] {
  const keys: string[] = [];
  const participantIds = e.participantIds.filter(isId);
  const countries = [...new Set(e.countries.filter(isCode))];
  const topics = [...new Set(e.topics)];
  // Pairs and combinations only for the first few people and countries (INDEX_LIMITS): each is a product of lists.
  const ids = participantIds.slice(0, INDEX_LIMITS.pairParticipants);
  const pairCountries = countries.slice(0, INDEX_LIMITS.pairCountries);
  const pairs = e.countryPairs.slice(0, MAX_COUNTRY_PAIRS);
  for (const id of participantIds) keys.push(`p:${id}`);
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) keys.push(`pp:${pairKey(ids[i], ids[j])}`);
  for (const pair of pairs) keys.push(`cp:${pair}`);
  for (const c of countries) keys.push(`c:${c}`);
  for (const t of topics) keys.push(`t:${t}`);
  for (const id of ids) {
    for (const c of pairCountries) keys.push(comboKey('p', id, 'c', c));
    for (const pair of pairs) keys.push(comboKey('p', id, 'cp', pair));
    for (const t of topics) keys.push(comboKey('p', id, 't', t));
  }
  for (const t of topics) {
    for (const c of pairCountries) keys.push(comboKey('c', c, 't', t));
    for (const pair of pairs) keys.push(comboKey('cp', pair, 't', t));
  }
  for (const w of words.slice(0, INDEX_LIMITS.words)) keys.push(`w:${w}`);
  return [...new Set(keys)].slice(0, INDEX_LIMITS.facetKeys);
}

/** The kinds of facet that have a combined key, in the order they appear in it (`p+t:<id>&<topic>`). */
export type FacetKind = 'p' | 'pp' | 'cp' | 'c' | 't';

/** The key of two facets together, e.g. `c+t:FR&visas-consular`. Only the pairs `facetKeysOf` writes exist. */
export function comboKey(kindA: FacetKind, a: string, kindB: FacetKind, b: string): string {
  return `${kindA}+${kindB}:${a}&${b}`;
}

/** `facetKeysOf` with the date folded into every key (`<key>|<sortDate>`), as stored in the facets index. */
export function facetsOf(e: Engagement, sortDate: string, words: readonly string[] = []): string[] {
  return facetKeysOf(e, words).map((k) => `${k}|${sortDate}`);
}

/** Search words, the first `INDEX_LIMITS.words` only: a long summary would otherwise index every word it has. */
export function engagementWords(e: Pick<Engagement, 'summary' | 'participants' | 'place'>): string[] {
  return wordsOf(e.summary, e.place, ...e.participants.map((p) => p.name)).slice(0, INDEX_LIMITS.words);
}

/**
 * The row as stored. `participantIds` and `countryPairs` are rebuilt from the participants and countries here
 * rather than taken from the caller: a backup file could carry any lists there (20,000 made-up pairs, each
 * multiplied into combined keys), and what the index holds must follow from the primary fields alone.
 */
export function toStoredEngagement(e: Engagement): StoredEngagement {
  const base: Engagement = {
    ...stripEngagement(e),
    participantIds: participantIdsOf(e.participants),
    countryPairs: countryPairsOf(e.countries, e.participants),
  };
  const sortDate = sortDateOf(base);
  const words = engagementWords(base);
  return { ...base, words, facets: facetsOf(base, sortDate, words), sortDate };
}

/** Removes index-only fields; accepts a plain Engagement too, so callers need not know which they hold. */
export function stripEngagement(e: Engagement | StoredEngagement): Engagement {
  const { words: _w, facets: _f, sortDate: _s, ...rest } = e as StoredEngagement;
  return rest;
}

export function passageWords(p: Pick<Passage, 'selectors' | 'note' | 'tags' | 'title'>): string[] {
  return wordsOf(p.selectors.quote.exact, p.note, p.title, ...p.tags).slice(0, INDEX_LIMITS.words);
}

export function toStoredPassage(p: Passage): StoredPassage {
  return { ...stripPassage(p), words: passageWords(p) };
}

export function stripPassage(p: Passage | StoredPassage): Passage {
  const { words: _w, ...rest } = p as StoredPassage;
  return rest;
}

export function aliasKeysOf(e: Entity): string[] {
  const names = e.kind === 'topic' ? [e.name] : [e.name, ...e.aliases];
  return [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0))];
}

export function toStoredEntity(e: Entity): StoredEntity {
  return { ...stripEntity(e), aliasKeys: aliasKeysOf(e) };
}

export function stripEntity(e: Entity | StoredEntity): Entity {
  const { aliasKeys: _a, ...rest } = e as StoredEntity;
  return rest as Entity;
}
