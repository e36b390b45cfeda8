/** Display formatting shared by the popup and the options page. Pure; locale is a parameter for tests. */
import { MONTH_ABBREVIATIONS } from '../lexicon/calendar';
import type { DatePrecision, EngagementKind } from '../types';

export const KIND_LABELS: Record<EngagementKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  visit: 'Visit',
  planned_visit: 'Planned visit',
  agreement: 'Agreement',
  statement: 'Statement',
  other: 'Other',
};

export const ENGAGEMENT_KINDS = Object.keys(KIND_LABELS) as EngagementKind[];

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** "12 Dec 2025", "Dec 2025", "2025", "c. Dec 2025"; "date unknown" when there is none. */
export function formatDate(date: string | null | undefined, precision: DatePrecision | null = 'day'): string {
  if (!date) return 'date unknown';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTH_ABBREVIATIONS[Number(mo) - 1] : undefined;
  if (precision === 'year' || !month) return y;
  if (precision === 'month' || !d) return `${month} ${y}`;
  const day = `${Number(d)} ${month} ${y}`;
  return precision === 'approximate' ? `c. ${day}` : day;
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "Pakistan" for "PK", "European Union" for "EU"; the code itself when the runtime has no names. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  if (code.toUpperCase() === 'EU') return 'European Union';
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "Mohsin Naqvi" from "official:mohsin-naqvi", for ids whose entity row is missing. */
export function nameFromId(id: string): string {
  const slug = id.slice(id.indexOf(':') + 1);
  return slug
    .split('-')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The host of a url without "www.", or the url when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Splits "a, b ,c" into ["a","b","c"], dropping empties and duplicates. */
export function splitList(text: string, separator: RegExp = /[,\n]/): string[] {
  return [
    ...new Set(
      text
        .split(separator)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
