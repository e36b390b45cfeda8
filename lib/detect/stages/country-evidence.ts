/**
 * Stage 6: what the page says about countries as a whole — how often each is mentioned, the dateline's country,
 * and the one country the text sends someone to.
 */
import type { CountryCode } from '../../types';
import type { Scan } from '../titles';
import { hashWord, LINE, UPPER } from '../tokenize';
import type { Layout } from './layout';

export interface CountryEvidence {
  /** Mentions per country outside names, in order of first mention. */
  counts: Map<CountryCode, number>;
  dateline: CountryCode | null;
  /** The most mentioned country (the first of equals). */
  frequent: CountryCode | null;
  /** The one country other than the dateline's that the text sends someone to ("was in Guatemala", "visit to Peru"). */
  visited: CountryCode | null;
  /** Token where the text first sends someone there: only what is reported after it happens on the trip. */
  visitedAt: number;
}

/** What follows the city of a title-case dateline: a date, an agency in brackets, or a dash. */
const DATELINE_TAIL =
  /^(?:,\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|,\s*\d{1,2}\s|\s*\((?:[A-Z][A-Za-z.]*\s?){1,3}\)|\s+[-\u2013\u2014]\s)/i;
/** A dateline opens the text: a country matched at a line start this close to it. */
const DATELINE_WITHIN = 60;
/** "was in Guatemala", "a visit to Peru", "arrived in Lima": someone went to that country. */
const TRIP_WORDS = new Set(
  ['was', 'were', 'is', 'arrived', 'arrives', 'visit', 'trip', 'tour', 'travelled', 'traveled', 'landed', 'flew'].map(
    hashWord,
  ),
);
const TRIP_PREPOSITIONS = new Set(['in', 'to'].map(hashWord));

export function countryEvidence(sc: Scan, layout: Layout): CountryEvidence {
  const { text, t, matches } = sc;
  const { inName } = layout;
  const counts = new Map<CountryCode, number>();
  let dateline: CountryCode | null = null;
  for (const m of matches) {
    if (m.payload.kind !== 'country' || inName[m.s]) continue;
    counts.set(m.payload.code, (counts.get(m.payload.code) ?? 0) + 1);
    if (dateline === null && m.s < DATELINE_WITHIN && (m.s === 0 || (t.flags[m.s] & LINE) !== 0)) {
      // "ISLAMABAD:" — or a title-case agency dateline: "Rabat, Oct 14 (EFE).-", "Jakarta (ANTARA) -".
      if (
        (t.flags[m.s] & UPPER) !== 0 ||
        (m.payload.form === 'place' && DATELINE_TAIL.test(text.slice(t.end[m.e - 1], t.end[m.e - 1] + 16)))
      )
        dateline = m.payload.code;
    }
  }
  let frequent: CountryCode | null = null;
  let best = 0;
  for (const [c, n] of counts) {
    if (n > best) {
      best = n;
      frequent = c;
    }
  }
  let visited: CountryCode | null = null;
  let visitedAt = t.n;
  const found = new Set<CountryCode>();
  for (const m of matches) {
    if (m.payload.kind !== 'country' || m.payload.form === 'demonym' || inName[m.s] || m.s < 2) continue;
    if (!TRIP_PREPOSITIONS.has(t.hash[m.s - 1]) || !TRIP_WORDS.has(t.hash[m.s - 2])) continue;
    if (m.payload.code === dateline) continue;
    found.add(m.payload.code);
    visitedAt = Math.min(visitedAt, m.s);
  }
  if (found.size === 1) visited = [...found][0];
  return { counts, dateline, frequent, visited, visitedAt };
}
