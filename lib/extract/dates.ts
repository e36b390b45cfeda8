/**
 * Dates in news prose, resolved against the publication date: explicit ("12 December 2025", "Dec 12"),
 * weekdays ("on Friday"), and relative words ("yesterday", "this week", "last month", "earlier this year").
 * Each result carries a precision; coarse dates are anchored at the first day of their month or year so every
 * date is an ISO `YYYY-MM-DD`.
 */
import { addDays, isoDate } from '../article/date-parse';
import { MONTH_SOURCE, monthNumber, WEEKDAYS } from '../lexicon/calendar';
import type { DatePrecision } from '../types';

export interface FoundDate {
  date: string;
  precision: DatePrecision;
  /** Offsets of the expression within the searched text. */
  start: number;
  end: number;
  /** true for calendar dates written out; false for words resolved against the publication date. */
  explicit: boolean;
}

export interface DateContext {
  /** Publication date (ISO), the anchor for relative words. */
  published: string | null;
  /** true when the event is announced for the future ("will visit on Monday"). */
  future?: boolean;
}

const WEEKDAY_INDEX: readonly string[] = WEEKDAYS.map((d) => d.toLowerCase());

const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();
const firstOfMonth = (iso: string, delta: number): string => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + delta;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
};
const firstOfYear = (iso: string, delta: number): string => `${Number(iso.slice(0, 4)) + delta}-01-01`;

type Resolver = (m: RegExpExecArray, ctx: DateContext) => { date: string; precision: DatePrecision } | null;

interface Rule {
  re: RegExp;
  explicit: boolean;
  resolve: Resolver;
}

/** A month and day without a year belong to the year that puts them nearest before (or after, if future) publication. */
function yearFor(month: number, day: number, ctx: DateContext): string | null {
  if (!ctx.published) return null;
  const year = Number(ctx.published.slice(0, 4));
  const same = isoDate(year, month, day);
  if (!same) return null;
  const pub = Date.parse(ctx.published);
  const at = Date.parse(same);
  const days = (at - pub) / 86_400_000;
  // Reports look back; a date more than two months after publication is last year's (and vice versa for plans).
  if (!ctx.future && days > 60) return isoDate(year - 1, month, day);
  if (ctx.future && days < -300) return isoDate(year + 1, month, day);
  return same;
}

function weekdayDate(name: string, mode: 'past' | 'last' | 'next' | 'future', published: string): string {
  const target = WEEKDAY_INDEX.indexOf(name.toLowerCase());
  const pub = weekday(published);
  if (mode === 'past' || mode === 'last') {
    let back = (pub - target + 7) % 7;
    if (back === 0 && mode === 'last') back = 7;
    return addDays(published, -back);
  }
  let ahead = (target - pub + 7) % 7;
  if (ahead === 0 && mode === 'next') ahead = 7;
  return addDays(published, ahead);
}

const M = MONTH_SOURCE;
const WD = `(${WEEKDAYS.join('|')})`;

/** Rules in priority order; earlier rules claim their text first. */
const RULES: Rule[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    explicit: true,
    resolve: (m) => {
      const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      return date ? { date, precision: 'day' } : null;
    },
  },
  // A range of days dates the event by its first: "on 21-22 May 2018", "July 6–7, 2021", "from 3 to 5 March".
  {
    re: new RegExp(`\\b(\\d{1,2})\\s*(?:[-–]|to)\\s*\\d{1,2}\\s+(${M})(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    explicit: true,
    resolve: (m, ctx) => {
      const month = monthNumber(m[2]) ?? 0;
      const date = m[3] ? isoDate(Number(m[3]), month, Number(m[1])) : yearFor(month, Number(m[1]), ctx);
      return date ? { date, precision: 'day' } : null;
    },
  },
  {
    re: new RegExp(`\\b(${M})\\s+(\\d{1,2})\\s*(?:[-–]|to)\\s*\\d{1,2}(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    explicit: true,
    resolve: (m, ctx) => {
      const month = monthNumber(m[1]) ?? 0;
      const date = m[3] ? isoDate(Number(m[3]), month, Number(m[2])) : yearFor(month, Number(m[2]), ctx);
      return date ? { date, precision: 'day' } : null;
    },
  },
  {
    re: new RegExp(`\\b(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    explicit: true,
    resolve: (m) => {
      const date = isoDate(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2]));
      return date ? { date, precision: 'day' } : null;
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${M}),?\\s+(\\d{4})\\b`, 'gi'),
    explicit: true,
    resolve: (m) => {
      const date = isoDate(Number(m[3]), monthNumber(m[2]) ?? 0, Number(m[1]));
      return date ? { date, precision: 'day' } : null;
    },
  },
  {
    // "Dec 12", "December 12th" — not "May 2025" (that is a month) and not the modal "may".
    re: new RegExp(`\\b(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*,?\\s*\\d{4})(?![:.]\\d)`, 'g'),
    explicit: true,
    resolve: (m, ctx) => {
      const date = yearFor(monthNumber(m[1]) ?? 0, Number(m[2]), ctx);
      return date ? { date, precision: 'day' } : null;
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${M})\\b(?!\\s*,?\\s*\\d{4})`, 'g'),
    explicit: true,
    resolve: (m, ctx) => {
      const date = yearFor(monthNumber(m[2]) ?? 0, Number(m[1]), ctx);
      return date ? { date, precision: 'day' } : null;
    },
  },
  {
    re: new RegExp(`\\b(${M})\\s+(\\d{4})\\b`, 'g'),
    explicit: true,
    resolve: (m) => {
      const date = isoDate(Number(m[2]), monthNumber(m[1]) ?? 0, 1);
      return date ? { date, precision: 'month' } : null;
    },
  },
  {
    re: /\b(?:the\s+)?day\s+before\s+yesterday\b/gi,
    explicit: false,
    resolve: (_m, ctx) => (ctx.published ? { date: addDays(ctx.published, -2), precision: 'day' } : null),
  },
  {
    re: /\b(yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))\b/gi,
    explicit: false,
    resolve: (m, ctx) => {
      if (!ctx.published) return null;
      const w = m[1].toLowerCase();
      const delta = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { date: addDays(ctx.published, delta), precision: 'day' };
    },
  },
  {
    re: new RegExp(`\\b(?:(last|next|this|coming|on|earlier\\s+on|late\\s+on)\\s+)?${WD}(?:'s|’s)?\\b`, 'gi'),
    explicit: false,
    resolve: (m, ctx) => {
      if (!ctx.published) return null;
      const q = (m[1] ?? '').toLowerCase();
      const mode = q === 'last' ? 'last' : q === 'next' || q === 'coming' ? 'next' : ctx.future ? 'future' : 'past';
      return { date: weekdayDate(m[2], mode, ctx.published), precision: 'day' };
    },
  },
  {
    re: /\b(?:(earlier|later)\s+)?(this|last|next|past|the\s+previous|the\s+coming)\s+(week(?:end)?|month|year)\b/gi,
    explicit: false,
    resolve: (m, ctx) => {
      if (!ctx.published) return null;
      const which = m[2].toLowerCase().replace(/^the\s+/, '');
      const unit = m[3].toLowerCase();
      // "the past year" names a period, not when something happened.
      if (which === 'past' && unit !== 'week' && unit !== 'weekend') return null;
      const delta = which === 'this' ? 0 : which === 'next' || which === 'coming' ? 1 : -1;
      if (unit === 'week') return { date: addDays(ctx.published, delta * 7), precision: 'approximate' };
      if (unit === 'weekend') {
        const sat =
          delta >= 0 && ctx.future
            ? weekdayDate('saturday', 'future', ctx.published)
            : weekdayDate('saturday', 'past', ctx.published);
        return { date: sat, precision: 'approximate' };
      }
      if (unit === 'month') return { date: firstOfMonth(ctx.published, delta), precision: 'month' };
      return { date: firstOfYear(ctx.published, delta), precision: 'year' };
    },
  },
  {
    re: /\b(?:in|during|since|of)\s+((?:19|20)\d{2})\b(?![-/]\d)/g,
    explicit: true,
    resolve: (m) => ({ date: `${m[1]}-01-01`, precision: 'year' }),
  },
  {
    re: /\b(recently|a\s+few\s+days\s+ago|days\s+ago|over\s+the\s+weekend|at\s+the\s+weekend)\b/gi,
    explicit: false,
    resolve: (_m, ctx) => (ctx.published ? { date: ctx.published, precision: 'approximate' } : null),
  },
];

/** All date expressions in `text`, in text order, none overlapping. */
export function findDates(text: string, ctx: DateContext): FoundDate[] {
  const taken: FoundDate[] = [];
  // Characters already claimed by an earlier rule: checking a match costs its own length, not the number of
  // dates found so far (a sentence of 300 weekdays would otherwise compare every pair).
  const claimed = new Uint8Array(text.length);
  const overlaps = (s: number, e: number): boolean => claimed.subarray(s, e).includes(1);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const r = rule.resolve(m, ctx);
      if (r) {
        taken.push({ ...r, start, end, explicit: rule.explicit });
        claimed.fill(1, start, end);
      }
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Resolves a single expression ("on Friday", "Dec 12", "last month"), or null when it is not a date. */
export function resolveDate(expression: string, ctx: DateContext): FoundDate | null {
  return findDates(expression, ctx)[0] ?? null;
}

const RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1, approximate: 0 };

/**
 * The date of an event described around offset `near` in `text`: explicit dates win over resolved words,
 * finer precision over coarser, then the expression closest to `near`.
 */
export function pickDate(found: FoundDate[], near: number): FoundDate | null {
  let best: FoundDate | null = null;
  const score = (f: FoundDate): number =>
    (f.explicit && f.precision === 'day' ? 100 : 0) +
    RANK[f.precision] * 10 -
    Math.min(9, Math.abs(f.start - near) / 40);
  for (const f of found) if (!best || score(f) > score(best)) best = f;
  return best;
}

/** Days from the engagement reported just before: "the previous day", "a day earlier", "two days later". */
const SEQUENCE_RE =
  /\b(?:(?:on\s+)?the\s+(previous|preceding|following|next)\s+day|(a|one|two|three)\s+days?\s+(earlier|before|later|after)|the\s+day\s+(before|after)(?!\s+yesterday))\b/i;
const COUNT: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3 };

/** The shift in days a sequence phrase in `text` makes from the previous engagement's date, or null. */
export function sequenceShift(text: string): number | null {
  const m = SEQUENCE_RE.exec(text);
  if (!m) return null;
  if (m[1]) return /previous|preceding/i.test(m[1]) ? -1 : 1;
  if (m[2]) return /earlier|before/i.test(m[3]) ? -COUNT[m[2].toLowerCase()] : COUNT[m[2].toLowerCase()];
  return /before/i.test(m[4]) ? -1 : 1;
}
