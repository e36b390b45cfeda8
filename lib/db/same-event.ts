/**
 * Is this article's engagement one the timeline already holds? Outlets report one meeting differently: a
 * misspelt surname, another member of the same delegation, a dateline city that is only where the reporter
 * sits, no date at all. So the decision is a score over several tolerant signals (people, countries, date,
 * place, topics, kind), with a few vetoes for what makes two reports certainly different events (a phone call
 * and a visit; the same people a month apart). Above `MERGE_AT` the report is merged; between `ASK_AT` and it
 * the reader is asked. Pure: no database.
 */

import { PORTFOLIO_WORDS } from '../detect/data/roles';
import { CITY_COUNTRY, DEMONYM_COUNTRY } from '../extract/geo';
import { editDistance } from '../lexicon/edit-distance';
import { foldForSearch } from '../lexicon/fold';
import type { CountryCode, DatePrecision, Engagement, EngagementDraft, EngagementKind, Participant } from '../types';

// ---------------------------------------------------------------------------------------------------------------
// Weights. A report of the same meeting by a second outlet typically scores 8–10: both sides' people (4), the
// same countries (2), the same or next day (1.5–2), topics and kind (1). Each weight says how much one signal may
// carry on its own.

/** People of both sides (two or more matched people) found in both reports: the strongest evidence there is. */
export const PEOPLE_BOTH_SIDES = 4;
/** One person in common: the other side is unnamed, or named differently (another member of the delegation). */
export const PEOPLE_ONE = 2;
/**
 * A country for which both reports name people and none of them match, while someone else matched. For the
 * visiting side that is another member of the delegation (mild); for the host (the country of the place) it is
 * the visitor's next appointment, another meeting. With nobody matched it is a veto (the deputies the same week).
 */
export const DELEGATION_DIFFERS = -1;
export const HOST_DIFFERS = -3;
/** Each report names a counterpart from a country the other does not mention at all: another counterpart. */
export const OTHER_COUNTERPART = -3.5;
/** Same set of two or more countries. */
export const COUNTRIES_SAME = 2;
/** Two or more countries shared, with others only one report mentions (the EU, a host). */
export const COUNTRIES_OVERLAP = 1;
/** Event dates: same day, next day, two or three days apart (a "Friday" guess, a late report). */
export const DATE_SAME_DAY = 2;
export const DATE_NEXT_DAY = 1.5;
export const DATE_NEAR = 0.5;
/** Only the month is known on one side, and it is the same. */
export const DATE_SAME_MONTH = 0.5;
/** One report is undated and was published within `PUBLISHED_WINDOW` of the other's event. */
export const DATE_PUBLISHED = 0.75;
/**
 * Neither report says when: the same people may be on another trip, so only a report that agrees on the people,
 * the countries and the place (or everything else) is merged; one that also lacks the place is asked about.
 */
export const DATE_UNKNOWN = -1.5;
/** The same place (or one inside the other, a city in the named country). */
export const PLACE_SAME = 1;
/** Different places where one may be only the reporter's city (a dateline, or a participant country's city). */
export const PLACE_REPORTER = -0.5;
/** Cities of two countries: Brussels and Islamabad are two trips, unless one is only the draft's dateline. */
export const PLACE_OTHER_TRIP = -3;
/** Different cities of one country (Rome and Milan). */
export const PLACE_OTHER_CITY = -2;
export const TOPICS_SHARED = 0.5;
export const TOPICS_DISJOINT = -0.5;
export const KIND_SAME = 0.5;

/** Merge without asking from here. */
export const MERGE_AT = 6.5;
/** Ask the reader from here up to `MERGE_AT`; below it, a new engagement. */
export const ASK_AT = 3.5;

/** Event days within which two dated reports may be one event: a "Friday" guess, a report days later. */
export const MAX_DAYS_APART = 3;
/** An undated report is published from a day before (time zones) to four days after the event it reports. */
export const PUBLISHED_WINDOW = { before: 1, after: 4 } as const;

// ---------------------------------------------------------------------------------------------------------------
// People

/**
 * Words left out of a stored name before two reports' people are compared. Not the detector's `HONORIFICS`
 * (data/roles.ts), which says what the title parser skips: names the detector gives keep styles such as "Sheikh"
 * and "Prince", so one outlet's "Sheikh Saif bin Zayed" must still match another's "Saif bin Zayed".
 */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'syed',
  'sayed',
  'prof',
  'sen',
  'gen',
  'hon',
  'h.e',
  'he',
  'prince',
  'princess',
  'sheikh',
  'shaikh',
]);

/** Particles of a patronymic chain ("Abdulaziz bin Saud bin Naif"): a shorter chain names the same person. */
const PATRONYMIC = new Set(['bin', 'bint', 'ibn', 'ben']);

/** Lowercased tokens of a person's name, without diacritics, punctuation or honorifics. */
export function nameTokens(name: string): string[] {
  return foldForSearch(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && !TITLES.has(t));
}

/** How far two spellings of one name may be: a letter for names of 5+ letters, a syllable when the office agrees. */
function spellingsMatch(a: string, b: string, sameOffice: boolean): boolean {
  if (a === b) return true;
  const shortest = Math.min(a.length, b.length);
  if (sameOffice) return shortest >= 4 && editDistance(a, b, 2) <= 2;
  return shortest >= 5 && editDistance(a, b, 1) <= 1;
}

/** Given names: the same, an initial of the other, or one letter off ("Khaled"/"Khalid"; "Carlo" ≠ "Marco"). */
function givenNamesMatch(g: string, h: string): boolean {
  if (g.length === 1) return h.startsWith(g);
  return g === h || (Math.min(g.length, h.length) >= 4 && g[0] === h[0] && editDistance(g, h, 1) <= 1);
}

/** `short` is the start of `long`'s patronymic chain: "Abdulaziz bin Saud" of "Abdulaziz bin Saud bin Naif". */
function patronymicPrefix(short: string[], long: string[]): boolean {
  if (short.length < 3 || short.length >= long.length || !PATRONYMIC.has(long[short.length])) return false;
  return short.every((t, i) => t === long[i]) && short.some((t) => PATRONYMIC.has(t));
}

/**
 * Same person by name: same surname (allowing "Quinten"/"Quintin"; a syllable when `sameOffice`), and the given
 * names of the shorter form are found in the longer one ("Naqvi" = "Mohsin Naqvi" = "Syed Mohsin Naqvi"; "Mohsin
 * Naqvi" ≠ "Ali Naqvi"). Names written family name first ("Chung Eui-yong") match their reversed form.
 */
export function namesMatch(a: string, b: string, sameOffice = false): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.length === tb.length && ta.length > 1 && [...ta].sort().join(' ') === [...tb].sort().join(' ')) return true;
  if (patronymicPrefix(ta, tb) || patronymicPrefix(tb, ta)) return true;
  if (!spellingsMatch(ta[ta.length - 1], tb[tb.length - 1], sameOffice)) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const given = long.slice(0, -1);
  return short.slice(0, -1).every((g) => given.some((h) => givenNamesMatch(g, h)));
}

/** The same given names and surname, spelt the same (two or more words). */
function sameFullName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  return ta.length >= 2 && ta.join(' ') === nameTokens(b).join(' ');
}

/** Words of a role that say a lower rank: a deputy minister is not the minister. */
const DEPUTY = /\b(deputy|vice|state|junior|assistant|under|additional|parliamentary)\b/i;

/** The portfolios a role names ("Federal Minister for Interior" → interior), from the detector's own table. */
function portfolios(role: string): Set<string> {
  const words = role.toLowerCase().split(/[^a-z]+/);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    const p = PORTFOLIO_WORDS[two] ?? PORTFOLIO_WORDS[words[i]];
    if (p) out.add(p);
  }
  return out;
}

/** Both roles known and the same office: same rank and a shared portfolio (or the same words when none). */
export function sameOffice(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  if (DEPUTY.test(a) !== DEPUTY.test(b)) return false;
  const pa = portfolios(a);
  const pb = portfolios(b);
  if (pa.size > 0 || pb.size > 0) return [...pa].some((p) => pb.has(p));
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Different ranks written out: "Deputy Interior Minister" is never the "Interior Minister". */
function ranksDiffer(a: Participant, b: Participant): boolean {
  return !!a.role && !!b.role && DEPUTY.test(a.role) !== DEPUTY.test(b.role);
}

export function sameParticipant(a: Participant, b: Participant): boolean {
  if (a.entityId && b.entityId && a.entityId === b.entityId) return true;
  // Different countries means different people when only a surname or a variant agrees; the same full name is the
  // same person (one outlet's extraction gave the visitor the host's country).
  if (a.country && b.country && a.country !== b.country) return sameFullName(a.name, b.name);
  if (ranksDiffer(a, b)) return false;
  // A wider spelling tolerance only where the office and the country say it is the same post.
  const office = !!a.country && a.country === b.country && sameOffice(a.role, b.role);
  return namesMatch(a.name, b.name, office);
}

// ---------------------------------------------------------------------------------------------------------------
// Places

function fold(s: string): string {
  return foldForSearch(s)
    .replace(/[^\p{L}\p{N}, ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface PlaceInfo {
  /** The place's parts, most specific first ("brussels", "belgium"). */
  parts: string[];
  /** The city part, when the place names one. */
  city: string | null;
  country: CountryCode | null;
}

export function placeInfo(place: string | null): PlaceInfo | null {
  const t = place ? fold(place) : '';
  if (!t) return null;
  const parts = t
    .split(',')
    .map((p) => p.trim().replace(/^the /, ''))
    .filter(Boolean);
  let city: string | null = null;
  let country: CountryCode | null = null;
  for (const p of parts) {
    const asCountry = DEMONYM_COUNTRY.get(p);
    const asCity = CITY_COUNTRY.get(p);
    if (asCity && !city) {
      city = p;
      country ??= asCity;
    } else if (asCountry) country ??= asCountry;
  }
  if (!city && !country) city = parts[0] ?? null;
  return { parts, city, country };
}

export type PlaceRelation = 'unknown' | 'same' | 'reporter' | 'other-city' | 'other-trip';

/**
 * How two places relate: one unknown; the same (or one inside the other: "Brussels" and "Belgium"); different but
 * the draft's may be only the reporter's city (its dateline), or one is a venue the gazetteer does not place;
 * different cities of one country; or cities of two countries, which make two trips.
 */
export function placeRelation(a: string | null, b: string | null, draftDateline: string | null = null): PlaceRelation {
  const pa = placeInfo(a);
  const pb = placeInfo(b);
  if (!pa || !pb) return 'unknown';
  if (pa.parts.some((p) => pb.parts.includes(p))) return 'same';
  if (pa.city && pb.city && pa.city === pb.city) return 'same';
  // A country named alone contains any city of it.
  if (pa.country && pa.country === pb.country && (!pa.city || !pb.city)) return 'same';
  const dateline = draftDateline ? fold(draftDateline) : null;
  if (dateline && (pa.parts.includes(dateline) || pa.city === dateline)) return 'reporter';
  if (pa.country && pa.country === pb.country) return 'other-city';
  // Two cities of two countries: two trips (a reporter's home city is only known from the dateline).
  if (pa.country && pb.country) return 'other-trip';
  // A place the gazetteer does not know: it may be a venue ("the Interior Ministry") of the other's city.
  return 'reporter';
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Days since the epoch of an ISO day, or null. */
function dayOf(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000) : null;
}

export interface WhenKnown {
  /** The event day, when known. */
  day: number | null;
  /** The event month ("YYYY-MM"), when at least that is known. */
  month: string | null;
  /** The publication day of the report, used when the event date is unknown. */
  published: number | null;
}

export function whenOf(date: string | null, precision: DatePrecision | null, published: string | null): WhenKnown {
  const pub = dayOf(published);
  if (!date || precision === 'year') return { day: null, month: null, published: pub };
  const month = /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
  const day = precision === 'month' ? null : dayOf(date);
  return { day, month, published: pub };
}

/** The date signal, or null when the dates rule out one event. */
export function dateScore(a: WhenKnown, b: WhenKnown, bothPlanned = false): number | null {
  if (a.day !== null && b.day !== null) {
    const d = Math.abs(a.day - b.day);
    if (d > MAX_DAYS_APART) return null;
    return d === 0 ? DATE_SAME_DAY : d === 1 ? DATE_NEXT_DAY : DATE_NEAR;
  }
  const withinWindow = (event: number, published: number) =>
    published - event >= -PUBLISHED_WINDOW.before && published - event <= PUBLISHED_WINDOW.after;
  if (a.day !== null && b.published !== null && b.month === null)
    return withinWindow(a.day, b.published) ? DATE_PUBLISHED : null;
  if (b.day !== null && a.published !== null && a.month === null)
    return withinWindow(b.day, a.published) ? DATE_PUBLISHED : null;
  if (a.month !== null && b.month !== null) return a.month === b.month ? DATE_SAME_MONTH : null;
  if (a.month === null && b.month === null && a.published !== null && b.published !== null)
    return Math.abs(a.published - b.published) <= MAX_DAYS_APART ? DATE_PUBLISHED : null;
  if (bothPlanned) return DATE_SAME_MONTH;
  return DATE_UNKNOWN;
}

// ---------------------------------------------------------------------------------------------------------------
// Kinds

const EVENT_KINDS = new Set<EngagementKind>(['meeting', 'visit', 'agreement']);

/** A meeting may be reported as a visit or as the agreement signed at it; a call or a planned visit is something else. */
export function kindsCompatible(a: EngagementKind, b: EngagementKind): boolean {
  return a === b || a === 'other' || b === 'other' || (EVENT_KINDS.has(a) && EVENT_KINDS.has(b));
}

// ---------------------------------------------------------------------------------------------------------------
// The score

/** What is known about the report being matched besides its draft. */
export interface ReportContext {
  /** Publication date of the article the draft came from. */
  published?: string | null;
  /** The article's dateline city as written; a draft place equal to it may be only where the reporter is. */
  dateline?: string | null;
}

/** A stored engagement with what its sources say (the earliest publication date, for undated engagements). */
export interface Candidate {
  engagement: Engagement;
  published?: string | null;
}

export type Verdict = 'same' | 'ask' | 'different';

export interface SameEventScore {
  score: number;
  /** Why the two cannot be one event, when something rules it out (then `score` is meaningless). */
  veto: string | null;
  /** Each signal's contribution, for tests and for tuning. */
  signals: Record<string, number>;
}

function peopleOf(e: EngagementDraft, country: CountryCode) {
  return e.participants.filter((p) => p.country === country);
}

export function scoreSameEvent(
  draft: EngagementDraft,
  candidate: EngagementDraft,
  context: ReportContext = {},
  candidatePublished: string | null = null,
): SameEventScore {
  const signals: Record<string, number> = {};
  const veto = (why: string): SameEventScore => ({ score: 0, veto: why, signals });

  if (!kindsCompatible(draft.kind, candidate.kind)) return veto('kinds');
  if (draft.kind === candidate.kind && draft.kind !== 'other') signals.kind = KIND_SAME;

  // People.
  const matched = draft.participants.filter((p) => candidate.participants.some((q) => sameParticipant(p, q)));
  const matchedCountries = new Set(matched.map((p) => p.country).filter(Boolean));
  if (
    matched.length >= 2 ||
    (matched.length === 1 && draft.participants.length === 1 && candidate.participants.length === 1)
  )
    signals.people = matched.length >= 2 ? PEOPLE_BOTH_SIDES : PEOPLE_ONE;
  else if (matched.length === 1) signals.people = PEOPLE_ONE;

  // Countries.
  const ca = new Set(draft.countries);
  const cb = new Set(candidate.countries);
  const shared = [...ca].filter((c) => cb.has(c));
  if (shared.length >= 2)
    signals.countries = ca.size === cb.size && shared.length === ca.size ? COUNTRIES_SAME : COUNTRIES_OVERLAP;
  if (matched.length === 0 && shared.length < 2) return veto('nobody and no pair of countries in common');

  const conflicts = shared.filter((c) => {
    const pa = peopleOf(draft, c);
    const pb = peopleOf(candidate, c);
    return pa.length > 0 && pb.length > 0 && !pa.some((p) => pb.some((q) => sameParticipant(p, q)));
  });
  if (matched.length === 0 && conflicts.length > 0) return veto('other people of the same governments');
  if (conflicts.length > 0) {
    const hosts = new Set([placeInfo(draft.place)?.country, placeInfo(candidate.place)?.country]);
    signals.delegation = conflicts.reduce((sum, c) => sum + (hosts.has(c) ? HOST_DIFFERS : DELEGATION_DIFFERS), 0);
  }
  const foreignNamed = (x: EngagementDraft, other: Set<string>) =>
    x.participants.some((p) => p.country && !other.has(p.country) && !matchedCountries.has(p.country));
  if (foreignNamed(draft, cb) && foreignNamed(candidate, ca)) signals.counterpart = OTHER_COUNTERPART;

  // Date.
  const bothPlanned = draft.kind === 'planned_visit' && candidate.kind === 'planned_visit';
  const date = dateScore(
    whenOf(draft.date, draft.datePrecision, context.published ?? null),
    whenOf(candidate.date, candidate.datePrecision, candidatePublished),
    bothPlanned,
  );
  if (date === null) return veto('dates');
  signals.date = date;

  // Place.
  const place = placeRelation(draft.place, candidate.place, context.dateline ?? null);
  if (place === 'same') signals.place = PLACE_SAME;
  else if (place === 'reporter') signals.place = PLACE_REPORTER;
  else if (place === 'other-city') signals.place = PLACE_OTHER_CITY;
  else if (place === 'other-trip') signals.place = PLACE_OTHER_TRIP;

  // Topics.
  if (draft.topics.length > 0 && candidate.topics.length > 0)
    signals.topics = draft.topics.some((t) => candidate.topics.includes(t)) ? TOPICS_SHARED : TOPICS_DISJOINT;

  const score = Object.values(signals).reduce((a, b) => a + b, 0);
  return { score, veto: null, signals };
}

export function verdictOf(s: SameEventScore): Verdict {
  if (s.veto) return 'different';
  return s.score >= MERGE_AT ? 'same' : s.score >= ASK_AT ? 'ask' : 'different';
}

export interface SameEventMatch {
  verdict: Verdict;
  /** The best-scoring candidate (for `ask`, the one to ask about), or null when there is none. */
  engagement: Engagement | null;
  score: number;
}

/** The stored engagement `draft` most likely reports, with the verdict; ties go to the closest date. */
export function matchSameEvent(
  draft: EngagementDraft,
  candidates: readonly (Candidate | Engagement)[],
  context: ReportContext = {},
): SameEventMatch {
  let best: SameEventMatch = { verdict: 'different', engagement: null, score: Number.NEGATIVE_INFINITY };
  for (const c of candidates) {
    const { engagement, published = null } = 'engagement' in c ? c : { engagement: c, published: null };
    const s = scoreSameEvent(draft, engagement, context, published);
    const verdict = verdictOf(s);
    if (verdict === 'different') continue;
    if (s.score > best.score) best = { verdict, engagement, score: s.score };
  }
  return best.engagement ? best : { verdict: 'different', engagement: null, score: 0 };
}
