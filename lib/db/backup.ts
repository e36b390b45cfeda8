/**
 * The JSON backup: everything the reader stored, versioned, validated in full before a single row is written.
 * Derived index fields are never part of the file; import rebuilds them, so a backup survives schema changes.
 * Records are checked with the same schemas (`record-schema.ts`) and limits (`limits.ts`) the write paths obey,
 * and a timeline too large for one file is exported in parts that each import on their own.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, type Settings } from '../settings/defaults';
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
import {
  DATE,
  EngagementSchema,
  EntitySchema,
  PassageSchema,
  pathOf,
  SettingsSchema,
  SourceSchema,
} from './record-schema';
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
  /** The reader's settings (capture, marks, site lists, topic keywords); in the first part only. */
  settings?: Settings;
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
  // Added with `part`'s reasoning: a version without it imports the records and ignores the settings.
  settings: v.optional(SettingsSchema),
  entities: v.array(EntitySchema),
  engagements: v.array(EngagementSchema),
  sources: v.array(SourceSchema),
  passages: v.array(PassageSchema),
});

// Compile-time proof that what the schema accepts is exactly what the app stores.
type Accepted = v.InferOutput<typeof BackupSchema>;
const _schemaMatchesTypes: (a: Accepted) => BackupV1 = (a) => a;
void _schemaMatchesTypes;

/**
 * The tables a backup carries, with how a stored row becomes a file's record (`out`: fitted, index fields dropped;
 * null when it cannot be exported) and a record a stored row (`store`: index fields rebuilt). `replace`: an entry
 * that differs from the stored one is offered to the reader (keep mine / take theirs); sources are facts about an
 * article and are only ever added. A new table is one entry here, plus its field in `BackupV1` and `BackupSchema`.
 */
const TABLE_SPECS = {
  entities: spec((r: Entity) => fitEntity(stripEntity(r)), toStoredEntity, true),
  engagements: spec((r: Engagement) => fitEngagement(stripEngagement(r)), toStoredEngagement, true),
  sources: spec(
    (r: Source) => fitSource(r),
    (r: Source) => ({ ...r }),
    false,
  ),
  passages: spec((r: Passage) => fitPassage(stripPassage(r)), toStoredPassage, true),
};

interface TableSpec<T> {
  out: (row: T) => T | null;
  store: (row: T) => unknown;
  replace: boolean;
}

function spec<T>(out: (row: T) => T | null, store: (row: T) => unknown, replace: boolean): TableSpec<T> {
  return { out, store, replace };
}

export type BackupTable = keyof typeof TABLE_SPECS;
export const TABLES = Object.keys(TABLE_SPECS) as BackupTable[];
type RowOf<T extends BackupTable> = BackupV1[T][number];
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
export async function exportBackup(
  db: CounterpartDB,
  now: number = Date.now(),
  settings: Settings | null = null,
): Promise<BackupV1> {
  return db.transaction('r', db.entities, db.engagements, db.sources, db.passages, async () => {
    const engagements = fitted(await db.engagements.toArray(), TABLE_SPECS.engagements.out);
    const ids = new Set(engagements.map((e) => e.id));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      ...(settings ? { settings: fitSettings(settings) } : {}),
      entities: fitted(await db.entities.toArray(), TABLE_SPECS.entities.out),
      engagements,
      sources: fitted(await db.sources.toArray(), (s) => (ids.has(s.engagementId) ? TABLE_SPECS.sources.out(s) : null)),
      passages: fitted(await db.passages.toArray(), TABLE_SPECS.passages.out),
    };
  });
}

/** Settings as the schema accepts them: what storage holds may predate a field or carry a stray one. */
function fitSettings(s: Settings): Settings {
  const parsed = v.safeParse(SettingsSchema, s);
  if (parsed.success) return parsed.output;
  // Storage written by an old version or by hand: keep each field that passes, the default for the others.
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    const field = v.safeParse(schema, (s as unknown as Record<string, unknown>)[key]);
    if (field.success) out[key] = field.output;
  }
  return out as unknown as Settings;
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
  const settings = b.settings ? `,"settings":${JSON.stringify(b.settings)}` : '';
  const head = (part: BackupPart | null) =>
    `{"format":${JSON.stringify(b.format)},"version":${b.version},"exportedAt":${JSON.stringify(b.exportedAt)}${
      part ? `,"part":{"index":${part.index},"count":${part.count}}` : ''
    }${!part || part.index === 1 ? settings : ''}`;
  // Room for the widest head (settings included) and the table names, brackets and closing brace around the records.
  const frame =
    utf8Length(head({ index: 1, count: maxRecords })) + String(maxRecords).length + TABLES.join('":[],"').length + 8;
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
  const settings = backups.find((b) => b.settings)?.settings;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: first?.exportedAt ?? new Date(0).toISOString(),
    ...(settings ? { settings } : {}),
    entities: union((b) => b.entities),
    engagements: union((b) => b.engagements),
    sources: union((b) => b.sources),
    passages: union((b) => b.passages),
  };
}

export interface ImportCounts {
  added: number;
  /** Rows already stored that were kept as they are (identical, or the reader kept theirs). */
  skipped: number;
  /** Stored rows replaced by the file's, because the reader chose the file's version. */
  replaced: number;
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

/** How a conflicting entry is settled: the stored one stays, or the file's replaces it. */
export type ImportChoice = 'mine' | 'theirs';

/** The key of one entry in `ImportChoices.entries` and in `writeBackup`'s `replace`. */
export function entryKey(table: BackupTable, id: string): string {
  return `${table}\n${id}`;
}

type AnyRow = { id: string };
const specOf = (t: BackupTable) => TABLE_SPECS[t] as unknown as TableSpec<AnyRow>;

/**
 * The write half of `importBackup`, for a backup `validateBackup` has already accepted (one transaction, so a
 * failure at any row leaves the timeline as it was). Every index field is rebuilt from the primary fields by the
 * `toStored*` helpers; nothing derived is taken from the file. Rows already stored are kept, unless their
 * `entryKey` is in `replace` (the reader chose the file's version of that entry).
 */
export async function writeBackup(
  db: CounterpartDB,
  b: BackupV1,
  replace: ReadonlySet<string> = new Set(),
): Promise<Result<ImportCounts>> {
  return safeWrite(
    () =>
      withTransactionError((remember) =>
        db.transaction(
          'rw',
          TABLES.map((t) => db.table(t)),
          async (tx) => {
            remember(tx);
            const counts: ImportCounts = { added: 0, skipped: 0, replaced: 0 };
            for (const t of TABLES) {
              const spec = specOf(t);
              const rows: AnyRow[] = b[t];
              const { fresh, stored } = await splitRows(db, t, rows);
              const swap = spec.replace ? stored.filter((r) => replace.has(entryKey(t, r.id))) : [];
              await db.table(t).bulkAdd(fresh.map(spec.store));
              await db.table(t).bulkPut(swap.map(spec.store));
              counts.added += fresh.length;
              counts.replaced += swap.length;
              counts.skipped += rows.length - fresh.length - swap.length;
            }
            return counts;
          },
        ),
      ),
    'import',
  );
}

/**
 * The file's rows of one table that are new, and those already stored (with the stored row). A source already on
 * file under another id (the same article for the same engagement) is the same source: neither new nor replaceable.
 */
async function splitRows(
  db: CounterpartDB,
  t: BackupTable,
  rows: readonly AnyRow[],
): Promise<{ fresh: AnyRow[]; stored: AnyRow[]; local: Map<string, AnyRow> }> {
  const have: (AnyRow | undefined)[] = await db.table(t).bulkGet(rows.map((r) => r.id));
  let fresh = rows.filter((_, i) => have[i] === undefined);
  const stored = rows.filter((_, i) => have[i] !== undefined);
  const local = new Map<string, AnyRow>();
  for (const h of have) if (h) local.set(h.id, h);
  if (t === 'sources') {
    const newSources = fresh as Source[];
    const known = await db.sources
      .where('[engagementId+url]')
      .anyOf(newSources.map((s) => [s.engagementId, s.url]))
      .toArray();
    const knownKeys = new Set(known.map((s) => `${s.engagementId}\n${s.url}`));
    fresh = newSources.filter((s) => !knownKeys.has(`${s.engagementId}\n${s.url}`));
  }
  return { fresh, stored, local };
}

/** What an import will do to one table. */
export interface TablePlan {
  added: number;
  /** Stored already, the same as in the file. */
  unchanged: number;
  /** Stored already and different: each is an `ImportConflict` the reader settles. */
  changed: number;
}

/** An entry the file and the timeline both have, in different versions. */
export type ImportConflict = {
  [T in BackupTable]: { table: T; id: string; local: RowOf<T>; incoming: RowOf<T>; fields: string[] };
}[BackupTable];

export interface SettingsPlan {
  /** `new`: nothing of the reader's is replaced (no settings stored, or only the defaults); `changed`: the reader chooses. */
  status: 'new' | 'same' | 'changed';
  /** The settings that differ from the stored ones. */
  fields: (keyof Settings)[];
  incoming: Settings;
}

/** What importing a backup will add and change, computed before anything is written. */
export interface ImportPlan {
  backup: BackupV1;
  tables: Record<BackupTable, TablePlan>;
  conflicts: ImportConflict[];
  /** Null when the file carries no settings. */
  settings: SettingsPlan | null;
}

/**
 * Not what a record says: when it was written, and the lists rebuilt from its other fields on every write. Two
 * copies that differ only there are the same entry.
 */
const NOT_CONTENT = new Set(['createdAt', 'updatedAt', 'capturedAt', 'participantIds', 'countryPairs']);

/** JSON with object keys sorted, so two copies of a record compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The top-level fields in which two records differ, timestamps aside. */
export function differingFields(a: object, b: object): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => !NOT_CONTENT.has(k));
  return keys.filter((k) => canonical(ra[k]) !== canonical(rb[k])).sort();
}

/**
 * What importing `b` will do, without writing: per table, how many entries are new, the same, or different from
 * the stored ones (each difference listed, with the fields that differ), and how the file's settings compare with
 * `local` (the stored settings; null when there are none).
 */
export async function planImport(db: CounterpartDB, b: BackupV1, local: Settings | null): Promise<ImportPlan> {
  return db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () => {
      const tables = {} as Record<BackupTable, TablePlan>;
      const conflicts: ImportConflict[] = [];
      for (const t of TABLES) {
        const spec = specOf(t);
        const rows: AnyRow[] = b[t];
        const { fresh, stored, local: have } = await splitRows(db, t, rows);
        let changed = 0;
        if (spec.replace) {
          for (const incoming of stored) {
            const mine = spec.out(have.get(incoming.id) as AnyRow);
            const fields = mine ? differingFields(mine, incoming) : ['id'];
            if (fields.length === 0) continue;
            changed++;
            conflicts.push({ table: t, id: incoming.id, local: mine ?? incoming, incoming, fields } as ImportConflict);
          }
        }
        tables[t] = { added: fresh.length, unchanged: rows.length - fresh.length - changed, changed };
      }
      return { backup: b, tables, conflicts, settings: b.settings ? settingsPlan(b.settings, local) : null };
    },
  );
}

function settingsPlan(incoming: Settings, local: Settings | null): SettingsPlan {
  const base = local ?? DEFAULT_SETTINGS;
  const fields = differingFields(base, incoming) as (keyof Settings)[];
  if (fields.length === 0) return { status: 'same', fields, incoming };
  const untouched = differingFields(base, DEFAULT_SETTINGS).length === 0;
  return { status: untouched ? 'new' : 'changed', fields, incoming };
}

/** The reader's answers to a plan: per conflicting entry (`entryKey`; absent = keep mine) and for the settings. */
export interface ImportChoices {
  entries: ReadonlyMap<string, ImportChoice>;
  settings: ImportChoice;
}

export interface ImportOutcome extends ImportCounts {
  /** Whether the file's settings were written. */
  settingsWritten: boolean;
}

/**
 * Writes what the reader accepted: every new entry, the file's version of each conflict the reader chose "theirs"
 * for, and the settings when they are new or the reader took the file's. Records go in one transaction; the
 * settings after it succeeds, through `saveSettings` (the options page's own settings write), so a failed import
 * changes neither.
 */
export async function applyImport(
  db: CounterpartDB,
  plan: ImportPlan,
  choices: ImportChoices,
  saveSettings: (s: Settings) => Promise<string | null>,
): Promise<Result<ImportOutcome>> {
  const replace = new Set<string>();
  for (const c of plan.conflicts) {
    const key = entryKey(c.table, c.id);
    if (choices.entries.get(key) === 'theirs') replace.add(key);
  }
  const written = await writeBackup(db, plan.backup, replace);
  if (!written.ok) return written;
  const s = plan.settings;
  const take = s !== null && (s.status === 'new' || (s.status === 'changed' && choices.settings === 'theirs'));
  if (s && take) {
    const problem = await saveSettings(s.incoming);
    if (problem) return { ok: false, error: `The entries were imported, but the settings were not: ${problem}` };
  }
  return { ok: true, value: { ...written.value, settingsWritten: take } };
}
