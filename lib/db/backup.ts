/**
 * The JSON backup: everything the reader stored, versioned, validated in full before a single row is written.
 * Derived index fields are never part of the file; import rebuilds them, so a backup survives schema changes.
 * Records are checked with the same schemas (`record-schema.ts`) and limits (`limits.ts`) the write paths obey,
 * and a timeline too large for one file is exported in parts that each import on their own.
 */
import * as v from 'valibot';
import type { Engagement, Entity, Passage, Result, Source } from '../types';
import {
  stripEngagement,
  stripEntity,
  stripPassage,
  toStoredEngagement,
  toStoredEntity,
  toStoredPassage,
} from './derive';
import { safeWrite, withTransactionError } from './errors';
import { fitEngagement, fitEntity, fitPassage, fitSource } from './fit';
import { MAX_BACKUP_BYTES, MAX_BACKUP_RECORDS } from './limits';
import { DATE, EngagementSchema, EntitySchema, PassageSchema, pathOf, SourceSchema } from './record-schema';
import type { CounterpartDB } from './schema';

export { toCsv, toMarkdown, toWebAnnotations, type WebAnnotation } from './export-formats';
export { MAX_BACKUP_BYTES, MAX_BACKUP_RECORDS } from './limits';

export const BACKUP_FORMAT = 'counterpart-backup';
export const BACKUP_VERSION = 1;

/** Which file of a backup exported in several (1-based); absent when the backup is one file. */
export interface BackupPart {
  index: number;
  count: number;
}

export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  part?: BackupPart;
  entities: Entity[];
  engagements: Engagement[];
  sources: Source[];
  passages: Passage[];
}

const PART = v.pipe(v.number(), v.integer(), v.minValue(1));

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: DATE,
  // Added after the first release of version 1: older versions ignore it and import each part on its own.
  part: v.optional(v.object({ index: PART, count: PART })),
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

const NON_ASCII = /[\u0080-\uffff]/;

/** UTF-8 size of a string, counted rather than encoded (no copy of a 50 MB text). */
export function utf8Length(s: string): number {
  // Most records are ASCII: a regex scan is several times faster than the loop below.
  if (!NON_ASCII.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      // A surrogate pair: 4 bytes for 2 code units.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** UTF-8 size without counting the whole string when the answer is obvious either way. */
function utf8Bytes(s: string): number {
  if (s.length * 3 <= MAX_BACKUP_BYTES || s.length > MAX_BACKUP_BYTES) return s.length;
  return utf8Length(s);
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
  if (b.part && b.part.index > b.part.count) return `part: part ${b.part.index} of ${b.part.count}`;
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

function fitted<T, U>(rows: readonly T[], fitRow: (row: T) => U | null): U[] {
  const out: U[] = [];
  for (const r of rows) {
    const f = fitRow(r);
    if (f !== null) out.push(f);
  }
  return out;
}

/**
 * Everything stored, as plain shared types (no index fields), each row within the limits: rows stored before the
 * limits existed are brought within them as a write would (`fit.ts`), so the backup always imports. What no fit
 * can mend is left out: a row whose own id cannot be stored, and a source whose engagement is gone.
 */
export async function exportBackup(db: CounterpartDB, now: number = Date.now()): Promise<BackupV1> {
  return db.transaction('r', db.entities, db.engagements, db.sources, db.passages, async () => {
    const engagements = fitted(await db.engagements.toArray(), (e) => fitEngagement(stripEngagement(e)));
    const ids = new Set(engagements.map((e) => e.id));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      entities: fitted(await db.entities.toArray(), (e) => fitEntity(stripEntity(e))),
      engagements,
      sources: fitted(await db.sources.toArray(), (s) => (ids.has(s.engagementId) ? fitSource(s) : null)),
      passages: fitted(await db.passages.toArray(), (p) => fitPassage(stripPassage(p))),
    };
  });
}

interface PartBuilder {
  tables: Record<(typeof TABLES)[number], string[]>;
  bytes: number;
  records: number;
}

function emptyPart(): PartBuilder {
  return { tables: { entities: [], engagements: [], sources: [], passages: [] }, bytes: 0, records: 0 };
}

/**
 * The backup as compact JSON files, each at most `maxBytes` and `maxRecords`, so that each one passes
 * `validateBackup`. One file when it fits (the usual case), else parts in which every source travels with its
 * engagement (repeated in a later part when its sources spill over): each part imports on its own, and importing
 * all of them, in any order, restores everything.
 */
export function backupFiles(
  b: BackupV1,
  maxBytes: number = MAX_BACKUP_BYTES,
  maxRecords: number = MAX_BACKUP_RECORDS,
): string[] {
  const head = (part: BackupPart | null) =>
    `{"format":${JSON.stringify(b.format)},"version":${b.version},"exportedAt":${JSON.stringify(b.exportedAt)}${
      part ? `,"part":{"index":${part.index},"count":${part.count}}` : ''
    }`;
  // Room for the widest head and the table names, brackets and closing brace around the records.
  const frame = utf8Length(head({ index: maxRecords, count: maxRecords })) + TABLES.join('":[],"').length + 8;
  const budget = maxBytes - frame;
  const parts: PartBuilder[] = [emptyPart()];
  let current = parts[0];
  const fits = (bytes: number, records = 1) =>
    current.bytes + bytes <= budget && current.records + records <= maxRecords;
  const nextPart = () => {
    current = emptyPart();
    parts.push(current);
  };
  // Each record costs its JSON and the comma before it.
  const sized = (row: unknown) => {
    const json = JSON.stringify(row);
    return { json, bytes: utf8Length(json) + 1 };
  };
  const put = (table: (typeof TABLES)[number], r: { json: string; bytes: number }) => {
    current.tables[table].push(r.json);
    current.bytes += r.bytes;
    current.records++;
  };
  const place = (table: (typeof TABLES)[number], r: { json: string; bytes: number }) => {
    if (!fits(r.bytes) && current.records > 0) nextPart();
    if (!fits(r.bytes)) throw new Error(`A backup record is larger than a backup file may be (${r.bytes} bytes).`);
    put(table, r);
  };

  const sourcesOf = new Map<string, Source[]>();
  for (const s of b.sources) {
    const list = sourcesOf.get(s.engagementId);
    if (list) list.push(s);
    else sourcesOf.set(s.engagementId, [s]);
  }

  for (const e of b.entities) place('entities', sized(e));
  for (const e of b.engagements) {
    const engagement = sized(e);
    place('engagements', engagement);
    for (const s of sourcesOf.get(e.id) ?? []) {
      const source = sized(s);
      if (!fits(source.bytes)) {
        nextPart();
        if (!fits(engagement.bytes + source.bytes, 2))
          throw new Error(`An engagement with one source is larger than a backup file may be (${e.id}).`);
        put('engagements', engagement);
      }
      put('sources', source);
    }
  }
  for (const p of b.passages) place('passages', sized(p));

  const count = parts.length;
  return parts.map((p, i) => {
    const body = TABLES.map((t) => `"${t}":[${p.tables[t].join(',')}]`).join(',');
    return `${head(count > 1 ? { index: i + 1, count } : null)},${body}}`;
  });
}

/**
 * Several validated backups (the parts of one export, or files from several devices) as one: the first file that
 * has an id wins, as the import keeps what is stored over what a file says.
 */
export function mergeBackups(backups: readonly BackupV1[]): BackupV1 {
  const [first] = backups;
  const union = <T extends { id: string }>(pick: (b: BackupV1) => readonly T[]): T[] => {
    const byId = new Map<string, T>();
    for (const b of backups) for (const row of pick(b)) if (!byId.has(row.id)) byId.set(row.id, row);
    return [...byId.values()];
  };
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: first?.exportedAt ?? new Date(0).toISOString(),
    entities: union((b) => b.entities),
    engagements: union((b) => b.engagements),
    sources: union((b) => b.sources),
    passages: union((b) => b.passages),
  };
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

/**
 * The write half of `importBackup`, for a backup `validateBackup` has already accepted (one transaction, so a
 * failure at any row leaves the timeline as it was). Every index field is rebuilt from the primary fields by the
 * `toStored*` helpers; nothing derived is taken from the file.
 */
export async function writeBackup(db: CounterpartDB, b: BackupV1): Promise<Result<ImportCounts>> {
  return safeWrite(
    () =>
      withTransactionError((remember) =>
        db.transaction('rw', db.entities, db.engagements, db.sources, db.passages, async (tx) => {
          remember(tx);
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
      ),
    'import',
  );
}
