/**
 * Where an engagement happened: "in Brussels", "at the EU headquarters in Brussels", "during his official visit
 * to Belgium", "here" (the dateline city). The dateline alone is not the place: a report filed in Islamabad
 * often covers a meeting held abroad.
 */
import { MONTHS, WEEKDAYS } from '../lexicon/calendar';
import type { CountryCode, Mention } from '../types';
import { CITY_COUNTRY, countryName, DEMONYM_COUNTRY } from './geo';

export interface FoundPlace {
  place: string;
  /** The country the place is in (for the engagement's host country), when known. */
  country: CountryCode | null;
  start: number;
}

/**
 * The detector's country mentions, as a list or (from the extractor, which asks for every sentence) already keyed
 * by where each starts, so a lookup does not scan the page's mentions.
 */
export type CountryMentions = readonly Mention[] | ReadonlyMap<number, Mention>;

function countryAt(mentions: CountryMentions, at: number): Mention | undefined {
  if (!Array.isArray(mentions)) return (mentions as ReadonlyMap<number, Mention>).get(at);
  return (mentions as readonly Mention[]).find((x) => x.kind === 'country' && x.start === at);
}

const CAP_RUN = "([A-Z][\\w'’.-]*(?:[\\s-](?:el-)?[A-Z][\\w'’.-]*){0,2})";

/** The longest leading run of capitalised words that names a known city ("New York City" → "New York"). */
function cityPrefix(run: string): { city: string; country: CountryCode } | null {
  const words = run.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const candidate = words
      .slice(0, n)
      .join(' ')
      .replace(/[.,'’]+$/, '');
    const code = CITY_COUNTRY.get(candidate.toLowerCase());
    if (code) return { city: candidate, country: code };
  }
  return null;
}

/** A country as a place, from a country mention or a country name the geo tables know. */
function countryPrefix(
  run: string,
  mentions: CountryMentions,
  at: number,
): { name: string; country: CountryCode } | null {
  const m = countryAt(mentions, at);
  if (m) {
    const code = m.entityId.replace(/^country:/, '');
    if (m.place) return { name: m.place, country: code };
    return { name: countryName(code) ?? m.text, country: code };
  }
  const words = run.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const candidate = words
      .slice(0, n)
      .join(' ')
      .replace(/[.,'’]+$/, '');
    const code = DEMONYM_COUNTRY.get(candidate.toLowerCase());
    if (code && (countryName(code) ?? '').toLowerCase() === candidate.toLowerCase())
      return { name: candidate, country: code };
  }
  return null;
}

/**
 * A city named with "in"/"at" in `text` (offset `base` in the article), or a country when `allowCountry`.
 * Cities reached by "from" are origins, not venues, and are skipped.
 */
export function findPlace(
  text: string,
  base: number,
  mentions: CountryMentions,
  allowCountry: boolean,
): FoundPlace | null {
  const re = new RegExp(`\\b(?:[Ii]n|[Aa]t)\\s+(?:the\\s+)?${CAP_RUN}`, 'g');
  let country: FoundPlace | null = null;
  const town = townOf(text, base, mentions);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (town && town.start < base + m.index) return town;
    const runStart = m.index + m[0].length - m[1].length;
    const city = cityPrefix(m[1]);
    if (city) return { place: city.city, country: city.country, start: base + runStart };
    // A detector mention of a city the geo table does not know.
    const mention = countryAt(mentions, base + runStart);
    if (mention?.place)
      return { place: mention.place, country: mention.entityId.replace(/^country:/, ''), start: mention.start };
    const named = placeByContext(text, base, mentions, m.index, runStart, m[1]);
    if (named) return named;
    if (allowCountry && !country) {
      const c = countryPrefix(m[1], mentions, base + runStart);
      if (c) country = { place: c.name, country: c.country, start: base + runStart };
    }
  }
  return town ?? country;
}

/** "in the border town of Tumbes", "at the port city of Gwadar": the name a place noun introduces. */
const TOWN_OF_RE = new RegExp(
  `\\b(?:[Ii]n|[Aa]t)\\s+the\\s+(?:[a-z-]+\\s+){0,2}(?:town|city|village|port|capital|province|district|region|island|border\\s+crossing)\\s+of\\s+${CAP_RUN}`,
  'g',
);

function townOf(text: string, base: number, mentions: CountryMentions): FoundPlace | null {
  TOWN_OF_RE.lastIndex = 0;
  const m = TOWN_OF_RE.exec(text);
  if (!m) return null;
  const runStart = m.index + m[0].length - m[1].length;
  const place = m[1].replace(/[.,'’]+$/, '');
  const known = cityPrefix(place);
  return {
    place: known?.city ?? place,
    country: known?.country ?? countryAfter(text, base, mentions, runStart + place.length),
    start: base + runStart,
  };
}

/** Words of an office or residence whose "in X" names a place even when X is unknown ("his office in Singha Durbar"). */
const SEAT_BEFORE_RE = /\b(?:office|offices|headquarters|residence|palace|secretariat|ministry)\s*$/i;

/** The country right after a place and its comma ("Guayaquil, Ecuador"), by the detector's mention. */
function countryAfter(text: string, base: number, mentions: CountryMentions, end: number): CountryCode | null {
  const comma = /^,\s+/.exec(text.slice(end));
  if (!comma) return null;
  const m = countryAt(mentions, base + end + comma[0].length);
  return m && !m.place ? m.entityId.replace(/^country:/, '') : null;
}

const CALENDAR_WORDS = new Set([...Object.keys(MONTHS), ...WEEKDAYS.map((d) => d.toLowerCase())]);

/**
 * A capitalised run after "in"/"at" that no table knows, which its context makes a place: "in Guayaquil, Ecuador"
 * (a country follows), "at the Force Headquarters, Abuja" (a known city follows the venue), "the latter's office
 * in Singha Durbar" (a seat before it).
 */
function placeByContext(
  text: string,
  base: number,
  mentions: CountryMentions,
  prepAt: number,
  runStart: number,
  run: string,
): FoundPlace | null {
  const name = run.replace(/[.,'’]+$/, '');
  if (CALENDAR_WORDS.has(name.split(/\s+/)[0].toLowerCase())) return null;
  const end = runStart + name.length;
  const after = new RegExp(`^,\\s+${CAP_RUN}`).exec(text.slice(end));
  if (after) {
    const city = cityPrefix(after[1]);
    if (city) return { place: city.city, country: city.country, start: base + end + after[0].length - after[1].length };
  }
  const country = countryAfter(text, base, mentions, end);
  if (country) return { place: name, country, start: base + runStart };
  if (text[prepAt] === 'i' && SEAT_BEFORE_RE.test(text.slice(Math.max(0, prepAt - 30), prepAt)))
    return { place: name, country: null, start: base + runStart };
  return null;
}

/** The destination after a visit cue ("visit Pakistan", "visit to Belgium", "arrived in Brussels"). */
export function destinationAfter(text: string, base: number, mentions: CountryMentions): FoundPlace | null {
  const m = new RegExp(`^\\s*(?:to\\s+|in\\s+)?(?:the\\s+)?${CAP_RUN}`).exec(text);
  if (!m) return null;
  const runStart = m[0].length - m[1].length;
  const city = cityPrefix(m[1]);
  if (city) return { place: city.city, country: city.country, start: base + runStart };
  const c = countryPrefix(m[1], mentions, base + runStart);
  return c ? { place: c.name, country: c.country, start: base + runStart } : null;
}

/** "during his visit to Belgium", "on a three-day visit to Brussels": the trip an engagement belongs to. */
export function visitDestination(text: string, mentions: CountryMentions): FoundPlace | null {
  const re = /\b(?:visit|trip|tour|arrived|arrival)\s+(?:to|in)\s+/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const found = destinationAfter(text.slice(end), end, mentions);
    if (found) return found;
  }
  return null;
}
