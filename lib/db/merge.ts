/**
 * Deciding whether a newly extracted engagement is one already in the timeline (another outlet's report of the
 * same meeting) and folding it in. Pure: no database, so the rules are tested as a table.
 */
import type { DatePrecision, Engagement, EngagementDraft, EngagementKind, Figure, Participant } from '../types';
import { countryPairsOf, participantIdsOf } from './derive';

/** Reports of one meeting appear on the same or next days; a few days also absorbs "on Friday" guesses. */
export const SAME_EVENT_MAX_DAYS = 3;

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'syed', 'sayed', 'prof', 'sen', 'gen', 'hon', 'h.e', 'he']);

/** Lowercased tokens of a person's name, without diacritics, punctuation or honorifics. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && !TITLES.has(t));
}

/** Edit distance capped at `max + 1`: only "is it at most one letter off" is ever asked. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Surnames match exactly, or (when long enough that one letter is not a different name) one edit apart. */
function surnamesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1;
}

/**
 * Same person by name: same surname (allowing "Quinten"/"Quintin"), and the given names of the shorter form are
 * found in the longer one ("Naqvi" = "Mohsin Naqvi" = "Syed Mohsin Naqvi"; "Mohsin Naqvi" ≠ "Ali Naqvi").
 */
export function namesMatch(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (!surnamesMatch(ta[ta.length - 1], tb[tb.length - 1])) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const given = long.slice(0, -1);
  return short.slice(0, -1).every((g) => given.some((h) => h === g || (g.length === 1 && h.startsWith(g))));
}

export function sameParticipant(a: Participant, b: Participant): boolean {
  if (a.entityId && b.entityId && a.entityId === b.entityId) return true;
  // Different countries means different people even when names collide.
  if (a.country && b.country && a.country !== b.country) return false;
  return namesMatch(a.name, b.name);
}

/** Every participant of the smaller side is on the other side, and that is at least two people (or one of one). */
export function sameParticipants(a: readonly Participant[], b: readonly Participant[]): boolean {
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return false;
  if (small.length < 2 && big.length > 1) return false;
  return small.every((p) => big.some((q) => sameParticipant(p, q)));
}

/**
 * Same set of (two or more) countries, and no country where both sides name people and none of them match:
 * that would be a different counterpart from the same government, i.e. another meeting.
 */
export function sameCountries(a: EngagementDraft, b: EngagementDraft): boolean {
  const ca = new Set(a.countries);
  const cb = new Set(b.countries);
  if (ca.size < 2 || ca.size !== cb.size || ![...ca].every((c) => cb.has(c))) return false;
  for (const c of ca) {
    const pa = a.participants.filter((p) => p.country === c);
    const pb = b.participants.filter((p) => p.country === c);
    if (pa.length > 0 && pb.length > 0 && !pa.some((p) => pb.some((q) => sameParticipant(p, q)))) return false;
  }
  return true;
}

function normPlace(p: string | null): string | null {
  const t = p?.trim().toLowerCase();
  return t ? t : null;
}

export function placesCompatible(a: string | null, b: string | null): boolean {
  const pa = normPlace(a);
  const pb = normPlace(b);
  return pa === null || pb === null || pa === pb;
}

const EVENT_KINDS = new Set<EngagementKind>(['meeting', 'visit', 'agreement']);

/** A meeting may be reported as a visit or as the agreement signed at it; a call or a planned visit is something else. */
export function kindsCompatible(a: EngagementKind, b: EngagementKind): boolean {
  return a === b || a === 'other' || b === 'other' || (EVENT_KINDS.has(a) && EVENT_KINDS.has(b));
}

interface ParsedDate {
  /** Days since epoch, when the day is known. */
  day: number | null;
  /** "YYYY-MM", when at least the month is known. */
  month: string | null;
}

/** Reads a date with its precision; an unknown day (month precision, "YYYY-MM") keeps only the month. */
export function parseDate(date: string | null, precision: DatePrecision | null): ParsedDate | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const month = `${m[1]}-${m[2]}`;
  if (precision === 'year') return { day: null, month: null };
  if (!m[3] || precision === 'month') return { day: null, month };
  return { day: Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000), month };
}

/**
 * Within SAME_EVENT_MAX_DAYS when both days are known; same month when one side knows only the month. An
 * undated draft is read as "the month of `reference`" (the article's publication date) when one is given.
 */
export function datesCompatible(a: EngagementDraft, b: EngagementDraft, reference: string | null = null): boolean {
  const pa = parseDate(a.date, a.datePrecision) ?? parseDate(reference, 'month');
  const pb = parseDate(b.date, b.datePrecision);
  if (!pa || !pb) {
    // Two undated announcements of the same planned visit are the same plan.
    return !a.date && !b.date && a.kind === 'planned_visit' && b.kind === 'planned_visit';
  }
  if (pa.day !== null && pb.day !== null) return Math.abs(pa.day - pb.day) <= SAME_EVENT_MAX_DAYS;
  return pa.month !== null && pa.month === pb.month;
}

function dayDistance(a: EngagementDraft, b: EngagementDraft): number {
  const pa = parseDate(a.date, a.datePrecision);
  const pb = parseDate(b.date, b.datePrecision);
  return pa?.day != null && pb?.day != null ? Math.abs(pa.day - pb.day) : SAME_EVENT_MAX_DAYS + 1;
}

export interface SameEventOptions {
  /** Publication date of the article the draft came from, used when the draft has no date of its own. */
  referenceDate?: string | null;
}

/** True when `draft` and `candidate` describe one event. */
export function isSameEvent(draft: EngagementDraft, candidate: EngagementDraft, opts: SameEventOptions = {}): boolean {
  return (
    kindsCompatible(draft.kind, candidate.kind) &&
    placesCompatible(draft.place, candidate.place) &&
    datesCompatible(draft, candidate, opts.referenceDate ?? null) &&
    (sameParticipants(draft.participants, candidate.participants) || sameCountries(draft, candidate))
  );
}

/** The stored engagement `draft` reports, preferring the closest date, or null when it is a new event. */
export function findSameEvent(
  draft: EngagementDraft,
  candidates: readonly Engagement[],
  opts: SameEventOptions = {},
): Engagement | null {
  let best: Engagement | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (!isSameEvent(draft, c, opts)) continue;
    const d = dayDistance(draft, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 4, approximate: 3, month: 2, year: 1 };

function precisionRank(e: EngagementDraft): number {
  if (!e.date) return 0;
  return e.datePrecision ? PRECISION_RANK[e.datePrecision] : /^\d{4}-\d{2}-\d{2}/.test(e.date) ? 3 : 2;
}

function mergeParticipant(a: Participant, b: Participant): Participant {
  return {
    ...a,
    // A known entity id beats a name-only participant; a longer name is usually the fuller one.
    entityId: a.entityId ?? b.entityId,
    role: a.role ?? b.role,
    country: a.country ?? b.country,
  };
}

function figureKey(f: Figure): string {
  return f.value !== undefined ? `${f.value}${f.unit ?? ''}` : f.text.trim().toLowerCase();
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/**
 * Folds another report of the same event into the stored engagement: topics, figures, participants and countries
 * are unioned, the more precise date is kept, and what the timeline already says is never replaced by a guess.
 */
export function mergeDraft(existing: Engagement, draft: EngagementDraft, now: number = Date.now()): Engagement {
  const participants = existing.participants.map((p) => {
    const other = draft.participants.find((q) => sameParticipant(p, q));
    return other ? mergeParticipant(p, other) : p;
  });
  for (const q of draft.participants)
    if (!existing.participants.some((p) => sameParticipant(p, q))) participants.push(q);

  const figures = [...existing.figures];
  const seen = new Set(figures.map(figureKey));
  for (const f of draft.figures) {
    if (!seen.has(figureKey(f))) {
      seen.add(figureKey(f));
      figures.push(f);
    }
  }

  const draftMorePrecise = precisionRank(draft) > precisionRank(existing);
  const countries = union(existing.countries, draft.countries);
  return {
    ...existing,
    kind: existing.kind === 'other' ? draft.kind : existing.kind,
    participants,
    participantIds: participantIdsOf(participants),
    countries,
    countryPairs: countryPairsOf(countries, participants),
    place: existing.place ?? draft.place,
    date: draftMorePrecise ? draft.date : existing.date,
    datePrecision: draftMorePrecise ? draft.datePrecision : existing.datePrecision,
    topics: union(existing.topics, draft.topics),
    figures,
    summary: existing.summary || draft.summary,
    updatedAt: now,
  };
}
