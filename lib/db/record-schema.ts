/**
 * The stored records as valibot schemas, built from `limits.ts`. The backup import validates files with them and
 * every write path checks its final record with them, so a record the store accepted always passes an import.
 */
import * as v from 'valibot';
import { isTopicId, TOPIC_IDS } from '../data/topics';
import type { Settings } from '../settings/settings';
import { UserError } from './errors';
import { isCode, isId, MAX_ITEMS, MAX_LENGTH } from './limits';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

/** Ids and country codes become parts of index keys: no separator may hide in them (see `isKeyPart`). */
const ID = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(MAX_LENGTH.id),
  v.check((s: string) => isId(s), 'An id cannot contain "|", "+" or "&"'),
);
const KEY_CODE = v.pipe(
  v.string(),
  v.maxLength(MAX_LENGTH.code),
  v.check((s: string) => s === '' || isCode(s), 'A country code cannot contain "|", "+" or "&"'),
);
const NAME = str(MAX_LENGTH.name);
const CODE = str(MAX_LENGTH.code);
const URL_STR = str(MAX_LENGTH.url);
const TEXT = str(MAX_LENGTH.text);
export const DATE = str(MAX_LENGTH.date);
const TIME = v.pipe(v.number(), v.finite());
const TOPIC = v.picklist(TOPIC_IDS);

const OfficeSchema = v.object({
  office: NAME,
  country: v.optional(CODE),
  from: v.optional(DATE),
  to: v.optional(DATE),
  source: v.optional(URL_STR),
});

export const EntitySchema = v.variant('kind', [
  v.object({
    kind: v.literal('official'),
    id: ID,
    name: NAME,
    aliases: list(NAME, MAX_ITEMS.aliases),
    country: v.optional(CODE),
    offices: list(OfficeSchema, MAX_ITEMS.offices),
  }),
  v.object({ kind: v.literal('country'), id: ID, code: CODE, name: NAME, aliases: list(NAME, MAX_ITEMS.aliases) }),
  v.object({ kind: v.literal('bloc'), id: ID, code: CODE, name: NAME, aliases: list(NAME, MAX_ITEMS.aliases) }),
  v.object({ kind: v.literal('topic'), id: ID, topic: TOPIC, name: NAME, keywords: list(NAME, MAX_ITEMS.keywords) }),
]);

const ParticipantSchema = v.object({
  name: NAME,
  entityId: v.optional(ID),
  role: v.optional(v.nullable(NAME)),
  country: v.optional(v.nullable(KEY_CODE)),
});

export const EngagementSchema = v.object({
  id: ID,
  kind: v.picklist(['meeting', 'call', 'visit', 'planned_visit', 'agreement', 'statement', 'other']),
  participants: list(ParticipantSchema, MAX_ITEMS.participants),
  // Derived from participants and countries; checked only so parsing stays bounded, then rebuilt on write.
  participantIds: list(str(MAX_LENGTH.id), MAX_ITEMS.participantIds),
  countries: list(KEY_CODE, MAX_ITEMS.countries),
  countryPairs: list(str(2 * MAX_LENGTH.code + 1), MAX_ITEMS.countryPairs),
  place: v.nullable(NAME),
  date: v.nullable(DATE),
  datePrecision: v.nullable(v.picklist(['day', 'month', 'year', 'approximate'])),
  topics: list(TOPIC, MAX_ITEMS.topics),
  figures: list(
    v.object({ text: NAME, value: v.optional(v.pipe(v.number(), v.finite())), unit: v.optional(CODE) }),
    MAX_ITEMS.figures,
  ),
  summary: TEXT,
  origin: v.picklist(['seed', 'captured', 'user']),
  createdAt: TIME,
  updatedAt: TIME,
});

export const SourceSchema = v.object({
  id: ID,
  engagementId: ID,
  url: URL_STR,
  outlet: v.nullable(NAME),
  title: v.nullable(TEXT),
  published: v.nullable(DATE),
  capturedAt: TIME,
});

export const PassageSchema = v.object({
  id: ID,
  url: URL_STR,
  title: v.nullable(TEXT),
  outlet: v.nullable(NAME),
  published: v.nullable(DATE),
  selectors: v.object({
    quote: v.object({ exact: TEXT, prefix: TEXT, suffix: TEXT }),
    position: v.object({ start: v.pipe(v.number(), v.integer()), end: v.pipe(v.number(), v.integer()) }),
  }),
  entityIds: list(ID, MAX_ITEMS.passageEntities),
  note: TEXT,
  tags: list(NAME, MAX_ITEMS.tags),
  createdAt: TIME,
  updatedAt: TIME,
});

/**
 * The reader's settings as a backup carries them (`lib/settings/settings.ts`): capture mode, marks, site lists and
 * the extra topic keywords. Fields a later version adds are dropped by this version rather than refused.
 */
export const SettingsSchema = v.object({
  capture: v.picklist(['on', 'ask', 'off']),
  marks: v.boolean(),
  quietSites: list(NAME, MAX_ITEMS.sites),
  neverCaptureSites: list(NAME, MAX_ITEMS.sites),
  topicKeywords: v.pipe(
    v.record(v.string(), list(NAME, MAX_ITEMS.keywords)),
    v.check((r) => Object.keys(r).every(isTopicId), 'A topic keyword list must belong to a known topic'),
    v.transform((r) => r as Settings['topicKeywords']),
  ),
});

// Compile-time proof that the schema accepts exactly the settings the options page stores.
const _settingsMatch: (a: v.InferOutput<typeof SettingsSchema>) => Settings = (a) => a;
void _settingsMatch;

/** "engagements[1].date" from valibot's dot path. */
export function pathOf(issue: v.BaseIssue<unknown>): string {
  const dot = v.getDotPath(issue);
  return dot ? dot.replace(/\.(\d+)(?=\.|$)/g, '[$1]') : '(top level)';
}

/**
 * The record as the schema outputs it (unknown fields dropped), or a UserError that aborts the write. The write
 * paths fit their records first, so this fires only on a bug; it is what makes "stored implies importable" hold.
 */
export function storable<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value, { abortPipeEarly: true });
  if (parsed.success) return parsed.output;
  const [issue] = parsed.issues;
  throw new UserError(`${what} cannot be saved: ${pathOf(issue)}: ${issue.message}.`);
}
