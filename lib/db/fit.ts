/**
 * Brings records within `limits.ts`. What pages supply (outlets, titles, names, summaries) is cut with an ellipsis,
 * since refusing a capture over an overlong label would lose the capture; a reference that cannot be an index key
 * (an entity id with a separator, a country code of 300 characters) is dropped and the name it belonged to kept.
 * What cannot be cut without becoming wrong is refused by the write paths before they get here: a selection longer
 * than a passage may be (`checkSelection`), an address too long even without its query (`storableUrl`).
 *
 * Export runs every stored row through the same functions, so rows written before these limits existed still
 * produce a backup the import accepts.
 */
import type * as v from 'valibot';
import { isTopicId } from '../data/topics';
import type { Engagement, Entity, Figure, Office, Participant, Passage, PassageSelectors, Source } from '../types';
import { countryPairsOf, participantIdsOf } from './derive';
import { UserError } from './errors';
import { boundedUrl, clip, count, isCode, isId, keepEnd, keepStart, MAX_ITEMS, MAX_LENGTH } from './limits';
import { EngagementSchema, EntitySchema, PassageSchema, SourceSchema, storable } from './record-schema';

const name = (s: string) => clip(s, MAX_LENGTH.name);
const code = (s: string) => clip(s, MAX_LENGTH.code);
const nullable = <T>(x: T | null, within: (x: T) => T): T | null => (x === null ? null : within(x));

/** A date longer than any date format is not a date: unknown beats a cut one. */
function date(d: string | null): string | null {
  return d !== null && d.length > MAX_LENGTH.date ? null : d;
}

/** The stored form of an address; an address still too long after `boundedUrl` is cut (export of old rows only). */
function url(u: string): string {
  return keepStart(boundedUrl(u), MAX_LENGTH.url);
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The address a source or passage is stored under, or a UserError when it is too long even in bounded form. */
export function storableUrl(address: string, what: 'source' | 'passage'): string {
  const bounded = boundedUrl(address);
  if (bounded.length <= MAX_LENGTH.url) return bounded;
  const purpose = what === 'source' ? 'keep as a source' : 'save passages from';
  throw new UserError(
    `This page's address is too long to ${purpose} (${count(bounded.length)} characters without its query and fragment; at most ${count(MAX_LENGTH.url)}).`,
  );
}

/** Refuses a selection a passage cannot hold: a cut quote would no longer be what the reader selected. */
export function checkSelection(exact: string): void {
  if (exact.length > MAX_LENGTH.text) {
    throw new UserError(
      `This selection is too long to save (${count(exact.length)} characters; at most ${count(MAX_LENGTH.text)}).`,
    );
  }
}

function fitParticipant(p: Participant): Participant {
  const out: Participant = { ...p, name: name(p.name) };
  if (p.entityId !== undefined && !isId(p.entityId)) delete out.entityId;
  if (typeof p.role === 'string') out.role = name(p.role);
  if (typeof p.country === 'string' && p.country !== '' && !isCode(p.country)) out.country = null;
  return out;
}

function fitFigure(f: Figure): Figure {
  const out: Figure = { text: name(f.text) };
  if (f.value !== undefined && Number.isFinite(f.value)) out.value = f.value;
  if (f.unit !== undefined) out.unit = code(f.unit);
  return out;
}

/** The engagement within the limits, its derived lists rebuilt; null when its own id cannot be stored. */
export function fitEngagement(e: Engagement): Engagement | null {
  if (!isId(e.id)) return null;
  const participants = e.participants.slice(0, MAX_ITEMS.participants).map(fitParticipant);
  const countries = unique(e.countries.filter(isCode)).slice(0, MAX_ITEMS.countries);
  const d = date(e.date);
  return {
    ...e,
    participants,
    participantIds: participantIdsOf(participants),
    countries,
    countryPairs: countryPairsOf(countries, participants),
    place: nullable(e.place, name),
    date: d,
    datePrecision: d === e.date ? e.datePrecision : null,
    topics: unique(e.topics.filter(isTopicId)).slice(0, MAX_ITEMS.topics),
    figures: e.figures.slice(0, MAX_ITEMS.figures).map(fitFigure),
    summary: clip(e.summary, MAX_LENGTH.text),
  };
}

export function fitSource(s: Source): Source | null {
  if (!isId(s.id) || !isId(s.engagementId)) return null;
  return {
    ...s,
    url: url(s.url),
    outlet: nullable(s.outlet, name),
    title: nullable(s.title, (t) => clip(t, MAX_LENGTH.text)),
    published: date(s.published),
  };
}

/** Non-negative integers with end ≥ start: the position is only a hint next to the quote, so it is mended. */
function fitPosition(p: PassageSelectors['position']): PassageSelectors['position'] {
  const int = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), Number.MAX_SAFE_INTEGER) : 0);
  const start = int(p.start);
  return { start, end: Math.max(start, int(p.end)) };
}

export function fitPassage(p: Passage): Passage | null {
  if (!isId(p.id)) return null;
  const { quote, position } = p.selectors;
  return {
    ...p,
    url: url(p.url),
    title: nullable(p.title, (t) => clip(t, MAX_LENGTH.text)),
    outlet: nullable(p.outlet, name),
    published: date(p.published),
    selectors: {
      // Cut without an ellipsis: each part stays text of the page, so the quote can still be found.
      quote: {
        exact: keepStart(quote.exact, MAX_LENGTH.text),
        prefix: keepEnd(quote.prefix, MAX_LENGTH.text),
        suffix: keepStart(quote.suffix, MAX_LENGTH.text),
      },
      position: fitPosition(position),
    },
    entityIds: unique(p.entityIds.filter(isId)).slice(0, MAX_ITEMS.passageEntities),
    note: clip(p.note, MAX_LENGTH.text),
    tags: p.tags.slice(0, MAX_ITEMS.tags).map(name),
  };
}

function fitOffice(o: Office): Office {
  const out: Office = { ...o, office: name(o.office) };
  if (o.country !== undefined) out.country = code(o.country);
  for (const k of ['from', 'to'] as const) if (o[k] !== undefined && date(o[k] ?? null) === null) delete out[k];
  if (o.source !== undefined) out.source = url(o.source);
  return out;
}

const names = (xs: readonly string[], max: number) => xs.slice(0, max).map(name);

export function fitEntity(e: Entity): Entity | null {
  if (!isId(e.id)) return null;
  switch (e.kind) {
    case 'official': {
      const out = {
        ...e,
        name: name(e.name),
        aliases: names(e.aliases, MAX_ITEMS.aliases),
        offices: e.offices.slice(0, MAX_ITEMS.offices).map(fitOffice),
      };
      if (e.country !== undefined) out.country = code(e.country);
      return out;
    }
    case 'country':
    case 'bloc':
      return { ...e, code: code(e.code), name: name(e.name), aliases: names(e.aliases, MAX_ITEMS.aliases) };
    case 'topic':
      return { ...e, name: name(e.name), keywords: names(e.keywords, MAX_ITEMS.keywords) };
  }
}

/**
 * The record a write path stores: fitted, then checked with the import's own schema, so that what was stored always
 * imports again (the check only fails on a bug, or on an own id a caller made up).
 */
function toStore<T, U>(row: T, fitRow: (row: T) => U | null, schema: v.GenericSchema<unknown, U>, what: string): U {
  const f = fitRow(row);
  if (f === null) throw new UserError(`${what} has an id that cannot be stored.`);
  return storable(schema, f, what);
}

export const engagementToStore = (e: Engagement): Engagement =>
  toStore(e, fitEngagement, EngagementSchema, 'This engagement');
export const sourceToStore = (s: Source): Source => toStore(s, fitSource, SourceSchema, 'This source');
export const passageToStore = (p: Passage): Passage => toStore(p, fitPassage, PassageSchema, 'This passage');
/** Keeps the caller's kind of entity: fitting and the schema never change `kind`. */
export const entityToStore = <E extends Entity>(e: E): E =>
  toStore<Entity, Entity>(e, fitEntity, EntitySchema, 'This gazetteer entry') as E;
