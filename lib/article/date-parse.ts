/**
 * Explicit calendar dates as news pages and metadata write them, normalised to ISO `YYYY-MM-DD`.
 * Shared by metadata reading and engagement extraction so both agree on what a date looks like.
 */

import { MONTH_SOURCE, MONTHS, monthNumber, OTHER_MONTHS, WEEKDAY_STEM_SOURCE } from '../lexicon/calendar';

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

/** A month name in any language read, or null. */
function anyMonthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? OTHER_MONTHS[key] ?? null;
}

// `\p{L}+`, not a counted `{3,10}`: V8 unrolls a counted repeat of a class this large, which costs 50 ms to
// compile and slows every match; the month table decides what the word is anyway.
const WORD = '\\p{L}+\\.?';
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

const ISO_RE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const YMD_SLASH_RE = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const COMPACT_RE = /^\s*(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DMY_NUMERIC_RE = /^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const MONTH_FIRST_RE = new RegExp(`\\b(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_SOURCE}),?\\s+(\\d{4})\\b`, 'i');
/** The C library's and Java's `Date.toString()`: "Fri Mar 13 21:30:09 EST 2015" (the year after the time). */
const CTIME_RE = new RegExp(
  `\\b${WEEKDAY_STEM_SOURCE}[a-z]*\\.?,?\\s+(${MONTH_SOURCE})\\s+(\\d{1,2})\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s+(?:[A-Z]{2,5}|[+-]\\d{2}:?\\d{2}))?\\s+(\\d{4})\\b`,
);
/**
 * Day first with a month name in another language: "4 mai 2015", "1 de diciembre de 2017", "21.dez.2018",
 * "1. listopadu 2021", "8. April 2015", "le 1er juin 2016".
 */
const OTHER_DAY_FIRST_RE = new RegExp(
  `${NOT_AFTER_WORD}(\\d{1,2})(?:er|º|°)?\\.?\\s*(?:de\\s+)?(${WORD})\\s*(?:de\\s+|del\\s+|,\\s*|\\.\\s*)?(\\d{4})${NOT_BEFORE_WORD}`,
  // No `i` flag: \p{L} takes both cases already, and case folding it makes the pattern slow to compile.
  'u',
);
/** Chinese, Japanese and Korean: "2016年10月14日", "2017年3月9日", "2021년 3월 9일". */
const CJK_RE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/u;

/**
 * Normalises a date as found in metadata or text ("2025-12-11T09:30:00+05:00", "Dec. 11, 2025",
 * "Thursday, 11 December 2025", "11/12/2025", "Fri Mar 13 21:30:09 EST 2015", "1 de diciembre de 2017",
 * "2016年10月14日", a Unix timestamp) to `YYYY-MM-DD`.
 * Times and zones are dropped, not converted: the calendar day the outlet wrote is the day it means.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  let m = ISO_RE.exec(s) ?? YMD_SLASH_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = CTIME_RE.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2]));
  m = MONTH_FIRST_RE.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2]));
  m = DAY_FIRST_RE.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]) ?? 0, Number(m[1]));
  m = OTHER_DAY_FIRST_RE.exec(s);
  if (m && anyMonthNumber(m[2])) return isoDate(Number(m[3]), anyMonthNumber(m[2]) ?? 0, Number(m[1]));
  m = CJK_RE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
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

/** A full date found in running text, with where it starts and ends. */
export interface DateInText {
  iso: string;
  index: number;
  end: number;
}

/** Every written form `findDate` looks for in running text (numeric ones only with a four-digit year). */
const TEXT_DATE_RES: readonly RegExp[] = [
  CTIME_RE,
  MONTH_FIRST_RE,
  DAY_FIRST_RE,
  OTHER_DAY_FIRST_RE,
  CJK_RE,
  /(?<![\d/.-])\d{4}-\d{2}-\d{2}(?![\d-])/,
  /(?<![\d/.-])\d{1,2}[/.]\d{1,2}[/.]\d{4}(?![\d/.])/,
].map((re) => new RegExp(re.source, `${re.flags.replace('g', '')}g`));

/** The earliest full date written in `text`, or null. */
export function findDate(text: string): DateInText | null {
  let best: DateInText | null = null;
  for (const re of TEXT_DATE_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (best && m.index >= best.index) break;
      const iso = normaliseDate(m[0]);
      if (iso) {
        best = { iso, index: m.index, end: m.index + m[0].length };
        break;
      }
    }
  }
  return best;
}

/** Weekday characters of Japanese and Chinese dates ("3/9(木)", "10月14日（周五）"), Sunday first. */
const CJK_WEEKDAYS: Readonly<Record<string, number>> = {
  日: 0,
  月: 1,
  火: 2,
  水: 3,
  木: 4,
  金: 5,
  土: 6,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

/** A date printed without its year: month, day and, when the page shows it, the weekday (0 = Sunday). */
export interface YearlessDate {
  month: number;
  day: number;
  weekday: number | null;
  index: number;
}

/** "3/9(木) 18:45", "10月14日(金)": a month and day with a CJK weekday in brackets, or a 月日 date without a year. */
const YEARLESS_CJK_RE =
  /(?<![\d/年년])(\d{1,2})(?:\/(\d{1,2})|\s*月\s*(\d{1,2})\s*日)\s*(?:[(（]\s*(?:周|星期|週)?([日月火水木金土天一二三四五六])\s*[)）])?/gu;

/** The first yearless CJK date in `text` (a slash date only counts with its weekday, or "3/9" could be a score). */
export function findYearlessDate(text: string): YearlessDate | null {
  YEARLESS_CJK_RE.lastIndex = 0;
  for (let m = YEARLESS_CJK_RE.exec(text); m; m = YEARLESS_CJK_RE.exec(text)) {
    const weekday = m[4] ? (CJK_WEEKDAYS[m[4]] ?? null) : null;
    if (m[2] !== undefined && weekday === null) continue;
    const month = Number(m[1]);
    const day = Number(m[2] ?? m[3]);
    if (isoDate(2000, month, day)) return { month, day, weekday, index: m.index };
  }
  return null;
}

/**
 * The year of a yearless date, given a year the page states elsewhere (its copyright line, say): that year when
 * the weekday fits it or is unknown, otherwise the closest earlier year whose calendar puts the day on that weekday.
 */
export function yearOf(date: YearlessDate, nearYear: number): string | null {
  for (let y = nearYear; y > nearYear - 7; y--) {
    const iso = isoDate(y, date.month, date.day);
    if (!iso) continue;
    if (date.weekday === null || new Date(`${iso}T00:00:00Z`).getUTCDay() === date.weekday) return iso;
  }
  return null;
}
