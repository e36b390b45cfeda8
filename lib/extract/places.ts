/**
 * Where an engagement happened: "in Brussels", "at the EU headquarters in Brussels", "during his official visit
 * to Belgium", "here" (the dateline city). The dateline alone is not the place: a report filed in Islamabad
 * often covers a meeting held abroad.
 */
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
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const runStart = m.index + m[0].length - m[1].length;
    const city = cityPrefix(m[1]);
    if (city) return { place: city.city, country: city.country, start: base + runStart };
    // A detector mention of a city the geo table does not know.
    const mention = countryAt(mentions, base + runStart);
    if (mention?.place)
      return { place: mention.place, country: mention.entityId.replace(/^country:/, ''), start: mention.start };
    if (allowCountry && !country) {
      const c = countryPrefix(m[1], mentions, base + runStart);
      if (c) country = { place: c.name, country: c.country, start: base + runStart };
    }
  }
  return country;
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
