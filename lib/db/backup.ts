/**
 * The JSON backup: everything the reader stored, versioned, validated in full before a single row is written.
 * Derived index fields are never part of the file; import rebuilds them, so a backup survives schema changes.
 */
import * as v from 'valibot';
import { TOPIC_IDS } from '../data/topics';
import type { Engagement, Entity, Passage, Result, Source } from '../types';
import {
  stripEngagement,
  stripEntity,
  stripPassage,
  toStoredEngagement,
  toStoredEntity,
  toStoredPassage,
} from './derive';
import { safeWrite } from './errors';
import type { CounterpartDB } from './schema';

export { toCsv, toMarkdown, toWebAnnotations, type WebAnnotation } from './export-formats';

export const BACKUP_FORMAT = 'counterpart-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
export const MAX_BACKUP_RECORDS = 1_000_000;

export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  entities: Entity[];
  engagements: Engagement[];
  sources: Source[];
  passages: Passage[];
}

// Caps: generous for real data, small enough that a hostile file cannot make the popup allocate gigabytes.
const ID = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const NAME = v.pipe(v.string(), v.maxLength(500));
const SHORT = v.pipe(v.string(), v.maxLength(100));
const URL_STR = v.pipe(v.string(), v.maxLength(8192));
const TEXT = v.pipe(v.string(), v.maxLength(100_000));
const DATE = v.pipe(v.string(), v.maxLength(40));
const TIME = v.pipe(v.number(), v.finite());
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const TOPIC = v.picklist(TOPIC_IDS);

const OfficeSchema = v.object({
  office: NAME,
  country: v.optional(SHORT),
  from: v.optional(DATE),
  to: v.optional(DATE),
  source: v.optional(URL_STR),
});

const EntitySchema = v.variant('kind', [
  v.object({
    kind: v.literal('official'),
    id: ID,
    name: NAME,
    aliases: list(NAME, 500),
    country: v.optional(SHORT),
    offices: list(OfficeSchema, 200),
  }),
  v.object({ kind: v.literal('country'), id: ID, code: SHORT, name: NAME, aliases: list(NAME, 500) }),
  v.object({ kind: v.literal('bloc'), id: ID, code: SHORT, name: NAME, aliases: list(NAME, 500) }),
  v.object({ kind: v.literal('topic'), id: ID, topic: TOPIC, name: NAME, keywords: list(NAME, 1000) }),
]);

const ParticipantSchema = v.object({
  name: NAME,
  entityId: v.optional(ID),
  role: v.optional(v.nullable(NAME)),
  country: v.optional(v.nullable(SHORT)),
});

const EngagementSchema = v.object({
  id: ID,
  kind: v.picklist(['meeting', 'call', 'visit', 'planned_visit', 'agreement', 'statement', 'other']),
  participants: list(ParticipantSchema, 200),
  participantIds: list(ID, 200),
  countries: list(SHORT, 200),
  countryPairs: list(SHORT, 20_000),
  place: v.nullable(NAME),
  date: v.nullable(DATE),
  datePrecision: v.nullable(v.picklist(['day', 'month', 'year', 'approximate'])),
  topics: list(TOPIC, 100),
  figures: list(
    v.object({ text: NAME, value: v.optional(v.pipe(v.number(), v.finite())), unit: v.optional(SHORT) }),
    200,
  ),
  summary: TEXT,
  origin: v.picklist(['seed', 'captured', 'user']),
  createdAt: TIME,
  updatedAt: TIME,
});

const SourceSchema = v.object({
  id: ID,
  engagementId: ID,
  url: URL_STR,
  outlet: v.nullable(NAME),
  title: v.nullable(TEXT),
  published: v.nullable(DATE),
  capturedAt: TIME,
});

const PassageSchema = v.object({
  id: ID,
  url: URL_STR,
  title: v.nullable(TEXT),
  outlet: v.nullable(NAME),
  published: v.nullable(DATE),
  selectors: v.object({
    quote: v.object({ exact: TEXT, prefix: TEXT, suffix: TEXT }),
    position: v.object({ start: v.pipe(v.number(), v.integer()), end: v.pipe(v.number(), v.integer()) }),
  }),
  entityIds: list(ID, 1000),
  note: TEXT,
  tags: list(NAME, 200),
  createdAt: TIME,
  updatedAt: TIME,
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: DATE,
  entities: v.array(EntitySchema),
  engagements: v.array(EngagementSchema),
  sources: v.array(SourceSchema),
  passages: v.array(PassageSchema),
});

// Compile-time proof that what the schema accepts is exactly what the app stores.
type Accepted = v.InferOutput<typeof BackupSchema>;
const _schemaMatchesTypes: (a: Accepted) => BackupV1 = (a) => a;
void _schemaMatchesTypes;

const TABLES = ['entities', 'engagements', 'sources', 'passages'] as const;
const MAX_REPORTED_ISSUES = 5;

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** UTF-8 size without encoding the whole string when the answer is obvious either way. */
function utf8Bytes(s: string): number {
  if (s.length * 3 <= MAX_BACKUP_BYTES || s.length > MAX_BACKUP_BYTES) return s.length;
  return new TextEncoder().encode(s).length;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const dot = v.getDotPath(issue);
  return dot ? dot.replace(/\.(\d+)(?=\.|$)/g, '[$1]') : '(top level)';
}

/** Checks a backup (a JSON string or an already parsed value) and says what is wrong: path and reason. */
export function validateBackup(json: unknown): Result<BackupV1> {
  let data = json;
  if (typeof json === 'string') {
    if (utf8Bytes(json) > MAX_BACKUP_BYTES) {
      return fail(`The file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, the most a backup may be.`);
    }
    try {
      data = JSON.parse(json);
    } catch (e) {
      return fail(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('The file is not a Counterpart backup: expected a JSON object.');
  }
  const head = data as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    return fail(`The file is not a Counterpart backup: "format" should be "${BACKUP_FORMAT}".`);
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    return fail('The backup has no valid "version" number.');
  }
  if (head.version > BACKUP_VERSION) {
    return fail(
      `This backup was made by a newer version of Counterpart (backup format ${head.version}; this version reads up to ${BACKUP_VERSION}). Update the extension, then import it again.`,
    );
  }
  let records = 0;
  for (const t of TABLES) {
    const rows = head[t];
    if (!Array.isArray(rows)) return fail(`${t}: expected a list.`);
    records += rows.length;
  }
  if (records > MAX_BACKUP_RECORDS) {
    return fail(`The backup holds ${records} records; at most ${MAX_BACKUP_RECORDS} can be imported.`);
  }

  const parsed = v.safeParse(BackupSchema, data, { abortPipeEarly: true });
  if (!parsed.success) {
    const lines = parsed.issues.slice(0, MAX_REPORTED_ISSUES).map((i) => `${pathOf(i)}: ${i.message}`);
    const more =
      parsed.issues.length > MAX_REPORTED_ISSUES ? ` (and ${parsed.issues.length - MAX_REPORTED_ISSUES} more)` : '';
    return fail(`The backup is not valid: ${lines.join('; ')}${more}.`);
  }
  const backup: BackupV1 = parsed.output;
  const problem = crossCheck(backup);
  return problem ? fail(`The backup is not valid: ${problem}.`) : { ok: true, value: backup };
}

/** What a schema cannot see: duplicate ids, and sources of engagements the file does not contain. */
function crossCheck(b: BackupV1): string | null {
  for (const t of TABLES) {
    const seen = new Set<string>();
    const rows: { id: string }[] = b[t];
    for (let i = 0; i < rows.length; i++) {
      if (seen.has(rows[i].id)) return `${t}[${i}].id: "${rows[i].id}" appears twice`;
      seen.add(rows[i].id);
    }
  }
  const engagementIds = new Set(b.engagements.map((e) => e.id));
  const orphan = b.sources.findIndex((s) => !engagementIds.has(s.engagementId));
  if (orphan !== -1)
    return `sources[${orphan}].engagementId: no engagement "${b.sources[orphan].engagementId}" in the backup`;
  return null;
}

/** Everything stored, as plain shared types (no index fields). */
export async function exportBackup(db: CounterpartDB, now: number = Date.now()): Promise<BackupV1> {
  return db.transaction('r', db.entities, db.engagements, db.sources, db.passages, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    entities: (await db.entities.toArray()).map(stripEntity),
    engagements: (await db.engagements.toArray()).map(stripEngagement),
    sources: await db.sources.toArray(),
    passages: (await db.passages.toArray()).map(stripPassage),
  }));
}

export interface ImportCounts {
  added: number;
  skipped: number;
}

/**
 * Adds what the backup has and the timeline lacks. Rows whose id is already stored are skipped, never
 * overwritten (the local copy may be newer), which also makes a second import of the same file a no-op.
 */
export async function importBackup(db: CounterpartDB, json: unknown): Promise<Result<ImportCounts>> {
  const valid = validateBackup(json);
  if (!valid.ok) return valid;
  return writeBackup(db, valid.value);
}

/** The write half of `importBackup`, for a backup `validateBackup` has already accepted (one transaction). */
export async function writeBackup(db: CounterpartDB, b: BackupV1): Promise<Result<ImportCounts>> {
  return safeWrite(() =>
    db.transaction('rw', db.entities, db.engagements, db.sources, db.passages, async () => {
      let added = 0;
      let skipped = 0;
      const count = <T>(all: readonly T[], fresh: readonly T[]) => {
        added += fresh.length;
        skipped += all.length - fresh.length;
        return fresh;
      };
      const absent = async <T extends { id: string }>(
        table: { bulkGet(k: string[]): Promise<unknown[]> },
        rows: T[],
      ) => {
        const have = await table.bulkGet(rows.map((r) => r.id));
        return rows.filter((_, i) => have[i] === undefined);
      };

      await db.entities.bulkAdd(count(b.entities, await absent(db.entities, b.entities)).map(toStoredEntity));
      await db.engagements.bulkAdd(
        count(b.engagements, await absent(db.engagements, b.engagements)).map(toStoredEngagement),
      );
      // A source already on file under another id (the same article for the same engagement) is the same source.
      const newSources = await absent(db.sources, b.sources);
      const known = await db.sources
        .where('[engagementId+url]')
        .anyOf(newSources.map((s) => [s.engagementId, s.url]))
        .toArray();
      const knownKeys = new Set(known.map((s) => `${s.engagementId}\n${s.url}`));
      await db.sources.bulkAdd(
        count(
          b.sources,
          newSources.filter((s) => !knownKeys.has(`${s.engagementId}\n${s.url}`)),
        ),
      );
      await db.passages.bulkAdd(count(b.passages, await absent(db.passages, b.passages)).map(toStoredPassage));
      return { added, skipped };
    }),
  );
}
