/**
 * From article text + detection to engagement drafts. One pass over the sentences: cues ("met", "held talks
 * with", "will visit") start or extend an engagement with the officials around them; sentences without cues
 * ("the two sides discussed …", "Naqvi said …") are attributed to the engagement they talk about, which is
 * where topics and figures come from. Officials merely mentioned never become participants.
 */
import { isoDate } from '../article/date-parse';
import { parseDateline } from '../article/dateline';
import type {
  ArticleMeta,
  CountryCode,
  DatePrecision,
  DetectedOfficial,
  Detection,
  EngagementDraft,
  EngagementKind,
  Figure,
  Mention,
  Participant,
  TopicId,
} from '../types';
import {
  ANAPHOR_RE,
  ATTEND_RE,
  COUNTERPART_RE,
  LEFT_BOUNDARY_RE,
  NON_PARTICIPANT_BEFORE_RE,
  PRONOUN_SUBJECT_RE,
  RIGHT_BOUNDARY_RE,
  SEPARATE_RE,
} from './cues';
import { type FoundDate, findDates, pickDate } from './dates';
import { extractFigures } from './figures';
import { DEMONYM_COUNTRY } from './geo';
import { type CueHit, findCues, KIND_PRIORITY, MUTUAL_KINDS } from './kinds';
import { destinationAfter, type FoundPlace, findPlace, titleCase, visitDestination } from './places';
import { type Sentence, splitSentences } from './sentences';
import { summarize } from './summary';

/** One official mention, with what the text around it says about it. */
interface Ref {
  entityId: string;
  start: number;
  end: number;
  /** "Sharif's adviser": a modifier, not an actor. */
  possessive: boolean;
  /** "on the directions of Prime Minister Sharif": a reference, not a participant. */
  reference: boolean;
}

interface Draft {
  kind: EngagementKind;
  participants: string[];
  cue: CueHit;
  cueSentence: Sentence;
  sentences: Set<number>;
  /** For visits and planned visits: where to. */
  destination: FoundPlace | null;
  future: boolean;
  /** An explicit day date in the cue sentence, used to keep different meetings apart. */
  explicitDay: string | null;
}

interface Context {
  text: string;
  sentences: Sentence[];
  refs: Ref[];
  mentions: Mention[];
  officials: Map<string, DetectedOfficial>;
  detection: Detection;
  published: string | null;
  datelineCity: string | null;
}

/** Title words before a name ("Belgian Interior Minister "), skipped to see what precedes the whole title. */
const TITLE_RUN_RE = /(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|of|for|and|the|on))*\s*$/;

function buildRefs(text: string, mentions: readonly Mention[]): Ref[] {
  const refs: Ref[] = [];
  for (const m of mentions) {
    if (m.kind !== 'official') continue;
    const after = text.slice(m.end, m.end + 3);
    let before = text.slice(Math.max(0, m.start - 80), m.start);
    const run = TITLE_RUN_RE.exec(before);
    if (run) before = before.slice(0, run.index);
    refs.push({
      entityId: m.entityId,
      start: m.start,
      end: m.end,
      possessive: /^['’]s?\b|^['’]\s/.test(after),
      reference: NON_PARTICIPANT_BEFORE_RE.test(before),
    });
  }
  return refs.sort((a, b) => a.start - b.start);
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Entity ids of actor mentions in [from, to). */
function actorsIn(ctx: Context, from: number, to: number, allowPossessive = false): string[] {
  return unique(
    ctx.refs
      .filter((r) => r.start >= from && r.end <= to && !r.reference && (allowPossessive || !r.possessive))
      .map((r) => r.entityId),
  );
}

function leftBound(ctx: Context, s: Sentence, hit: CueHit, prev: CueHit | undefined): number {
  let bound = s.start;
  const re = new RegExp(LEFT_BOUNDARY_RE.source, 'g');
  const head = ctx.text.slice(s.start, hit.start);
  for (let m = re.exec(head); m; m = re.exec(head)) bound = s.start + m.index + m[0].length;
  return prev ? Math.max(bound, prev.end) : bound;
}

function rightBound(ctx: Context, s: Sentence, hit: CueHit, next: CueHit | undefined): number {
  const tail = ctx.text.slice(hit.end, s.end);
  const m = RIGHT_BOUNDARY_RE.exec(tail);
  let bound = m ? hit.end + m.index : s.end;
  if (next) bound = Math.min(bound, next.start);
  return bound;
}

/** "he", "the minister": the article's protagonist, or the official whose role the phrase names. */
function resolvePronoun(ctx: Context, phrase: string, focus: string | null, before: number): string | null {
  const m = PRONOUN_SUBJECT_RE.exec(phrase);
  if (!m) return null;
  const roleWord =
    /\b(minister|commissioner|secretary|ambassador|envoy|president|premier|chancellor|high commissioner)\b/i.exec(m[0]);
  if (roleWord && !/^(?:he|she|they)$/i.test(m[0])) {
    const word = roleWord[1].toLowerCase();
    const recent = [...ctx.refs].reverse().find((r) => {
      if (r.start >= before) return false;
      const role = ctx.officials.get(r.entityId)?.role ?? ctx.mentions.find((x) => x.start === r.start)?.role ?? '';
      return role.toLowerCase().includes(word);
    });
    if (recent) return recent.entityId;
  }
  return focus;
}

/** "his Belgian counterpart" with no name after it: the one Belgian official the article names, if any. */
function counterparts(ctx: Context, from: number, to: number, known: readonly string[]): string[] {
  const out: string[] = [];
  const span = ctx.text.slice(from, to);
  const re = new RegExp(COUNTERPART_RE.source, 'g');
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const end = from + m.index + m[0].length;
    const named = ctx.refs.some(
      (r) => r.start >= end && r.start <= end + 50 && !/[.,;]/.test(ctx.text.slice(end, r.start)),
    );
    if (named) continue;
    const adjStart = from + m.index + m[0].indexOf(m[1]);
    const mention = ctx.mentions.find((x) => x.kind === 'country' && x.start <= adjStart && x.end > adjStart);
    const code = mention ? mention.entityId.replace(/^country:/, '') : DEMONYM_COUNTRY.get(m[1].toLowerCase());
    if (!code) continue;
    const match = ctx.detection.officials.find((o) => o.country === code && !known.includes(o.entityId));
    if (match) out.push(match.entityId);
  }
  return out;
}

interface Candidate {
  kind: EngagementKind;
  participants: string[];
  hit: CueHit;
  destination: FoundPlace | null;
  /** The cue's own subject, for a following cue that shares it ("met X and later held talks with Y"). */
  subject: string[];
  objects: string[];
  separate: boolean;
}

function candidateFor(
  ctx: Context,
  s: Sentence,
  hits: CueHit[],
  i: number,
  prevCandidate: Candidate | undefined,
  focus: string | null,
): Candidate | null {
  const hit = hits[i];
  const lb = leftBound(ctx, s, hit, hits[i - 1]);
  const rb = rightBound(ctx, s, hit, hits[i + 1]);
  const loose = hit.shape === 'visit' || hit.shape === 'planned';
  let left = actorsIn(ctx, lb, hit.start, loose);
  const right = actorsIn(ctx, hit.end, rb);
  const gapStart = left.length
    ? Math.max(...ctx.refs.filter((r) => left.includes(r.entityId) && r.end <= hit.start).map((r) => r.end))
    : lb;
  // "X met Y and later held talks with Z": the second cue shares the first one's subject.
  if (
    prevCandidate &&
    /^\W*(?:and|before|after|then|while|,)\b/i.test(ctx.text.slice(gapStart, hit.start)) &&
    left.every((id) => prevCandidate.objects.includes(id))
  ) {
    left = prevCandidate.subject;
  }
  if (left.length === 0 && hit.shape !== 'between') {
    const phrase = ctx.text.slice(lb, hit.end);
    const who = resolvePronoun(ctx, phrase, focus, hit.start);
    if (who) left = [who];
    else if (/^\W*$/.test(ctx.text.slice(s.start, hit.start)) && focus && hit.shape !== 'invite') left = [focus];
  }
  const extra = counterparts(ctx, hit.end, rb, [...left, ...right]);
  const objects = unique([...right, ...extra]);
  let participants: string[];
  let destination: FoundPlace | null = null;
  switch (hit.shape) {
    case 'transitive':
      participants = unique([...left, ...objects]);
      break;
    case 'between':
      participants = objects.length >= 2 ? objects : unique([...left, ...objects]);
      break;
    case 'visit':
    case 'planned':
      participants = left.slice(0, 1);
      destination = destinationAfter(ctx.text.slice(hit.end, s.end), hit.end, ctx.mentions);
      break;
    case 'invite': {
      const visitor = objects[0];
      if (!visitor) return null;
      participants = unique([visitor, ...left]);
      const to = /\bto\s+(?:visit|travel\s+to|come\s+to)\s+/i.exec(ctx.text.slice(hit.end, s.end));
      if (to) {
        const at = hit.end + to.index + to[0].length;
        destination = destinationAfter(ctx.text.slice(at, s.end), at, ctx.mentions);
      }
      break;
    }
    default:
      participants = unique([...left, ...objects]);
  }
  if (participants.length === 0) return null;
  const separate = hit.shape === 'transitive' && objects.length >= 2 && SEPARATE_RE.test(ctx.text.slice(lb, rb));
  return { kind: hit.kind, participants, hit, destination, subject: left, objects, separate };
}

const overlap = (a: readonly string[], b: readonly string[]): number => a.filter((x) => b.includes(x)).length;

function explicitDayIn(ctx: Context, s: Sentence): string | null {
  const found = findDates(s.text, { published: ctx.published });
  return found.find((f) => f.explicit && f.precision === 'day')?.date ?? null;
}

/** Where the engagement happened, from the most specific evidence available. */
function placeOf(ctx: Context, d: Draft, visits: Draft[]): FoundPlace | null {
  if (d.destination) return d.destination;
  if (d.kind === 'call') return null;
  const s = d.cueSentence;
  const cueAt = d.cue.start - s.start;
  const inSentence =
    findPlace(s.text, s.start, ctx.mentions, false) ?? findPlace(s.text.slice(cueAt), d.cue.start, ctx.mentions, true);
  if (inSentence) return inSentence;
  for (const i of [...d.sentences].sort((a, b) => a - b)) {
    if (i === s.index) continue;
    const other = ctx.sentences[i];
    const found = findPlace(other.text, other.start, ctx.mentions, false);
    if (found) return found;
  }
  // "during his official visit to Belgium" anywhere around the engagement, or a visit by a participant.
  for (const i of [...d.sentences].sort((a, b) => a - b)) {
    const trip = visitDestination(ctx.sentences[i].text, ctx.mentions);
    if (trip) return trip;
  }
  const visit = visits.find((v) => v.destination && d.participants.includes(v.participants[0]));
  if (visit?.destination) return visit.destination;
  if (
    ctx.datelineCity &&
    (/\bhere\b/i.test(s.text) ||
      /^(?:received|receives|hosted|hosts|welcomed|welcomes|called|calls|calling)\b/i.test(d.cue.text))
  ) {
    return { place: titleCase(ctx.datelineCity), country: null, start: -1 };
  }
  return null;
}

function dateOf(ctx: Context, d: Draft): { date: string | null; precision: DatePrecision | null } {
  const s = d.cueSentence;
  const found: FoundDate[] = findDates(s.text, { published: ctx.published, future: d.future });
  const best = pickDate(found, d.cue.start - s.start);
  if (best) return { date: best.date, precision: best.precision };
  if (d.kind === 'planned_visit') return { date: null, precision: null };
  // A meeting reported with no date word happened around publication.
  return ctx.published ? { date: ctx.published, precision: 'approximate' } : { date: null, precision: null };
}

function topicsOf(ctx: Context, d: Draft): TopicId[] {
  const inside = (m: Mention): boolean =>
    [...d.sentences].some((i) => m.start >= ctx.sentences[i].start && m.end <= ctx.sentences[i].end);
  const ids = ctx.mentions
    .filter((m) => m.kind === 'topic' && inside(m))
    .sort((a, b) => a.start - b.start)
    .map((m) => m.entityId.replace(/^topic:/, '') as TopicId);
  const own = unique(ids);
  return own.length ? own : ctx.detection.topics.map((t) => t.id);
}

function participantOf(ctx: Context, id: string): Participant {
  const o = ctx.officials.get(id);
  const mention = ctx.mentions.find((m) => m.entityId === id && m.role) ?? ctx.mentions.find((m) => m.entityId === id);
  return {
    name: o?.name ?? mention?.text ?? id.replace(/^official:/, ''),
    entityId: id,
    role: o?.role ?? mention?.role ?? null,
    country: o?.country ?? mention?.country ?? null,
  };
}

function figuresOf(ctx: Context, d: Draft): Figure[] {
  const text = [...d.sentences]
    .sort((a, b) => a - b)
    .map((i) => ctx.sentences[i].text)
    .join('\n');
  return extractFigures(text);
}

function finish(ctx: Context, d: Draft, visits: Draft[]): EngagementDraft {
  const participants = d.participants.map((id) => participantOf(ctx, id));
  const place = placeOf(ctx, d, visits);
  const { date, precision } = dateOf(ctx, d);
  const topics = topicsOf(ctx, d);
  const countries = unique(
    [...participants.map((p) => p.country), place?.country].filter(
      (c): c is CountryCode => typeof c === 'string' && c.length > 0,
    ),
  );
  const labels = new Map(ctx.detection.topics.map((t) => [t.id, t.label] as const));
  const placeName = place ? titleCase(place.place) : null;
  return {
    kind: d.kind,
    participants,
    countries,
    place: placeName,
    date,
    datePrecision: precision,
    topics,
    figures: figuresOf(ctx, d),
    summary: summarize(
      { kind: d.kind, participants, place: placeName, date, datePrecision: precision, topics },
      labels,
    ),
  };
}

function publishedAnchor(meta: ArticleMeta, text: string): string | null {
  if (meta.published) return meta.published;
  const d = parseDateline(text);
  return d?.year && d.month && d.day ? isoDate(d.year, d.month, d.day) : null;
}

/** Extracts the engagements an article reports, in the order the article reports them. */
export function extractEngagements(text: string, detection: Detection, meta: ArticleMeta): EngagementDraft[] {
  const ctx: Context = {
    text,
    sentences: splitSentences(text),
    refs: buildRefs(text, detection.mentions),
    mentions: [...detection.mentions].sort((a, b) => a.start - b.start),
    officials: new Map(detection.officials.map((o) => [o.entityId, o])),
    detection,
    published: publishedAnchor(meta, text),
    datelineCity: meta.dateline ?? parseDateline(text)?.city ?? null,
  };
  const mutual: Draft[] = [];
  const visits: Draft[] = [];
  const planned: Draft[] = [];
  const statements: Draft[] = [];
  const lead: number[] = [];
  let current: Draft | null = null;
  const firstActor = ctx.refs.find((r) => !r.reference && !r.possessive)?.entityId ?? null;

  const newDraft = (c: Candidate, s: Sentence, participants: string[]): Draft => ({
    kind: c.kind,
    participants,
    cue: c.hit,
    cueSentence: s,
    sentences: new Set([s.index]),
    destination: c.destination,
    future: c.kind === 'planned_visit' || /\b(?:will|would|to)\s+(?:meet|visit|hold|sign)\b/i.test(c.hit.text),
    explicitDay: explicitDayIn(ctx, s),
  });

  for (const s of ctx.sentences) {
    const hits = findCues(s.text, s.start);
    let assigned: Draft | null = null;
    let prev: Candidate | undefined;
    const focus = current?.participants[0] ?? mutual[0]?.participants[0] ?? firstActor;
    for (let i = 0; i < hits.length; i++) {
      const c = candidateFor(ctx, s, hits, i, prev, focus);
      if (!c) continue;
      prev = c;
      if (MUTUAL_KINDS.has(c.kind)) {
        if (c.participants.length < 2) {
          // A cue with one official in a sentence that already has an engagement adds nothing new.
          continue;
        }
        const groups = c.separate
          ? c.objects.map((o) => unique([...c.subject, o])).filter((g) => g.length >= 2)
          : [c.participants];
        for (const group of groups) {
          const day = explicitDayIn(ctx, s);
          const existing = mutual.find(
            (d) => overlap(d.participants, group) >= 2 && !(day && d.explicitDay && day !== d.explicitDay),
          );
          if (existing) {
            for (const id of group) if (!existing.participants.includes(id)) existing.participants.push(id);
            if (existing.cueSentence.index === s.index && KIND_PRIORITY[c.kind] > KIND_PRIORITY[existing.kind])
              existing.kind = c.kind;
            existing.sentences.add(s.index);
            assigned = existing;
          } else {
            const d = newDraft(c, s, group);
            mutual.push(d);
            assigned = d;
          }
        }
      } else if (c.kind === 'planned_visit') {
        const existing = planned.find((d) => d.participants[0] === c.participants[0]);
        if (existing) {
          existing.sentences.add(s.index);
          existing.destination ??= c.destination;
        } else planned.push(newDraft(c, s, c.participants));
      } else if (c.kind === 'visit') {
        const existing = visits.find((d) => d.participants[0] === c.participants[0]);
        if (existing) existing.destination ??= c.destination;
        else visits.push(newDraft(c, s, c.participants));
      } else if (c.kind === 'statement') {
        statements.push(newDraft(c, s, c.participants));
      }
    }

    if (!assigned) {
      const ids = actorsIn(ctx, s.start, s.end);
      if (
        current &&
        ids.length &&
        ATTEND_RE.test(s.text) &&
        /\b(?:meeting|talks|call|delegation|accompanied|joined|flanked|assisted)\b/i.test(s.text)
      ) {
        for (const id of ids) if (!current.participants.includes(id)) current.participants.push(id);
        assigned = current;
      } else if (ids.length && mutual.length) {
        let best: Draft | null = null;
        let bestScore = 0;
        for (const d of mutual) {
          const score = overlap(d.participants, ids) + (d === current ? 0.5 : 0);
          if (overlap(d.participants, ids) > 0 && score > bestScore) {
            best = d;
            bestScore = score;
          }
        }
        assigned = best ?? current;
      } else {
        assigned = current;
      }
      if (!assigned && !mutual.length && (ids.length === 0 || ANAPHOR_RE.test(s.text))) lead.push(s.index);
    }
    if (assigned) {
      assigned.sentences.add(s.index);
      current = assigned;
    }
  }
  // The lead before the first cue (headline bullets, a scene-setting opening) is about the first engagement.
  if (mutual[0]) for (const i of lead) mutual[0].sentences.add(i);

  const inMutual = new Set(mutual.flatMap((d) => d.participants));
  const keptVisits = visits.filter((v) => !inMutual.has(v.participants[0]));
  const drafts = [...mutual, ...keptVisits, ...planned];
  if (drafts.length === 0 && statements[0]) drafts.push(statements[0]);
  drafts.sort((a, b) => a.cue.start - b.cue.start);
  return drafts.map((d) => finish(ctx, d, visits));
}
