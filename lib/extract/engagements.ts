/**
 * From article text + detection to engagement drafts. One pass over the sentences: cues ("met", "held talks
 * with", "will visit") start or extend an engagement with the officials around them; sentences without cues
 * ("the two sides discussed …", "Naqvi said …") are attributed to the engagement they talk about, which is
 * where topics and figures come from. Officials merely mentioned never become participants.
 */
import { addDays, isoDate } from '../article/date-parse';
import { type Dateline, parseDateline } from '../article/dateline';
import { cityName } from '../lexicon/city-name';
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
  COUNTERPART_RE,
  type CueShape,
  DELEGATION_RE,
  FUTURE_RE,
  GROUP_SUBJECT_RE,
  LEFT_BOUNDARY_RE,
  LIST_RIGHT_BOUNDARY_RE,
  MULTILATERAL_RE,
  NON_PARTICIPANT_BEFORE_RE,
  OCCASION_RE,
  PRINCIPAL_ROLE_RE,
  PRONOUN_SUBJECT_RE,
  RIGHT_BOUNDARY_RE,
  ROLE_WORD_RE,
  SEPARATE_RE,
  SUBORDINATE_ROLE_RE,
  WITNESS_RE,
  WITNESSED_RE,
} from './cues';
import { type FoundDate, findDates, pickDate, sequenceShift } from './dates';
import { extractFigures } from './figures';
import { CITY_COUNTRY, capitalOf, DEMONYM_COUNTRY } from './geo';
import { type CueHit, findCues, KIND_PRIORITY, MUTUAL_KINDS } from './kinds';
import { destinationAfter, type FoundPlace, findPlace, visitDestination } from './places';
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
  /** The official whose home the engagement happened at ("X received Y" → X), when the cue says so. */
  host: string | null;
  /** An explicit day date in the cue sentence, used to keep different meetings apart. */
  explicitDay: string | null;
  /** A chaired or multi-party meeting: officials who attend it take part in it (unlike aides at a bilateral). */
  multilateral: boolean;
  /** The last sentence that added to it, for attendance reported a little later. */
  last: number;
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
  /** Where the dateline ends: its date is the filing day, not an event's. */
  datelineEnd: number;
  /** Trips found so far (filled during the pass over sentences). */
  visits: Draft[];
  /** Lookups built once, so the pass never scans every mention for one answer. */
  mentionAt: Map<number, Mention>;
  countryAt: Map<number, Mention>;
  /** Each official's first mention with a role, and first mention at all. */
  roleMention: Map<string, Mention>;
  firstMention: Map<string, Mention>;
  /** Explicit day dates per sentence index (null: none), found when first asked. */
  explicitDays: Map<number, string | null>;
  firstPair?: string[];
}

/**
 * How far back "the minister" looks for whom it means, in official mentions. An antecedent is a few sentences
 * back; without a bound a page of thousands of mentions made every pronoun read all of them.
 */
const MAX_ANTECEDENT_REFS = 200;

/**
 * Most engagements one article yields. Reports name a handful (the longest in the corpora, about ten); every cue
 * compares its officials with each engagement so far, so a page of endless pairs is stopped here.
 */
export const MAX_ENGAGEMENTS = 60;

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

/** Index of the first item whose start is at or after `at` (items sorted by start). */
function firstAtOrAfter(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Official mentions inside [from, to), in text order. Found by binary search: the pass asks this for every cue and
 * sentence, and a scan of every mention each time made long pages quadratic.
 */
function refsIn(ctx: Context, from: number, to: number): Ref[] {
  const out: Ref[] = [];
  for (let i = firstAtOrAfter(ctx.refs, from); i < ctx.refs.length && ctx.refs[i].start < to; i++)
    if (ctx.refs[i].end <= to) out.push(ctx.refs[i]);
  return out;
}

/** Entity ids of actor mentions in [from, to). */
function actorsIn(ctx: Context, from: number, to: number, allowPossessive = false): string[] {
  return unique(
    refsIn(ctx, from, to)
      .filter((r) => !r.reference && (allowPossessive || !r.possessive))
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
  const m = (hit.traits.memberList ? LIST_RIGHT_BOUNDARY_RE : RIGHT_BOUNDARY_RE).exec(tail);
  let bound = m ? hit.end + m.index : s.end;
  if (next) bound = Math.min(bound, next.start);
  return bound;
}

/** The country a dateline city belongs to, if known. */
function datelineCountry(ctx: Context): string | null {
  return ctx.datelineCity ? (CITY_COUNTRY.get(ctx.datelineCity.toLowerCase()) ?? null) : null;
}

/**
 * "he", "the minister": the article's protagonist, or the official whose role the phrase names. "The UK Home
 * Secretary" prefers the most recent official of that country whose role holds those words; "the visiting minister"
 * one from outside the dateline's country. "HE" (His Excellency) is a title, not a pronoun.
 */
function resolvePronoun(ctx: Context, phrase: string, focus: string | null, before: number): string | null {
  const m = PRONOUN_SUBJECT_RE.exec(phrase.replace(/\bS?HE\b/g, (x) => ' '.repeat(x.length)));
  if (!m) return null;
  const roleWord = ROLE_WORD_RE.exec(m[0]);
  if (!roleWord || /^(?:he|she|they)$/i.test(m[0])) return focus;
  const word = roleWord[1].toLowerCase();
  const qualifiers = m[0]
    .slice(0, roleWord.index)
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const country = qualifiers.map((q) => DEMONYM_COUNTRY.get(q.toLowerCase().replace(/\.$/, ''))).find(Boolean) ?? null;
  const visiting = qualifiers.some((q) => /^visiting$/i.test(q));
  const office = qualifiers
    .filter((q) => !/^visiting$/i.test(q) && !DEMONYM_COUNTRY.has(q.toLowerCase()))
    .map((q) => q.toLowerCase());
  const roleOf = (id: string, start: number): string =>
    (ctx.officials.get(id)?.role ?? ctx.mentionAt.get(start)?.role ?? '').toLowerCase();
  const home = datelineCountry(ctx);
  // "the BSF chief" names a "BSF Director General": the office words alone may identify the official.
  const end = firstAtOrAfter(ctx.refs, before);
  const candidates = ctx.refs
    .slice(Math.max(0, end - MAX_ANTECEDENT_REFS), end)
    .reverse()
    .map((r) => {
      const role = roleOf(r.entityId, r.start);
      return {
        id: r.entityId,
        country: ctx.officials.get(r.entityId)?.country ?? null,
        word: role.includes(word),
        office: office.length > 0 && office.every((w) => role.includes(w)),
      };
    })
    .filter((c) => c.word || c.office);
  const fits = (c: { country: string | null }): boolean =>
    (!country || c.country === country) && (!visiting || !home || c.country !== home);
  const best =
    candidates.find((c) => fits(c) && c.office && c.word) ??
    candidates.find((c) => fits(c) && c.office) ??
    candidates.find((c) => fits(c) && c.word);
  if (best && (country || visiting || best.office)) return best.id;
  const focusRole = (focus && ctx.officials.get(focus)?.role) || '';
  if (focus && focusRole.toLowerCase().includes(word)) return focus;
  if (best) return best.id;
  return focus;
}

// The text around a cue: every regex the engine runs next to a cue is here (none runs over the cue's own words,
// which its traits describe; see `CueTraits` in cues.ts). Names say which side of the cue each one reads.

/**
 * From a possessive to the cue's end: "'s meeting with", "'s telephone conversation with", "'s talks in Rome with",
 * and the owner's day or visit ending in talks: "'s day in Madrid concluded with a meeting with".
 */
const POSSESSED_TALK_RE =
  /^['’]s?\s+(?:(?:day|visit|trip|tour|stay|programme|program|schedule)\s+(?:in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?(?:concluded|ended|began|started|opened|closed|continued|wrapped\s+up)\s+with\s+(?:(?:a|an)\s+)?)?(?:[\w-]+\s+){0,2}?(?:meetings?|talks|discussions?|consultations|conversation|call|lunch|dinner)\s+(?:in\s+[A-Z][\w-]*\s+)?with$/i;

/** An object named by office right after the cue: "the Iranian minister", "the visiting commissioner". */
const OBJECT_ROLE_RE =
  /^\s*the\s+(?:(?:[A-Z][\w.-]*|visiting|federal|interior|foreign|home|external|security)\s+){0,3}(?:minister|commissioner|secretary|ambassador|envoy|president|premier|chancellor|high\s+commissioner|chief)\b/i;

/** A comma and at most a title between "counterpart" and the name that follows it. */
const APPOSITION_RE = /^\s*[,(–—-]\s*(?:(?:[A-Z][\w.'’-]*|of|for|the|and)\s+){0,6}$/;

/** Between the subject and a second cue that shares it: "X met Y and later held talks with Z". */
const SHARED_SUBJECT_GAP_RE = /^\W*(?:(?:on|this|last|earlier|later)\s+\w+\s+)?(?:and|before|after|then|while|,)\b/i;

/** Before an attendance or chairing cue, after the clause's last comma: "he chaired", "she attended". */
const PRONOUN_HEAD_RE = /^\W*(?:he|she)\b/i;

/** Nothing but punctuation before the cue: the sentence opens with it, so its subject is the one in view. */
const NOTHING_BEFORE_RE = /^\W*$/;

/** A capitalised word the detector did not take for an official, right before the cue: "Naqvi also met". */
const UNRECOGNISED_SUBJECT_RE = /\p{Lu}\p{Ll}+\s+(?:also\s+|later\s+|then\s+|on\s+\w+\s+)?$/u;

/** Right after an invitation cue: "invited him to visit". */
const OBJECT_PRONOUN_RE = /^\s*(?:him|her)\b/i;

/** After an invitation cue, where the destination follows: "… to visit", "… to travel to". */
const INVITED_TO_RE = /\bto\s+(?:visit|travel\s+to|come\s+to)\s+/i;

/** Before the cue: an auxiliary that makes it passive ("Y was received by X"). */
const PASSIVE_BEFORE_RE = /\b(?:was|were|been|being|is|are)\s+$/i;

/** Room for one auxiliary right before the cue ("were ", "being "): "Y was received by X", not "Y, who was there, received X". */
const PASSIVE_LOOKBACK = 12;

/** How far back "will", "agreed to" may stand and still make a cue future ("will on Monday hold talks"). */
const FUTURE_LOOKBACK = 40;

/** Whether the words before the cue (from `from` at most) make it an engagement still to come (`FUTURE_RE`). */
function futureBefore(ctx: Context, from: number, hit: CueHit): boolean {
  return FUTURE_RE.test(ctx.text.slice(Math.max(from, hit.start - FUTURE_LOOKBACK), hit.start));
}

/** Whether the cue is passive ("Y was received by X"): its subject is on the right. */
function passiveBefore(ctx: Context, hit: CueHit): boolean {
  return PASSIVE_BEFORE_RE.test(ctx.text.slice(hit.start - PASSIVE_LOOKBACK, hit.start));
}

/** Between the two officials of a joint subject: "A and B", "A & B". */
const JOINED_SUBJECTS_RE = /\band\b|&/;

/** Between them, words that make them not one bare subject: "A said B agreed", "A met with B and agreed". */
const NOT_ONE_SUBJECT_RE = /\b(?:said|says|told|that|with|after|when|while|as)\b/i;

/** Between a joint subject and its verb, only a day or an adverb: "A and B on Monday (also|jointly) agreed". */
const JOINT_VERB_GAP_RE =
  /^[\s,]*(?:(?:on|this|last)\s+\w+\s+|also\s+|jointly\s+|both\s+|have\s+|had\s+|further\s+)*$/i;

/** "his Belgian counterpart" with no name after it: the one Belgian official the article names, if any. */
function counterparts(ctx: Context, from: number, to: number, known: readonly string[]): string[] {
  const out: string[] = [];
  const span = ctx.text.slice(from, to);
  const re = new RegExp(COUNTERPART_RE.source, 'g');
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const end = from + m.index + m[0].length;
    // "his Mauritanian counterpart, Mohamed Lemine," names the counterpart in apposition.
    const named = refsIn(ctx, end, end + 51).some(
      (r) =>
        r.start <= end + 50 &&
        (!/[.,;]/.test(ctx.text.slice(end, r.start)) || APPOSITION_RE.test(ctx.text.slice(end, r.start))),
    );
    if (named) continue;
    const adjStart = from + m.index + m[0].indexOf(m[1]);
    const mention = countryCovering(ctx, adjStart);
    const code = mention ? mention.entityId.replace(/^country:/, '') : DEMONYM_COUNTRY.get(m[1].toLowerCase());
    if (!code) continue;
    const match = ctx.detection.officials.find((o) => o.country === code && !known.includes(o.entityId));
    if (match) out.push(match.entityId);
  }
  return out;
}

/** The country mention that covers offset `at`, if any (mentions do not overlap: only the last one starting there can). */
function countryCovering(ctx: Context, at: number): Mention | undefined {
  const m = ctx.mentions[firstAtOrAfter(ctx.mentions, at + 1) - 1];
  return m && m.kind === 'country' && m.end > at ? m : undefined;
}

/** An official whose office makes them a principal (a minister, a head of state), not a deputy or an aide. */
function isPrincipal(ctx: Context, id: string): boolean {
  const role = ctx.officials.get(id)?.role ?? ctx.roleMention.get(id)?.role ?? '';
  return role
    .split(/\s+and\s+|,\s*/)
    .some((part) => PRINCIPAL_ROLE_RE.test(part) && !SUBORDINATE_ROLE_RE.test(part.trim()));
}

/**
 * "signed by A and B in the presence of Ministers C and D": when officials sign on their principals' behalf, the
 * principals who witnessed it take part in the signing; ministers who sign before heads of state stay the pair.
 */
function withPrincipalWitnesses(ctx: Context, s: Sentence, from: number, signatories: string[]): string[] {
  if (signatories.some((id) => isPrincipal(ctx, id))) return signatories;
  const tail = ctx.text.slice(from, s.end);
  const w = WITNESS_RE.exec(tail);
  if (!w) return signatories;
  const start = from + w.index + w[0].length;
  const stop = /;|,\s*(?:who|which|where|while)\b|\s(?:said|says)\b/.exec(ctx.text.slice(start, s.end));
  const witnesses = actorsIn(ctx, start, stop ? start + stop.index : s.end).filter((id) => isPrincipal(ctx, id));
  return unique([...signatories, ...witnesses]);
}

/** What a sentence shape reads participants from: the cue, its clause [lb, rb) and the officials on either side. */
interface ShapeInput {
  ctx: Context;
  s: Sentence;
  hit: CueHit;
  lb: number;
  rb: number;
  /** The cue's subject (resolved pronouns and shared subjects included). */
  left: string[];
  /** The officials after the cue, counterparts included. */
  objects: string[];
  /** The officials of the engagement just reported. */
  group: readonly string[];
}

/** Who takes part and, for a trip, where to; null when the shape reads no engagement in the clause. */
interface ShapeReading {
  participants: string[];
  destination: FoundPlace | null;
}

/** Everyone around the cue: "X met Y", "X chaired a meeting with Y", "X said in a statement". */
function readEveryone({ left, objects }: ShapeInput): ShapeReading {
  return { participants: unique([...left, ...objects]), destination: null };
}

/** "X met Y", "Y was received by X". */
function readTransitive(input: ShapeInput): ShapeReading | null {
  const { ctx, hit, lb, left, objects } = input;
  // "Naqvi also met A and B" with the subject unrecognised: A and B did not meet each other.
  if (left.length === 0 && objects.length >= 2 && !SEPARATE_RE.test(ctx.text.slice(lb, hit.start))) {
    const head = ctx.text.slice(lb, hit.start);
    if (UNRECOGNISED_SUBJECT_RE.test(head)) return null;
  }
  return readEveryone(input);
}

/** "A and B attended": the subject alone joins the meeting in view. */
function readAttend({ left }: ShapeInput): ShapeReading {
  return { participants: left, destination: null };
}

/** "talks between X and Y": the officials after the cue, or everyone when only one is named there. */
function readBetween(input: ShapeInput): ShapeReading {
  const { objects } = input;
  return objects.length >= 2 ? { participants: objects, destination: null } : readEveryone(input);
}

/** "X visited Belgium", "X will visit Pakistan": the visitor and where they went. */
function readTrip({ ctx, s, hit, left }: ShapeInput): ShapeReading {
  return {
    participants: left.slice(0, 1),
    destination: destinationAfter(ctx.text.slice(hit.end, s.end), hit.end, ctx.countryAt),
  };
}

/** "X invited Y to visit Pakistan": Y, the visitor, and X; the destination after "to visit". */
function readInvite({ ctx, s, hit, rb, left, objects, group }: ShapeInput): ShapeReading | null {
  // "met Quintin and invited him to visit Pakistan": "him" is the counterpart just named.
  const pronoun = OBJECT_PRONOUN_RE.test(ctx.text.slice(hit.end, rb));
  const visitor = objects[0] ?? (pronoun ? group.find((id) => !left.includes(id)) : undefined);
  if (!visitor) return null;
  const to = INVITED_TO_RE.exec(ctx.text.slice(hit.end, s.end));
  let destination: FoundPlace | null = null;
  if (to) {
    const at = hit.end + to.index + to[0].length;
    destination = destinationAfter(ctx.text.slice(at, s.end), at, ctx.countryAt);
  }
  return { participants: unique([visitor, ...left]), destination };
}

/**
 * How each sentence shape reads its participants. _joint_ and _lead_ read the whole subject or sentence instead
 * (`jointCandidate`, `leadCandidate`).
 */
const SHAPE_READERS: Readonly<Record<Exclude<CueShape, 'joint' | 'lead'>, (input: ShapeInput) => ShapeReading | null>> =
  {
    transitive: readTransitive,
    between: readBetween,
    visit: readTrip,
    planned: readTrip,
    invite: readInvite,
    statement: readEveryone,
    convene: readEveryone,
    attend: readAttend,
  };

interface Candidate {
  kind: EngagementKind;
  participants: string[];
  hit: CueHit;
  destination: FoundPlace | null;
  /** The cue's own subject, for a following cue that shares it ("met X and later held talks with Y"). */
  subject: string[];
  objects: string[];
  separate: boolean;
  future: boolean;
  host: string | null;
}

function candidateFor(
  ctx: Context,
  s: Sentence,
  hits: CueHit[],
  i: number,
  prevCandidate: Candidate | undefined,
  focus: string | null,
  group: readonly string[],
): Candidate | null {
  const hit = hits[i];
  const lb = leftBound(ctx, s, hit, hits[i - 1]);
  const rb = rightBound(ctx, s, hit, hits[i + 1]);
  const loose = hit.shape === 'visit' || hit.shape === 'planned';
  let left = actorsIn(ctx, lb, hit.start, loose);
  const before = refsIn(ctx, lb, hit.start);
  // "Erdogan's meeting with Sharif": the owner of the talks is their subject (not "Naqvi's adviser met …").
  const owner = before.find(
    (r) => r.possessive && !r.reference && POSSESSED_TALK_RE.test(ctx.text.slice(r.end, hit.end)),
  );
  if (owner && !left.includes(owner.entityId)) left = [...left, owner.entityId];
  const right = actorsIn(ctx, hit.end, rb);
  // Where the subject's last mention ends (mentions do not overlap, so the latest one is within the clause).
  const gapStart = left.length ? Math.max(...before.filter((r) => left.includes(r.entityId)).map((r) => r.end)) : lb;
  // "X met Y and later held talks with Z": the second cue shares the first one's subject.
  if (
    prevCandidate &&
    SHARED_SUBJECT_GAP_RE.test(ctx.text.slice(gapStart, hit.start)) &&
    left.every((id) => prevCandidate.objects.includes(id))
  ) {
    left = prevCandidate.subject;
  }
  // "X was in Tunis for talks with Y": a later cue in the sentence shares the earlier one's subject.
  if (left.length === 0 && prevCandidate?.subject.length) left = prevCandidate.subject;
  const loneGroup = (): string[] => (group.length >= 2 ? [...group] : firstPair(ctx));
  if (left.length === 0 && (hit.shape === 'visit' || hit.shape === 'planned') && hits[i - 1]) {
    // "Lekhak, who arrived in New Delhi, is scheduled to visit Varanasi": the subject precedes the earlier cue.
    left = actorsIn(ctx, s.start, hit.start, true).slice(0, 1);
  }
  if (hit.shape === 'joint') return jointCandidate(ctx, hit, lb, left, loneGroup);
  if (hit.shape === 'attend' || hit.shape === 'convene') {
    // Attendance and chairing name their own subjects; "he" is resolved only when written.
    if (left.length === 0 && GROUP_SUBJECT_RE.test(ctx.text.slice(lb, hit.end))) left = loneGroup();
    else if (left.length === 0 && PRONOUN_HEAD_RE.test(ctx.text.slice(lb, hit.start).replace(/^.*,\s*/, '')) && focus)
      left = [focus];
  } else if (left.length === 0 && hit.shape !== 'between') {
    const phrase = ctx.text.slice(lb, hit.end);
    if (GROUP_SUBJECT_RE.test(ctx.text.slice(lb, hit.start)) && MUTUAL_KINDS.has(hit.kind)) left = loneGroup();
    else {
      const who = resolvePronoun(ctx, phrase, focus, hit.start);
      if (who) left = [who];
      else if (NOTHING_BEFORE_RE.test(ctx.text.slice(s.start, hit.start)) && focus && hit.shape !== 'invite')
        left = [focus];
    }
  }
  const extra = counterparts(ctx, hit.end, rb, [...left, ...right]);
  let objects = unique([...right, ...extra]);
  // "Sudani received the Iranian minister": an object named by office resolves like a subject would.
  if (objects.length === 0 && hit.shape === 'transitive' && left.length > 0) {
    const obj = OBJECT_ROLE_RE.exec(ctx.text.slice(hit.end, rb));
    const who = obj ? resolvePronoun(ctx, obj[0], null, hit.start) : null;
    if (who && !left.includes(who)) objects = [who];
  }
  if (hit.shape === 'lead') return leadCandidate(ctx, s, hit);
  // "In a phone call, the two ministers discussed …": the group named after the cue.
  if (hit.shape === 'between' && objects.length < 2 && GROUP_SUBJECT_RE.test(ctx.text.slice(hit.end, rb)))
    objects = loneGroup();
  const reading = SHAPE_READERS[hit.shape]({ ctx, s, hit, lb, rb, left, objects, group });
  if (!reading || reading.participants.length === 0) return null;
  const { destination } = reading;
  let { participants } = reading;
  if (hit.kind === 'agreement') participants = withPrincipalWitnesses(ctx, s, rb, participants);
  const separate = hit.shape === 'transitive' && objects.length >= 2 && SEPARATE_RE.test(ctx.text.slice(lb, rb));
  const future = futureBefore(ctx, lb, hit) || hit.traits.future === true;
  let host: string | null = null;
  if (hit.traits.hosts === 'subject') {
    host = passiveBefore(ctx, hit) ? (objects[0] ?? null) : (left[0] ?? null);
  } else if (hit.traits.hosts === 'object') host = objects[0] ?? null;
  return { kind: hit.kind, participants, hit, destination, subject: left, objects, separate, future, host };
}

/**
 * "The BGB delegation was led by A, while B headed the Indian team": the heads of two sides met. One head alone
 * joins the multi-party meeting in view, like attendance.
 */
function leadCandidate(ctx: Context, s: Sentence, hit: CueHit): Candidate | null {
  const heads = actorsIn(ctx, s.start, s.end);
  const sides = new Set(heads.map((id) => ctx.officials.get(id)?.country ?? id));
  if (heads.length === 0 || (heads.length >= 2 && sides.size < 2)) return null;
  return {
    kind: 'meeting',
    participants: heads,
    hit,
    destination: null,
    subject: heads,
    objects: [],
    separate: false,
    future: false,
    host: null,
  };
}

/**
 * "Naqvi and Dobrindt on Monday agreed to …": two officials of different countries joined by "and" as the subject
 * of a verb of talks; "the two ministers discussed …" is the group in view.
 */
function jointCandidate(
  ctx: Context,
  hit: CueHit,
  lb: number,
  left: string[],
  loneGroup: () => string[],
): Candidate | null {
  const head = ctx.text.slice(lb, hit.start);
  let participants: string[] = [];
  if (left.length === 0 && GROUP_SUBJECT_RE.test(head)) participants = loneGroup();
  else if (left.length >= 2) {
    const refs = refsIn(ctx, lb, hit.start).filter((r) => left.includes(r.entityId));
    if (refs.length < 2) return null;
    const between = ctx.text.slice(refs[0].end, refs[refs.length - 1].start);
    const after = ctx.text.slice(refs[refs.length - 1].end, hit.start);
    const countries = new Set(left.map((id) => ctx.officials.get(id)?.country ?? id));
    // Only a bare subject: "A and B (on Monday|also|jointly) agreed", not "A said B agreed".
    if (
      JOINED_SUBJECTS_RE.test(between) &&
      !NOT_ONE_SUBJECT_RE.test(between) &&
      JOINT_VERB_GAP_RE.test(after) &&
      countries.size >= 2
    )
      participants = left;
  }
  if (participants.length < 2) return null;
  return {
    kind: 'meeting',
    participants,
    hit,
    destination: null,
    subject: participants,
    objects: [],
    separate: false,
    future: futureBefore(ctx, lb, hit),
    host: null,
  };
}

/** Words in a headline that report two officials engaging ("discuss", "meet", "sign", "hold talks"). */
const HEADLINE_VERB_RE =
  /\b(?:discuss(?:es|ed)?|meets?|met|talks?|hold|holds|held|agree[sd]?|reviews?|reviewed|signs?|signed|inks?|inked|vows?|vowed|pledges?|pledged|confers?|explores?|explored|calls?|receives?|received|hosts?|hosted|reaffirms?|exchange|exchanges|underscores?|stress|stresses)\b/i;
const NAME_FILLER = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'del', 'van', 'von', 'der', 'ould', 'da', 'dos']);

/**
 * "Naqvi, Dobrindt discuss return of Afghans": two officials the body names, of different countries, named by a
 * part of their name in a headline with a verb of talks.
 */
function headlinePair(ctx: Context, title: string | null): string[] | null {
  if (!title || !HEADLINE_VERB_RE.test(title)) return null;
  const words = new Set(
    title
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .split(/[^\p{L}'’-]+/u)
      .map((w) => w.replace(/['’]s?$/, ''))
      .filter((w) => /^\p{Lu}/u.test(w)),
  );
  const plain = title.normalize('NFD').replace(/\p{M}+/gu, '');
  const found: { id: string; at: number; end: number; country: string | null }[] = [];
  for (const o of ctx.detection.officials) {
    const tokens = o.name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .split(/[\s-]+/)
      .filter((t) => t.length >= 3 && !NAME_FILLER.has(t.toLowerCase()) && !/\./.test(t) && words.has(t));
    if (tokens.length === 0) continue;
    if (!ctx.refs.some((r) => r.entityId === o.entityId && !r.reference)) continue;
    const spans = tokens.map((t) => {
      const at =
        new RegExp(`(?<!\\p{L})${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').exec(plain)?.index ?? -1;
      return [at, at + t.length];
    });
    found.push({
      id: o.entityId,
      at: Math.min(...spans.map((x) => x[0])),
      end: Math.max(...spans.map((x) => x[1])),
      country: o.country ?? null,
    });
  }
  if (found.length !== 2 || found[0].country === found[1].country) return null;
  const [a, b] = found.sort((x, y) => x.at - y.at);
  if (a.end > b.at) return null;
  // Both sides of the verb, or a joint subject before it: "A meets B", "A, B discuss", "A and B sign".
  const gap = plain.slice(a.end, b.at);
  const joint =
    /^\s*(?:,|and|&|-|–|\/)\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(gap) && HEADLINE_VERB_RE.test(plain.slice(b.end));
  const across = HEADLINE_VERB_RE.test(gap) && !/[;:|]/.test(gap);
  return joint || across ? [a.id, b.id] : null;
}

/** With no group in view, "the two ministers" are the first two officials of different countries. */
function firstPair(ctx: Context): string[] {
  // The same for every sentence: worked out once (it reads every mention).
  ctx.firstPair ??= pairOfSides(ctx);
  return [...ctx.firstPair];
}

function pairOfSides(ctx: Context): string[] {
  const actors = unique(ctx.refs.filter((r) => !r.reference).map((r) => r.entityId));
  const countries = new Set(actors.map((id) => ctx.officials.get(id)?.country ?? id));
  // Only when the article names exactly two sides; otherwise "the two ministers" is ambiguous.
  if (countries.size !== 2) return [];
  return firstTwo(ctx);
}

function firstTwo(ctx: Context): string[] {
  const out: string[] = [];
  const countries: (string | null)[] = [];
  for (const r of ctx.refs) {
    if (r.reference || out.includes(r.entityId)) continue;
    const country = ctx.officials.get(r.entityId)?.country ?? null;
    if (out.length === 1 && country && countries[0] === country) continue;
    out.push(r.entityId);
    countries.push(country);
    if (out.length === 2) break;
  }
  return out.length === 2 ? out : [];
}

const overlap = (a: readonly string[], b: readonly string[]): number => a.filter((x) => b.includes(x)).length;

/** A sentence's text with the dateline blanked out (same length, so offsets hold). */
function datedText(ctx: Context, s: Sentence): string {
  if (s.start >= ctx.datelineEnd) return s.text;
  const cut = Math.min(s.text.length, ctx.datelineEnd - s.start);
  return ' '.repeat(cut) + s.text.slice(cut);
}

function explicitDayIn(ctx: Context, s: Sentence): string | null {
  // Asked for every cue in the sentence: the dates are found once per sentence.
  const cached = ctx.explicitDays.get(s.index);
  if (cached !== undefined) return cached;
  const found = findDates(datedText(ctx, s), { published: ctx.published });
  const day = found.find((f) => f.explicit && f.precision === 'day')?.date ?? null;
  ctx.explicitDays.set(s.index, day);
  return day;
}

/** A trip "to Pakistan" reported from an Islamabad dateline happened in Islamabad. */
function inCountry(ctx: Context, place: FoundPlace): FoundPlace {
  const dateline = ctx.datelineCity ? cityName(ctx.datelineCity) : null;
  const isCountry = place.country !== null && CITY_COUNTRY.get(place.place.toLowerCase()) === undefined;
  if (dateline && isCountry && CITY_COUNTRY.get(dateline.toLowerCase()) === place.country) {
    return { place: dateline, country: place.country, start: place.start };
  }
  return place;
}

/** Where the engagement happened, from the most specific evidence available. */
const OTHER_OCCASION =
  /\b(?:earlier|later) (?:this|that|last) (?:week|month|year)|\blast (?:week|month|year)|\bpreviously\b|\bin (?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/** An engagement placed from the text itself, for the later ones of the same trip. */
interface Placed {
  participants: string[];
  place: FoundPlace;
}

function placeOf(ctx: Context, d: Draft, visits: Draft[], placed: readonly Placed[] = []): FoundPlace | null {
  const dateline = ctx.datelineCity ? cityName(ctx.datelineCity) : null;
  const datelineCountry = dateline ? (CITY_COUNTRY.get(dateline.toLowerCase()) ?? null) : null;
  // "discussed these issues here": the report's own city, whoever is visiting whom (a visit "to India" from a New
  // Delhi dateline is narrowed to the city). A city the sentence states still comes first.
  const here = dateline !== null && /\bhere\b/i.test(d.cueSentence.text);
  const venue = d.cue.traits.venue;
  if (d.destination && here && d.destination.country === datelineCountry && !venue)
    return { place: dateline, country: datelineCountry, start: -1 };
  if (d.destination) return d.destination;
  if (d.kind === 'call') return null;
  const s = d.cueSentence;
  const cueAt = d.cue.start - s.start;
  // "a meeting in Passau with …": the cue names the venue itself, known city or not.
  if (venue) return { place: venue, country: CITY_COUNTRY.get(venue.toLowerCase()) ?? null, start: d.cue.start };
  const inSentence =
    findPlace(s.text, s.start, ctx.countryAt, false) ??
    findPlace(s.text.slice(cueAt), d.cue.start, ctx.countryAt, true);
  if (inSentence) return inSentence;
  if (dateline && here) return { place: dateline, country: datelineCountry, start: -1 };
  // A participant's trip ("X was in Tunis", "on a visit to Belgium"; "will travel to Vilnius" for what is still
  // to come) frames the engagements during it.
  const visit = visits.find((v) => v.destination && d.participants.includes(v.participants[0]));
  if (visit?.destination) return inCountry(ctx, visit.destination);
  const nearby = [...d.sentences]
    .sort((a, b) => a - b)
    .filter((i) => ctx.sentences[i].paragraph === s.paragraph || i < s.index);
  for (const i of nearby) {
    const trip = visitDestination(ctx.sentences[i].text, ctx.countryAt);
    if (trip) return inCountry(ctx, trip);
  }
  for (const i of nearby) {
    if (i === s.index) continue;
    const other = ctx.sentences[i];
    const found = findPlace(other.text, other.start, ctx.countryAt, false);
    if (found) return found;
  }
  // "Later, X met Y": the same traveller's earlier engagement in this article says where the trip was.
  // A sentence that moves to another occasion ("earlier this week", "last month") is not the same trip.
  const sameTrip = OTHER_OCCASION.test(s.text)
    ? undefined
    : [...placed].reverse().find((p) => p.participants.some((id) => d.participants.includes(id)));
  if (sameTrip) return sameTrip.place;
  // "X received Y": at X's home — the dateline city if it is in X's country, else X's capital.
  const hostCountry = d.host ? (ctx.officials.get(d.host)?.country ?? null) : null;
  if (hostCountry) {
    if (dateline && datelineCountry === hostCountry) return { place: dateline, country: hostCountry, start: -1 };
    const capital = hostCountry === 'EU' ? 'Brussels' : capitalOf(hostCountry);
    if (capital) return { place: capital, country: hostCountry === 'EU' ? 'BE' : hostCountry, start: -1 };
  }
  // No place in the text: a dateline in a participant's own country (Brussels for the EU) is, in practice, where
  // the meeting was (a correspondent files from the venue); a dateline elsewhere says nothing about the venue.
  if (dateline && datelineCountry) {
    const countries = d.participants.map((p) => ctx.officials.get(p)?.country ?? null);
    if (countries.includes(datelineCountry) || (datelineCountry === 'BE' && countries.includes('EU')))
      return { place: dateline, country: datelineCountry, start: -1 };
  }
  return null;
}

function dateOf(
  ctx: Context,
  d: Draft,
  previous: { date: string | null; precision: DatePrecision | null } | null,
): { date: string | null; precision: DatePrecision | null } {
  const s = d.cueSentence;
  const found: FoundDate[] = findDates(datedText(ctx, s), { published: ctx.published, future: d.future });
  const best = pickDate(found, d.cue.start - s.start);
  if (best && (best.explicit || best.precision === 'day')) return { date: best.date, precision: best.precision };
  // "A day earlier, he had met …": counted from the engagement reported before it.
  const shift = sequenceShift(s.text);
  if (shift !== null && previous?.date && previous.precision === 'day')
    return { date: addDays(previous.date, shift), precision: 'day' };
  if (best) return { date: best.date, precision: best.precision };
  if (d.kind === 'planned_visit' || d.future) return { date: null, precision: null };
  // The lead often carries the day ("Pakistan and Iran on Tuesday signed …") before the officials are named.
  for (const i of [...d.sentences].sort((a, b) => a - b)) {
    if (i >= s.index) break;
    const lead = ctx.sentences[i];
    const day = findDates(datedText(ctx, lead), { published: ctx.published }).find((f) => f.precision === 'day');
    if (day) return { date: day.date, precision: day.precision };
  }
  const trip = ctx.visits.find((v) => d.participants.includes(v.participants[0]));
  if (trip) {
    const t = trip.cueSentence;
    const tripDate = pickDate(findDates(datedText(ctx, t), { published: ctx.published }), trip.cue.start - t.start);
    if (tripDate && tripDate.precision === 'day') return { date: tripDate.date, precision: tripDate.precision };
  }
  // "Later, X was received by Y": a follow-on engagement shares the day of the one reported before it.
  if (previous?.date && previous.precision !== 'approximate') return previous;
  // A meeting reported with no date word happened around publication.
  return ctx.published ? { date: ctx.published, precision: 'approximate' } : { date: null, precision: null };
}

function topicsOf(ctx: Context, d: Draft): TopicId[] {
  // The sentence a mention starts in (sentences do not overlap), then whether it ends inside it too.
  const inside = (m: Mention): boolean => {
    const i = firstAtOrAfter(ctx.sentences, m.start + 1) - 1;
    return i >= 0 && d.sentences.has(i) && m.end <= ctx.sentences[i].end;
  };
  const ids = ctx.mentions
    .filter((m) => m.kind === 'topic' && inside(m))
    .sort((a, b) => a.start - b.start)
    .map((m) => m.entityId.replace(/^topic:/, '') as TopicId);
  const own = unique(ids);
  return own.length ? own : ctx.detection.topics.map((t) => t.id);
}

function participantOf(ctx: Context, id: string): Participant {
  const o = ctx.officials.get(id);
  const mention = ctx.roleMention.get(id) ?? ctx.firstMention.get(id);
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

function finish(
  ctx: Context,
  d: Draft,
  visits: Draft[],
  previous: { date: string | null; precision: DatePrecision | null } | null,
  placed: Placed[],
): EngagementDraft {
  const participants = d.participants.map((id) => participantOf(ctx, id));
  const place = placeOf(ctx, d, visits, placed);
  if (place && place.start >= 0 && !d.future && d.kind !== 'call') placed.push({ participants: d.participants, place });
  const { date, precision } = dateOf(ctx, d, previous);
  const topics = topicsOf(ctx, d);
  const countries = unique(
    [...participants.map((p) => p.country), place?.country].filter(
      (c): c is CountryCode => typeof c === 'string' && c.length > 0,
    ),
  );
  const labels = new Map(ctx.detection.topics.map((t) => [t.id, t.label] as const));
  const placeName = place ? cityName(place.place) : null;
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

/**
 * The day relative words count from: the dateline's day when it has one (a wire's filing day, its year taken from
 * the publication date, at most a week before it), else the publication date, else a full dateline date.
 */
function publishedAnchor(meta: ArticleMeta, dateline: Dateline | null): string | null {
  if (meta.published) {
    if (dateline?.month && dateline.day) {
      const year = dateline.year ?? Number(meta.published.slice(0, 4));
      for (const y of dateline.year ? [year] : [year, year - 1]) {
        const d = isoDate(y, dateline.month, dateline.day);
        if (d && d <= meta.published && d >= addDays(meta.published, -7)) return d;
      }
    }
    return meta.published;
  }
  return dateline?.year && dateline.month && dateline.day ? isoDate(dateline.year, dateline.month, dateline.day) : null;
}

/** Extracts the engagements an article reports, in the order the article reports them. */
export function extractEngagements(text: string, detection: Detection, meta: ArticleMeta): EngagementDraft[] {
  const steps = engagementSteps(text, detection, meta);
  for (;;) {
    const step = steps.next(false);
    if (step.done) return step.value;
  }
}

/** Mentions by where they start, and each official's first mention (with a role, and at all). */
function indexMentions(mentions: readonly Mention[]) {
  const mentionAt = new Map<number, Mention>();
  const countryAt = new Map<number, Mention>();
  const roleMention = new Map<string, Mention>();
  const firstMention = new Map<string, Mention>();
  for (const m of mentions) {
    if (!mentionAt.has(m.start)) mentionAt.set(m.start, m);
    if (m.kind === 'country' && !countryAt.has(m.start)) countryAt.set(m.start, m);
    if (m.role && !roleMention.has(m.entityId)) roleMention.set(m.entityId, m);
    if (!firstMention.has(m.entityId)) firstMention.set(m.entityId, m);
  }
  return { mentionAt, countryAt, roleMention, firstMention };
}

/**
 * `extractEngagements` in steps, for callers that share the thread: it yields before every sentence, and the
 * caller's `next(true)` ends the pass there (a spent time budget); the engagements reported so far are then
 * finished and returned. Yields again between finished engagements, where a stop is ignored.
 */
export function* engagementSteps(
  text: string,
  detection: Detection,
  meta: ArticleMeta,
): Generator<void, EngagementDraft[], boolean | undefined> {
  const dateline = parseDateline(text);
  const mentions = [...detection.mentions].sort((a, b) => a.start - b.start);
  const ctx: Context = {
    text,
    sentences: splitSentences(text),
    refs: buildRefs(text, detection.mentions),
    mentions,
    officials: new Map(detection.officials.map((o) => [o.entityId, o])),
    detection,
    published: publishedAnchor(meta, dateline),
    datelineCity: meta.dateline || dateline?.city || null,
    datelineEnd: dateline?.end ?? 0,
    visits: [],
    ...indexMentions(mentions),
    explicitDays: new Map(),
  };
  const mutual: Draft[] = [];
  const visits: Draft[] = ctx.visits;
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
    future: c.kind === 'planned_visit' || c.future,
    host: c.host,
    explicitDay: explicitDayIn(ctx, s),
    multilateral: participants.length >= 3 || c.hit.traits.multilateral === true,
    last: s.index,
  });

  /** Whether another engagement may start (`MAX_ENGAGEMENTS`); existing ones still grow. */
  const room = (): boolean => mutual.length + visits.length + planned.length + statements.length < MAX_ENGAGEMENTS;

  let group: string[] = [];
  /** A chaired or multi-party meeting whose members are still being named ("X chaired …; A and B attended"). */
  let pending: Draft | null = null;
  for (const s of ctx.sentences) {
    // A spent budget ends the pass here, with the engagements reported so far.
    if (yield) break;
    const hits = findCues(s.text, s.start);
    let assigned: Draft | null = null;
    let prev: Candidate | undefined;
    const focus = current?.participants[0] ?? mutual[0]?.participants[0] ?? firstActor;
    const sentencePlanned: Draft[] = [];
    // "The meeting was attended by an ambassador": aides at a bilateral meeting already reported are not participants.
    const aside =
      current !== null &&
      current.participants.length >= 2 &&
      !current.multilateral &&
      (ANAPHOR_RE.test(s.text) || (s.index - current.last <= 2 && DELEGATION_RE.test(s.text)));
    /** The multi-party meeting that attendance in this sentence refers to, if one is in view. */
    const openEvent = (chairOnly: boolean): Draft | null => {
      if (pending && s.index - pending.last <= 4) return pending;
      if (chairOnly) return null;
      if (current?.multilateral && !current.future && s.index - current.last <= 4) return current;
      return null;
    };
    const join = (d: Draft, ids: readonly string[]): void => {
      for (const id of ids) if (!d.participants.includes(id)) d.participants.push(id);
      d.sentences.add(s.index);
      d.last = s.index;
      if (d === pending && d.participants.length >= 2 && room()) {
        mutual.push(d);
        pending = null;
      }
      if (mutual.includes(d)) assigned = d;
    };
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i];
      const attendance = hit.traits.attends === true;
      const c = candidateFor(ctx, s, hits, i, prev, focus, group);
      // "The meeting was also attended by the ambassador": who attends a meeting just reported takes part in it.
      if (aside && attendance) {
        if (c && current && c.kind === 'meeting' && !c.future) join(current, c.participants);
        continue;
      }
      if (!c) {
        // "EU interior ministers met in Luxembourg for the council": a meeting whose members are named later.
        if (
          hit.kind === 'meeting' &&
          hit.shape !== 'joint' &&
          !openEvent(true) &&
          (hit.shape === 'convene' || MULTILATERAL_RE.test(s.text))
        )
          pending = newDraft(
            {
              kind: 'meeting',
              participants: [],
              hit,
              destination: null,
              subject: [],
              objects: [],
              separate: false,
              future: futureBefore(ctx, s.start, hit),
              host: null,
            },
            s,
            [],
          );
        if (pending) pending.multilateral = true;
        continue;
      }
      prev = c;
      if (MUTUAL_KINDS.has(c.kind)) {
        // "will travel on to India for talks with Amit Shah": the talks are part of the planned trip.
        const plannedHere = sentencePlanned.find((d) => d.cue.start < c.hit.start);
        if (plannedHere) {
          for (const id of c.participants)
            if (!plannedHere.participants.includes(id)) plannedHere.participants.push(id);
          continue;
        }
        // Chairing and attendance join the multi-party meeting in view ("The meeting, chaired by X, was attended by
        // A, B and C"; "X chaired the apex meeting. A and B attended."); a chair alone opens one.
        const chairing = c.hit.traits.chairs === true;
        if ((attendance || chairing) && c.kind === 'meeting' && !c.future) {
          const target = openEvent(chairing && !attendance);
          if (target) {
            join(target, c.participants);
            continue;
          }
          if (c.participants.length < 2) {
            if (attendance || c.hit.traits.namesGathering)
              pending = { ...newDraft(c, s, [...c.participants]), multilateral: true };
            continue;
          }
          // Attendance with no meeting in view names a new one only away from the engagement just reported; right
          // after it ("… met Y. A and B also attended."), the attendees took part in it, on their side.
          if (c.hit.shape === 'attend' && current && (s.index - current.last <= 3 || OCCASION_RE.test(s.text))) {
            if (s.index - current.last <= 1 && !current.future && MUTUAL_KINDS.has(current.kind))
              join(current, c.participants);
            continue;
          }
        }
        // Signatories who sign "during the meeting" on behalf of the principals in it join that meeting.
        if (
          c.kind === 'agreement' &&
          current &&
          !current.future &&
          current.kind !== 'agreement' &&
          s.index - current.last <= 3 &&
          OCCASION_RE.test(s.text) &&
          !c.participants.some((id) => isPrincipal(ctx, id)) &&
          current.participants.some((id) => isPrincipal(ctx, id))
        ) {
          current.kind = 'agreement';
          join(current, c.participants);
          continue;
        }
        const participants = c.participants;
        if (participants.length < 2) continue;
        if (c.hit.shape !== 'attend') pending = null;
        group = participants;
        const groups = c.separate
          ? c.objects.map((o) => unique([...c.subject, o])).filter((g) => g.length >= 2)
          : [participants];
        for (const members of groups) {
          const day = explicitDayIn(ctx, s);
          const existing = mutual.find(
            (d) =>
              overlap(d.participants, members) >= 2 &&
              d.future === c.future &&
              !(day && d.explicitDay && day !== d.explicitDay),
          );
          if (existing) {
            for (const id of members) if (!existing.participants.includes(id)) existing.participants.push(id);
            if (existing.cueSentence.index === s.index && KIND_PRIORITY[c.kind] > KIND_PRIORITY[existing.kind])
              existing.kind = c.kind;
            existing.sentences.add(s.index);
            existing.last = s.index;
            assigned = existing;
          } else if (room()) {
            const d = newDraft(c, s, members);
            mutual.push(d);
            assigned = d;
          }
        }
      } else if (c.kind === 'planned_visit') {
        const existing = planned.find((d) => d.participants[0] === c.participants[0]);
        if (existing) {
          existing.sentences.add(s.index);
          existing.destination ??= c.destination;
          sentencePlanned.push(existing);
        } else if (room()) {
          const d = newDraft(c, s, c.participants);
          planned.push(d);
          sentencePlanned.push(d);
        }
      } else if (c.kind === 'visit') {
        if (c.participants.length >= 2) group = c.participants;
        const existing = visits.find((d) => d.participants[0] === c.participants[0]);
        if (existing) existing.destination ??= c.destination;
        else if (room()) visits.push(newDraft(c, s, c.participants));
      } else if (c.kind === 'statement' && room()) {
        statements.push(newDraft(c, s, c.participants));
      }
    }

    // "Ministers C and D witnessed the signing": principals join a signing done on their behalf.
    const witnessed = WITNESSED_RE.exec(s.text);
    if (
      !assigned &&
      witnessed &&
      current?.kind === 'agreement' &&
      !current.participants.some((id) => isPrincipal(ctx, id))
    ) {
      const principals = actorsIn(ctx, s.start, s.start + witnessed.index).filter((id) => isPrincipal(ctx, id));
      if (principals.length) join(current, principals);
    }
    if (!assigned) {
      const ids = actorsIn(ctx, s.start, s.end);
      if (ids.length && mutual.length) {
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
  // "Naqvi, Dobrindt discuss migration": a headline pair the body reports without a cue of its own.
  const pair = headlinePair(ctx, meta.title);
  if (pair && !mutual.some((d) => overlap(d.participants, pair) >= 2)) {
    const first = ctx.refs.find((r) => pair.includes(r.entityId) && !r.reference);
    const s = first && ctx.sentences.find((x) => first.start >= x.start && first.start < x.end);
    if (first && s) {
      const hit: CueHit = {
        kind: 'meeting',
        shape: 'between',
        start: first.start,
        end: first.end,
        text: '',
        traits: {},
      };
      const d = newDraft(
        {
          kind: 'meeting',
          participants: pair,
          hit,
          destination: null,
          subject: [],
          objects: [],
          separate: false,
          future: false,
          host: null,
        },
        s,
        [...pair],
      );
      for (const x of ctx.sentences) {
        const ids = actorsIn(ctx, x.start, x.end);
        const claimed = mutual.some((m) => m.sentences.has(x.index));
        if (ids.some((id) => pair.includes(id)) || (!claimed && GROUP_SUBJECT_RE.test(x.text)))
          d.sentences.add(x.index);
      }
      mutual.push(d);
    }
  }
  // The lead before the first cue (headline bullets, a scene-setting opening) is about the first engagement.
  if (mutual[0]) for (const i of lead) mutual[0].sentences.add(i);

  const inMutual = new Set(mutual.flatMap((d) => d.participants));
  const keptVisits = visits.filter((v) => !inMutual.has(v.participants[0]));
  const drafts = [...mutual, ...keptVisits, ...planned];
  // A statement is an engagement when it is shared by two officials, or when nothing else was reported.
  const joint = statements.filter((d) => d.participants.length >= 2);
  drafts.push(...joint);
  if (drafts.length === 0 && statements[0]) drafts.push(statements[0]);
  drafts.sort((a, b) => a.cue.start - b.cue.start);
  let previous: { date: string | null; precision: DatePrecision | null } | null = null;
  const placed: Placed[] = [];
  const out: EngagementDraft[] = [];
  for (const d of drafts) {
    yield;
    // What is still to come happens on the trip still to come ("will travel to Vilnius … will meet the PM").
    const trips = d.future ? [...visits, ...planned] : visits;
    const e = finish(ctx, d, trips, MUTUAL_KINDS.has(d.kind) ? previous : null, placed);
    if (MUTUAL_KINDS.has(d.kind) && !d.future) previous = { date: e.date, precision: e.datePrecision };
    out.push(e);
  }
  return out;
}
