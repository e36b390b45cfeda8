/**
 * Explicit calendar dates as news pages and metadata write them, normalised to ISO `YYYY-MM-DD`.
 * Shared by metadata reading and engagement extraction so both agree on what a date looks like.
 */

/** Month names and the abbreviations outlets use ("Sept.", "Dec"). */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** A regex source matching any month name or abbreviation (with an optional trailing dot). */
export const MONTH_SOURCE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Builds an ISO date, or null when the parts do not form a real calendar day. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const ISO_RE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const YMD_SLASH_RE = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const COMPACT_RE = /^\s*(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DMY_NUMERIC_RE = /^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const MONTH_FIRST_RE = new RegExp(`\\b(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_SOURCE}),?\\s+(\\d{4})\\b`, 'i');

/**
 * Normalises a date as found in metadata or text ("2025-12-11T09:30:00+05:00", "Dec. 11, 2025",
 * "Thursday, 11 December 2025", "11/12/2025", a Unix timestamp) to `YYYY-MM-DD`.
 * Times and zones are dropped, not converted: the calendar day the outlet wrote is the day it means.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  let m = ISO_RE.exec(s) ?? YMD_SLASH_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_FIRST_RE.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2]));
  m = DAY_FIRST_RE.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]) ?? 0, Number(m[1]));
  m = DMY_NUMERIC_RE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Day-first is the common form outside the US; only a second field above 12 proves month-first.
    return b > 12 ? isoDate(Number(m[3]), a, b) : isoDate(Number(m[3]), b, a);
  }
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  return null;
}
