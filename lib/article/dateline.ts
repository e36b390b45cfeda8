/**
 * The dateline that opens a wire or newspaper report: "ISLAMABAD, Dec 12 (APP):", "BRUSSELS (Reuters) -",
 * "RIYADH:", "Islamabad, 12 December (APP) —". It names where the report was filed, not where an event
 * happened, so callers use it for metadata and as a last-resort place only.
 */

import { CITY_COUNTRY } from '../extract/geo';
import { MONTH_SOURCE, monthNumber } from '../lexicon/calendar';
import { AGENCIES, NOT_DATELINE_WORDS } from './agencies';

export interface Dateline {
  /** The city as written ("ISLAMABAD", "New York"); empty for a date-only wire dateline ("July 14 (Reuters) -"). */
  city: string;
  month: number | null;
  day: number | null;
  year: number | null;
  /** The agency tag as an outlet name ("APP", "Reuters"), when present. */
  agency: string | null;
  /** Offset in the text just after the dateline's separator. */
  end: number;
}

const UPPER_CITY = "[A-Z][A-Z'’.\\-]+(?:[ -][A-Z][A-Z'’.\\-]+){0,3}";
const TITLE_CITY = "[A-Z][a-z'’\\-]+(?:[ -][A-Z][a-z'’\\-]+){0,2}";
const DATE = `(?:(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\s+(${MONTH_SOURCE})(?:,?\\s+(\\d{4}))?)`;
const TAIL = `(?:\\s*,?\\s*${DATE})?(?:\\s*\\(([A-Za-z][A-Za-z .&-]{0,24})\\))?\\s*(?::|—|–|-{1,2})\\s*`;

// An uppercase city may stand alone ("RIYADH:"); a title-case one needs a date, an agency or a known city to be
// trusted, or any "Note:" or "Update:" would pass as a place.
const UPPER_RE = new RegExp(`^(${UPPER_CITY})(?:,\\s*(?:[A-Z][A-Za-z.]+\\.?))?${TAIL}`);
const TITLE_RE = new RegExp(`^(${TITLE_CITY})${TAIL}`);
// A wire dateline with no city ("July 14 (Reuters) -"): the date and the agency tag carry it.
const DATE_ONLY_RE = new RegExp(`^()${DATE}\\s*\\(([A-Za-z][A-Za-z .&-]{0,24})\\)\\s*(?::|—|–|-{1,2})\\s*`);

/** Only the first few paragraphs can carry a dateline (after a byline or headline bullets). */
const MAX_PARAGRAPHS = 6;

function matchAt(para: string): { m: RegExpExecArray; upper: boolean } | null {
  const upper = UPPER_RE.exec(para);
  if (upper) return { m: upper, upper: true };
  const title = TITLE_RE.exec(para);
  // A known city needs no date when a sentence follows: "Kathmandu: Ambassador X called on …" (not "Islamabad: a
  // city of parks").
  const known = (m: RegExpExecArray): boolean =>
    CITY_COUNTRY.has(m[1].toLowerCase()) && /^[\p{Lu}"“‘]/u.test(para.slice(m[0].length));
  if (title && (title[2] || title[5] || title[8] || known(title))) return { m: title, upper: false };
  const dateOnly = DATE_ONLY_RE.exec(para);
  if (dateOnly) return { m: dateOnly, upper: false };
  return null;
}

function agencyName(tag: string | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim();
  return AGENCIES[t.toLowerCase()] ?? t;
}

/** Finds the dateline at the start of one of the first paragraphs of `text`, or null. */
export function parseDateline(text: string): Dateline | null {
  const re = /[^\n]+/g;
  let seen = 0;
  for (let p = re.exec(text); p && seen < MAX_PARAGRAPHS; p = re.exec(text)) {
    const para = p[0].trimStart();
    if (!para.trim()) continue;
    seen++;
    const found = matchAt(para);
    if (!found) continue;
    const { m } = found;
    const city = m[1].trim();
    if (city && NOT_DATELINE_WORDS.has(city.replace(/[.'’]/g, ''))) continue;
    // The rest of the paragraph must read like prose, or this was a heading such as "PAKISTAN - EU".
    const rest = para.slice(m[0].length);
    if (rest.length < 20 || !/[a-z]/.test(rest.slice(0, 40))) continue;
    const month = m[2] ? monthNumber(m[2]) : m[6] ? monthNumber(m[6]) : null;
    const day = m[3] ? Number(m[3]) : m[5] ? Number(m[5]) : null;
    const yearText = m[4] ?? m[7];
    const offset = p.index + (p[0].length - para.length);
    return {
      city,
      month,
      day,
      year: yearText ? Number(yearText) : null,
      agency: agencyName(m[8]),
      end: offset + m[0].length,
    };
  }
  return null;
}
