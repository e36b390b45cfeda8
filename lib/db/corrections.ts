/**
 * The reader's corrections of the timeline: edit, delete, merge two engagements, split a source out into its
 * own engagement, and correct an official everywhere. Each is one transaction and returns, with its result, an
 * `Undo` holding every row it touched as it was before, so `undoCorrection` puts the timeline back exactly
 * (sources, capture records and the reader's own gazetteer entries included).
 *
 * Saved passages are linked to engagements only through their page's address (a passage has a url; a source has
 * the same url): no correction writes to the passages table, so none can lose a passage, and a deleted engagement
 * that is put back finds its passages again through its restored sources.
 */
import { TOPIC_IDS } from '../data/topics';
import type {
  CountryCode,
  DatePrecision,
  Engagement,
  EngagementDraft,
  EngagementKind,
  Entity,
  OfficialEntity,
  Participant,
  Result,
  Source,
} from '../types';
import { type CaptureRecord, stripEngagement, stripEntity, toStoredEngagement, toStoredEntity } from './derive';
import { safeWrite, UserError } from './errors';
import { engagementToStore, entityToStore, sourceToStore } from './fit';
import { officialId, updateOfficial } from './gazetteer';
import { sameParticipant } from './merge';
import type { CounterpartDB } from './schema';

export const ENGAGEMENT_KIND_IDS: readonly EngagementKind[] = [
  'meeting',
  'call',
  'visit',
  'planned_visit',
  'agreement',
  'statement',
  'other',
];

const DATE_BY_PRECISION: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  approximate: /^\d{4}(-\d{2}(-\d{2})?)?$/,
};

/** A participant's or an engagement's country: ISO 3166-1 alpha-2, or `EU`. */
const COUNTRY = /^[A-Z]{2}$/;

/** Everything a correction changed, as it was before: `undoCorrection` puts it back in one transaction. */
export interface Undo {
  engagements: Engagement[];
  sources: Source[];
  captures: CaptureRecord[];
  entities: Entity[];
  /** Rows the correction created, removed again on undo. */
  created: { engagements: string[]; sources: string[]; entities: string[] };
  /** Seed engagements the correction deleted (kept out of re-seeding); undo lets them be seeded again. */
  dismissed: string[];
  /**
   * `updatedAt` of each engagement the correction left (null: it deleted it). Undo refuses when one has changed
   * since, so it never throws away a later edit.
   */
  after: Record<string, number | null>;
}

export interface Corrected<T> {
  value: T;
  undo: Undo;
}

function emptyUndo(): Undo {
  return {
    engagements: [],
    sources: [],
    captures: [],
    entities: [],
    created: { engagements: [], sources: [], entities: [] },
    dismissed: [],
    after: {},
  };
}

function isDate(d: string): boolean {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (!m) return false;
  const [, y, mo, day] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (day) {
    const t = new Date(`${y}-${mo}-${day}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === `${y}-${mo}-${day}`;
  }
  return true;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The reader's edit as it will be stored, or a UserError saying what is wrong: every participant named, country
 * codes of two capital letters, a date that exists and fits its precision, known kinds and topics. The countries
 * always include the participants' own.
 */
export function checkEdit(edit: EngagementDraft): EngagementDraft {
  if (!ENGAGEMENT_KIND_IDS.includes(edit.kind)) throw new UserError(`"${edit.kind}" is not a kind of engagement.`);
  if (edit.participants.length === 0) throw new UserError('An engagement needs at least one participant.');
  const participants: Participant[] = edit.participants.map((p, i) => {
    const name = clean(p.name ?? '');
    if (!name) throw new UserError(`Participant ${i + 1} has no name.`);
    const country = p.country ? clean(p.country).toUpperCase() : null;
    if (country && !COUNTRY.test(country))
      throw new UserError(`Participant ${i + 1} (${name}): the country must be a two-letter code such as PK.`);
    const role = p.role ? clean(p.role) : null;
    return { ...p, name, role: role || null, country };
  });
  const extra = edit.countries.map((c) => clean(c).toUpperCase());
  for (const c of extra) if (!COUNTRY.test(c)) throw new UserError(`"${c}" is not a two-letter country code.`);
  const date = edit.date ? clean(edit.date) : null;
  let datePrecision: DatePrecision | null = null;
  if (date) {
    datePrecision = edit.datePrecision ?? 'day';
    if (!DATE_BY_PRECISION[datePrecision]?.test(date) || !isDate(date))
      throw new UserError(`"${date}" is not a date of this precision (e.g. 2025-12-12, 2025-12 or 2025).`);
  }
  for (const t of edit.topics) if (!TOPIC_IDS.includes(t)) throw new UserError(`"${t}" is not a known topic.`);
  const countries = [...new Set([...participants.flatMap((p) => (p.country ? [p.country] : [])), ...extra])];
  return {
    ...edit,
    participants,
    countries,
    place: edit.place ? clean(edit.place) || null : null,
    date,
    datePrecision,
    topics: [...new Set(edit.topics)],
  };
}

const tables = (db: CounterpartDB) => [
  db.engagements,
  db.sources,
  db.captures,
  db.entities,
  db.dismissed,
  db.sameEventAnswers,
];

async function requireEngagement(db: CounterpartDB, id: string): Promise<Engagement> {
  const row = await db.engagements.get(id);
  if (!row) throw new UserError('This engagement is no longer in the timeline.');
  return stripEngagement(row);
}

async function putEngagement(db: CounterpartDB, e: Engagement): Promise<Engagement> {
  const stored = engagementToStore(e);
  await db.engagements.put(toStoredEngagement(stored));
  return stored;
}

/** What the reader corrected about one official in an edit: their country, their office, or both. */
export interface OfficialCorrection {
  entityId: string;
  name: string;
  country?: { from: CountryCode | null; to: CountryCode };
  role?: { from: string | null; to: string };
  /** The role the participant has after the edit: a new gazetteer entry starts with it as its office. */
  currentRole: string | null;
}

/** The participants whose country or role the reader changed, matched to the engagement's earlier participants. */
export function officialCorrections(
  before: readonly Participant[],
  after: readonly Participant[],
): OfficialCorrection[] {
  const out: OfficialCorrection[] = [];
  for (const p of after) {
    // Matched by entity id, else by the very name: a renamed participant is a different person, not a correction.
    const old = before.find((q) => (p.entityId && q.entityId === p.entityId) || q.name === p.name);
    if (!old) continue;
    const c: OfficialCorrection = {
      entityId: p.entityId ?? old.entityId ?? officialId(p.name),
      name: p.name,
      currentRole: p.role ?? null,
    };
    if (p.country && p.country !== (old.country ?? null)) c.country = { from: old.country ?? null, to: p.country };
    if (p.role && p.role !== (old.role ?? null)) c.role = { from: old.role ?? null, to: p.role };
    if (c.country || c.role) out.push(c);
  }
  return out;
}

/** The official with the correction applied: the country on the person and on the offices it was wrong on. */
function correctedOfficial(current: OfficialEntity | null, c: OfficialCorrection): OfficialEntity {
  const base: OfficialEntity = current ?? {
    kind: 'official',
    id: c.entityId,
    name: c.name,
    aliases: [],
    offices: c.currentRole ? [{ office: c.currentRole }] : [],
  };
  const country = c.country?.to ?? base.country;
  let offices = base.offices.map((o) =>
    c.country && (o.country === undefined || o.country === (c.country.from ?? base.country))
      ? { ...o, country: c.country.to }
      : o,
  );
  if (c.role) {
    const role = c.role.to;
    const held = offices.find((o) => o.office.toLowerCase() === role.toLowerCase());
    // The office the reader names comes first: detection takes an official's first current office as their role.
    offices = [held ?? { office: role, ...(country ? { country } : {}) }, ...offices.filter((o) => o !== held)];
  }
  return entityToStore<OfficialEntity>({ ...base, ...(country ? { country } : {}), offices });
}

/** The participant list with one official's correction applied wherever that person appears. */
function correctParticipants(e: Engagement, c: OfficialCorrection): Engagement {
  let changed = false;
  const participants = e.participants.map((p) => {
    if (p.entityId !== c.entityId) return p;
    const next = { ...p };
    if (c.country && p.country !== c.country.to) next.country = c.country.to;
    // A role is corrected only where it was the wrong one (or missing): other rows may be other offices they held.
    if (c.role && (p.role ?? null) === c.role.from && p.role !== c.role.to) next.role = c.role.to;
    changed ||= next.country !== p.country || next.role !== p.role;
    return next;
  });
  if (!changed) return e;
  let countries = [...e.countries];
  const from = c.country?.from;
  // The wrong country goes unless someone else on the engagement is from there.
  if (from && !participants.some((p) => p.country === from)) countries = countries.filter((x) => x !== from);
  if (c.country) countries = [...new Set([...countries, c.country.to])];
  return { ...e, participants, countries };
}

/**
 * Applies the reader's corrections of officials: the gazetteer entry (created when the person was only found
 * from a title) takes the corrected country and office, so the reader's word outranks the built-in data and
 * the detector, rebuilt from the gazetteer, uses it on the next page; and every other engagement of that person
 * shows it too. Runs inside the caller's transaction.
 */
async function applyOfficialCorrections(
  db: CounterpartDB,
  corrections: readonly OfficialCorrection[],
  skipId: string | null,
  now: number,
  undo: Undo,
): Promise<OfficialEntity[]> {
  const officials: OfficialEntity[] = [];
  for (const c of corrections) {
    let row = await db.entities.get(c.entityId);
    if (!row) row = await db.entities.where('aliasKeys').equals(c.name.toLowerCase()).first();
    const current = row ? stripEntity(row) : null;
    if (current && current.kind !== 'official') continue;
    if (current) undo.entities.push(current);
    else undo.created.entities.push(c.entityId);
    const official = correctedOfficial(current as OfficialEntity | null, { ...c, entityId: current?.id ?? c.entityId });
    await db.entities.put(toStoredEntity(official));
    officials.push(official);
    const rows = await db.engagements.where('participantIds').equals(c.entityId).toArray();
    for (const r of rows) {
      if (r.id === skipId) continue;
      const before = stripEngagement(r);
      const next = correctParticipants(before, c);
      if (next === before) continue;
      undo.engagements.push(before);
      const stored = await putEngagement(db, { ...next, updatedAt: now });
      undo.after[stored.id] = stored.updatedAt;
    }
  }
  return officials;
}

export interface EditOutcome {
  engagement: Engagement;
  /** Officials whose country or office the edit corrected, as now stored in the gazetteer. */
  officials: OfficialEntity[];
}

/**
 * The reader's edit of an engagement (kind, participants, countries, place, date, topics, figures, summary).
 * A participant whose country or role changed is a correction of that official: see `applyOfficialCorrections`.
 * Participants the reader renamed lose their entity link unless it is given with the new name.
 */
export function editEngagement(
  db: CounterpartDB,
  id: string,
  edit: EngagementDraft,
  now: number = Date.now(),
): Promise<Result<Corrected<EditOutcome>>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      const checked = checkEdit(edit);
      const before = await requireEngagement(db, id);
      const undo = emptyUndo();
      undo.engagements.push(before);
      const corrections = officialCorrections(before.participants, checked.participants);
      // A corrected official is a gazetteer entry from now on: link the participant to it.
      const participants = checked.participants.map((p) => {
        const c = corrections.find((x) => x.name === p.name);
        return c && !p.entityId ? { ...p, entityId: c.entityId } : p;
      });
      const engagement = await putEngagement(db, { ...before, ...checked, participants, updatedAt: now });
      undo.after[id] = engagement.updatedAt;
      const officials = await applyOfficialCorrections(db, corrections, id, now, undo);
      return { value: { engagement, officials }, undo };
    }),
  );
}

/** Deletes an engagement, its sources and capture records; its passages stay (they belong to their page). */
export function removeEngagement(db: CounterpartDB, id: string): Promise<Result<Corrected<Engagement>>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      const engagement = await requireEngagement(db, id);
      const undo = emptyUndo();
      undo.engagements.push(engagement);
      undo.sources = await db.sources.where('engagementId').equals(id).toArray();
      undo.captures = await db.captures.where('engagementId').equals(id).toArray();
      await db.sources.bulkDelete(undo.sources.map((s) => s.id));
      await db.captures.bulkDelete(undo.captures.map((c) => c.sourceId));
      await db.engagements.delete(id);
      await dismissIfSeed(db, engagement, undo);
      undo.after[id] = null;
      return { value: engagement, undo };
    }),
  );
}

/** A deleted seed engagement is remembered, so the seeding that runs at every start does not bring it back. */
async function dismissIfSeed(db: CounterpartDB, e: Engagement, undo: Undo): Promise<void> {
  if (e.origin !== 'seed' || (await db.dismissed.get(e.id))) return;
  await db.dismissed.put({ id: e.id });
  undo.dismissed.push(e.id);
}

export type MergeDate = 'earlier' | 'target' | 'other';

/**
 * The date a merge keeps: the reader's pick, or by default the earlier of the two (reports of one event that
 * disagree are usually a later report counting from its own day), a known date always beating an unknown one.
 */
export function mergedDate(
  target: Engagement,
  other: Engagement,
  pick: MergeDate = 'earlier',
): Pick<Engagement, 'date' | 'datePrecision'> {
  const of = (e: Engagement) => ({ date: e.date, datePrecision: e.date ? e.datePrecision : null });
  if (pick === 'target' || !other.date) return of(target);
  if (pick === 'other' || !target.date) return of(other);
  // ISO prefixes compare as dates; "2025-12" (a month) sorts before any day of that month.
  return other.date < target.date ? of(other) : of(target);
}

function uniteParticipants(a: readonly Participant[], b: readonly Participant[]): Participant[] {
  const out = [...a];
  for (const q of b) {
    const i = out.findIndex((p) => sameParticipant(p, q));
    if (i === -1) out.push(q);
    else {
      const p = out[i];
      out[i] = { ...p, entityId: p.entityId ?? q.entityId, role: p.role ?? q.role, country: p.country ?? q.country };
    }
  }
  return out;
}

/**
 * Merges `otherId` into `targetId`: one engagement with both sets of sources (an article on both is kept once),
 * participants, countries, topics and figures united, the target's kind, place and summary where it has them,
 * and the date `pick` says (the earlier one by default). The other engagement is deleted.
 */
export function mergeEngagements(
  db: CounterpartDB,
  targetId: string,
  otherId: string,
  pick: MergeDate = 'earlier',
  now: number = Date.now(),
): Promise<Result<Corrected<Engagement>>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      if (targetId === otherId) throw new UserError('Pick two different engagements to merge.');
      const target = await requireEngagement(db, targetId);
      const other = await requireEngagement(db, otherId);
      const undo = emptyUndo();
      undo.engagements.push(target, other);
      const participants = uniteParticipants(target.participants, other.participants);
      const figures = [...target.figures];
      for (const f of other.figures) if (!figures.some((g) => g.text === f.text)) figures.push(f);
      const merged = await putEngagement(db, {
        ...target,
        kind: target.kind === 'other' ? other.kind : target.kind,
        participants,
        countries: [...new Set([...target.countries, ...other.countries])],
        place: target.place ?? other.place,
        ...mergedDate(target, other, pick),
        topics: [...new Set([...target.topics, ...other.topics])],
        figures,
        summary: target.summary || other.summary,
        createdAt: Math.min(target.createdAt, other.createdAt),
        updatedAt: now,
      });
      undo.after[targetId] = merged.updatedAt;
      const targetUrls = new Set((await db.sources.where('engagementId').equals(targetId).toArray()).map((s) => s.url));
      const moving = await db.sources.where('engagementId').equals(otherId).toArray();
      undo.sources = moving;
      for (const s of moving) {
        if (targetUrls.has(s.url)) await db.sources.delete(s.id);
        else {
          targetUrls.add(s.url);
          await db.sources.put({ ...s, engagementId: targetId });
        }
      }
      undo.captures = await db.captures.where('engagementId').equals(otherId).toArray();
      for (const c of undo.captures) await db.captures.put({ ...c, engagementId: targetId });
      await db.engagements.delete(otherId);
      await dismissIfSeed(db, other, undo);
      undo.after[otherId] = null;
      return { value: merged, undo };
    }),
  );
}

/**
 * Moves one source out of its engagement into a new engagement of its own (a copy of the old one's kind,
 * participants, place, date and topics, for the reader to correct), for an article that was merged by mistake.
 * An engagement's only source cannot be split out: there would be nothing left to split from.
 */
export function splitSource(
  db: CounterpartDB,
  sourceId: string,
  now: number = Date.now(),
): Promise<Result<Corrected<Engagement>>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      const source = await db.sources.get(sourceId);
      if (!source) throw new UserError('This source is no longer in the timeline.');
      const from = await requireEngagement(db, source.engagementId);
      const siblings = await db.sources.where('engagementId').equals(from.id).count();
      if (siblings < 2)
        throw new UserError('This is the only source of its engagement: there is nothing to split it from.');
      const undo = emptyUndo();
      undo.sources.push(source);
      const engagement = await putEngagement(db, {
        ...from,
        id: `eng:${crypto.randomUUID()}`,
        origin: 'user',
        createdAt: now,
        updatedAt: now,
      });
      undo.created.engagements.push(engagement.id);
      undo.after[engagement.id] = engagement.updatedAt;
      await db.sources.put(sourceToStore({ ...source, engagementId: engagement.id }));
      const capture = await db.captures.get(sourceId);
      if (capture) {
        undo.captures.push(capture);
        // Undoing that capture later removes the split-out engagement, not the one it came from.
        await db.captures.put({ ...capture, engagementId: engagement.id, before: null, afterUpdatedAt: now });
      }
      return { value: engagement, undo };
    }),
  );
}

/** Puts back everything one correction changed, unless one of its engagements was changed again since. */
export function undoCorrection(db: CounterpartDB, undo: Undo): Promise<Result<null>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      for (const [id, updatedAt] of Object.entries(undo.after)) {
        const row = await db.engagements.get(id);
        if ((row?.updatedAt ?? null) !== updatedAt)
          throw new UserError('This engagement has changed since, so the correction cannot be undone.');
      }
      await db.sources.bulkDelete(undo.created.sources);
      await db.engagements.bulkDelete(undo.created.engagements);
      await db.entities.bulkDelete(undo.created.entities);
      await db.dismissed.bulkDelete(undo.dismissed);
      for (const e of undo.engagements) await db.engagements.put(toStoredEngagement(e));
      await db.sources.bulkPut(undo.sources.map((s) => ({ ...s })));
      await db.captures.bulkPut(undo.captures.map((c) => ({ ...c })));
      await db.entities.bulkPut(undo.entities.map(toStoredEntity));
      return null;
    }),
  );
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The participant of `list` that is `p` (entity id, or the very name): how a draft's rows are followed through an edit. */
function rowOf(list: readonly Participant[], p: Participant): Participant | undefined {
  return list.find((q) => (p.entityId && q.entityId === p.entityId) || q.name === p.name);
}

/**
 * An engagement with the reader's corrections of a draft applied: every field the reader changed in the draft
 * (against what extraction proposed, `original`; against nothing for a draft the reader wrote) replaces what the
 * engagement says, what they left alone keeps the engagement's value. Participants: one the reader removed goes,
 * one they added joins, one they corrected (country, role or spelling) is corrected on the engagement; topics and
 * countries the reader ticked off go, those ticked on join.
 */
export function applyDraftEdits(e: Engagement, original: EngagementDraft | null, edited: EngagementDraft): Engagement {
  const o: EngagementDraft = original ?? {
    kind: 'other',
    participants: [],
    countries: [],
    place: null,
    date: null,
    datePrecision: null,
    topics: [],
    figures: [],
    summary: '',
  };
  const next: Engagement = { ...e };
  if (edited.kind !== o.kind) next.kind = edited.kind;
  if (edited.place !== o.place && (original || edited.place)) next.place = edited.place;
  if ((edited.date !== o.date || edited.datePrecision !== o.datePrecision) && (original || edited.date)) {
    next.date = edited.date;
    next.datePrecision = edited.date ? edited.datePrecision : null;
  }
  if (edited.summary !== o.summary && edited.summary) next.summary = edited.summary;

  let participants = [...e.participants];
  for (const p of o.participants) {
    if (rowOf(edited.participants, p)) continue;
    participants = participants.filter((q) => !sameParticipant(q, p));
  }
  for (const p of edited.participants) {
    const was = rowOf(o.participants, p);
    const i = participants.findIndex((q) => sameParticipant(q, was ?? p));
    if (i === -1) participants.push(p);
    else if (!was || was.name !== p.name || was.role !== p.role || was.country !== p.country) {
      const q = participants[i];
      participants[i] = {
        ...q,
        name: p.name,
        role: p.role ?? q.role,
        country: p.country ?? q.country,
        entityId: p.entityId ?? q.entityId,
      };
    }
  }
  next.participants = participants;

  const removedTopics = o.topics.filter((t) => !edited.topics.includes(t));
  next.topics = [...new Set([...e.topics.filter((t) => !removedTopics.includes(t)), ...edited.topics])];
  const removedCountries = o.countries.filter((c) => !edited.countries.includes(c));
  next.countries = [
    ...new Set([
      ...e.countries.filter((c) => !removedCountries.includes(c) || participants.some((p) => p.country === c)),
      ...edited.countries,
      ...participants.flatMap((p) => (p.country ? [p.country] : [])),
    ]),
  ];
  const figures = [...e.figures];
  for (const f of edited.figures) if (!figures.some((g) => g.text === f.text)) figures.push(f);
  next.figures = figures;
  return next;
}

function sameEngagement(a: Engagement, b: Engagement): boolean {
  return (
    a.kind === b.kind &&
    a.place === b.place &&
    a.date === b.date &&
    a.datePrecision === b.datePrecision &&
    a.summary === b.summary &&
    sameList(a.topics, b.topics) &&
    sameList(a.countries, b.countries) &&
    a.figures.length === b.figures.length &&
    JSON.stringify(a.participants) === JSON.stringify(b.participants)
  );
}

export interface SavedDraft {
  engagementId: string;
  merged: boolean;
  /** The reader's corrections changed an engagement that was already in the timeline. */
  corrected: boolean;
}

/**
 * "Save this article": stores the reader's draft, and when it goes into an engagement already in the timeline
 * (this page already one of its sources, or the same event reported elsewhere) applies the reader's corrections
 * to that engagement (`applyDraftEdits`), officials' corrected countries and offices everywhere included.
 * `record` is `recordEngagement` (passed in, so this module does not depend on the merge rules); it runs inside
 * this transaction, so the capture and the corrections are stored together or not at all.
 */
export function saveEditedDraft(
  db: CounterpartDB,
  original: EngagementDraft | null,
  edited: EngagementDraft,
  url: string,
  record: () => Promise<Result<{ engagementId: string; merged: boolean; sourceId: string | null }>>,
  now: number = Date.now(),
): Promise<Result<SavedDraft>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      // The extracted draft as is (an accepted offer) is extraction's own output, not the reader's input.
      const checked = edited === original ? edited : checkEdit(edited);
      const onFile = await db.sources.where('url').equals(url).first();
      let engagementId: string;
      let sourceId: string | null = null;
      if (onFile) engagementId = onFile.engagementId;
      else {
        const r = await record();
        if (!r.ok) throw new UserError(r.error);
        if (!r.value.merged) return { engagementId: r.value.engagementId, merged: false, corrected: false };
        engagementId = r.value.engagementId;
        sourceId = r.value.sourceId;
      }
      const current = await requireEngagement(db, engagementId);
      const next = applyDraftEdits(current, original, checked);
      if (sameEngagement(current, next)) return { engagementId, merged: true, corrected: false };
      const stored = await putEngagement(db, { ...next, updatedAt: now });
      // Undoing this capture later still puts back the engagement as it was before the article came in.
      const capture = sourceId ? await db.captures.get(sourceId) : undefined;
      if (capture) await db.captures.put({ ...capture, afterUpdatedAt: stored.updatedAt });
      // What the reader corrected in the draft is a correction of those officials, as in the timeline's editor.
      const corrections = officialCorrections(original?.participants ?? [], checked.participants).map((c) => ({
        ...c,
        entityId: stored.participants.find((p) => p.name === c.name)?.entityId ?? c.entityId,
      }));
      await applyOfficialCorrections(db, corrections, engagementId, now, emptyUndo());
      return { engagementId, merged: true, corrected: true };
    }),
  );
}

/**
 * The options page's edit of an official (`updateOfficial`), and its corrections carried to every engagement of
 * that person: a changed country everywhere, a renamed current office (the first office, when the old title is
 * no longer among their offices) where the old title was shown.
 */
export function updateOfficialEverywhere(
  db: CounterpartDB,
  id: string,
  patch: Parameters<typeof updateOfficial>[2],
  now: number = Date.now(),
): Promise<Result<OfficialEntity>> {
  return safeWrite(() =>
    db.transaction('rw', tables(db), async () => {
      const row = await db.entities.get(id);
      const before = row ? stripEntity(row) : null;
      const r = await updateOfficial(db, id, patch);
      if (!r.ok) throw new UserError(r.error);
      const after = r.value;
      if (before?.kind !== 'official') return after;
      const c: OfficialCorrection = { entityId: id, name: after.name, currentRole: after.offices[0]?.office ?? null };
      if (after.country && after.country !== (before.country ?? null))
        c.country = { from: before.country ?? null, to: after.country };
      const oldRole = before.offices[0]?.office;
      const newRole = after.offices[0]?.office;
      if (oldRole && newRole && oldRole !== newRole && !after.offices.some((o) => o.office === oldRole))
        c.role = { from: oldRole, to: newRole };
      if (!c.country && !c.role) return after;
      for (const e of await db.engagements.where('participantIds').equals(id).toArray()) {
        const was = stripEngagement(e);
        const next = correctParticipants(was, c);
        if (next !== was) await putEngagement(db, { ...next, updatedAt: now });
      }
      return after;
    }),
  );
}
