/**
 * Folding another outlet's report of the same meeting into the engagement the timeline holds. Whether it is the
 * same meeting is scored in `same-event.ts`. Pure: no database, so the rules are tested as a table.
 */
import type { DatePrecision, Engagement, EngagementDraft, Figure, Participant } from '../types';
import { countryPairsOf, participantIdsOf } from './derive';
import { type Candidate, matchSameEvent, sameParticipant, scoreSameEvent, verdictOf } from './same-event';

export { kindsCompatible, namesMatch, nameTokens, sameParticipant } from './same-event';

export interface SameEventOptions {
  /** Publication date of the article the draft came from, used when the draft has no date of its own. */
  referenceDate?: string | null;
  /** The article's dateline city, which may be only where the reporter is. */
  dateline?: string | null;
}

/** True when `draft` and `candidate` describe one event clearly enough to merge without asking. */
export function isSameEvent(draft: EngagementDraft, candidate: EngagementDraft, opts: SameEventOptions = {}): boolean {
  const score = scoreSameEvent(draft, candidate, { published: opts.referenceDate, dateline: opts.dateline });
  return verdictOf(score) === 'same';
}

/**
 * The stored engagement `draft` reports, when the match is clear enough to merge without asking (see
 * `matchSameEvent` for the grey zone), or null.
 */
export function findSameEvent(
  draft: EngagementDraft,
  candidates: readonly (Candidate | Engagement)[],
  opts: SameEventOptions = {},
): Engagement | null {
  const m = matchSameEvent(draft, candidates, { published: opts.referenceDate, dateline: opts.dateline });
  return m.verdict === 'same' ? m.engagement : null;
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
