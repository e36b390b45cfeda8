/**
 * What the page notice says after an automatic capture: "Added to your timeline: Naqvi – Piantedosi, Rome,
 * 6 Jun", or "Added as a second source of Naqvi – Piantedosi, Rome, 6 Jun". Pure, so it is tested without a page.
 */
import { MONTH_ABBREVIATIONS } from '../lexicon/calendar';
import type { DatePrecision } from '../types';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Surnames only: a notice names the meeting, the card and popup carry the full names. */
function surname(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}

/** "6 Jun", "Jun 2025", "2025": the year only when it is not the year of `today`. */
export function shortDate(
  date: string | null,
  precision: DatePrecision | null,
  today: Date = new Date(),
): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y) === today.getUTCFullYear() ? '' : ` ${y}`;
  if (!mo || precision === 'year') return y;
  const month = MONTH_ABBREVIATIONS[Number(mo) - 1];
  if (!month) return y;
  if (!d || precision === 'month') return `${month} ${y}`;
  return `${precision === 'approximate' ? 'c. ' : ''}${Number(d)} ${month}${year}`;
}

export interface CaptureSummary {
  merged: boolean;
  sources: number;
  names: string[];
  place: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
}

/** "Naqvi – Piantedosi, Rome, 6 Jun": who, where, when, whatever of it is known. */
export function engagementLine(c: Omit<CaptureSummary, 'merged' | 'sources'>, today?: Date): string {
  const who = c.names.length > 0 ? c.names.slice(0, 4).map(surname).join(' – ') : 'an engagement';
  const more = c.names.length > 4 ? ` and ${c.names.length - 4} more` : '';
  return [`${who}${more}`, c.place, shortDate(c.date, c.datePrecision, today)].filter(Boolean).join(', ');
}

export function captureText(c: CaptureSummary, today?: Date): string {
  const line = engagementLine(c, today);
  if (!c.merged) return `Added to your timeline: ${line}`;
  const nth = ORDINALS[c.sources - 1];
  return nth ? `Added as a ${nth} source of ${line}` : `Added as another source of ${line}`;
}
