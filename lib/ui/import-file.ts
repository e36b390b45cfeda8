/**
 * Reading the backup files the reader picked: refuse what cannot be a backup before reading it, validate all of
 * every file, and only then write, in one transaction for all of them. Every failure is a sentence that says what
 * is wrong (and, when several files were picked, in which).
 */
import {
  type BackupV1,
  type ImportCounts,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_RECORDS,
  mergeBackups,
  validateBackup,
  writeBackup,
} from '../db/backup';
import type { CounterpartDB } from '../db/schema';
import type { Result } from '../types';

export interface ImportSummary extends ImportCounts {
  /** What the files held, per table (a record in several parts counted once). */
  contents: { entities: number; engagements: number; sources: number; passages: number };
  /** How many files were imported. */
  files: number;
  /** Parts of a backup exported in several files that were not among those picked (0 when none is missing). */
  missingParts: number;
}

type PickedFile = Pick<File, 'name' | 'size' | 'text'>;

/** What a file holds, before anything is written; the reader sees this on a failed or successful import. */
export function describeBackup(b: BackupV1): ImportSummary['contents'] {
  return {
    entities: b.entities.length,
    engagements: b.engagements.length,
    sources: b.sources.length,
    passages: b.passages.length,
  };
}

function recordsOf(b: BackupV1): number {
  return b.entities.length + b.engagements.length + b.sources.length + b.passages.length;
}

/** Parts of each multi-part export (same `exportedAt`) that the reader did not pick. */
export function missingParts(backups: readonly BackupV1[]): number {
  const picked = new Map<string, { count: number; indexes: Set<number> }>();
  for (const b of backups) {
    if (!b.part) continue;
    const key = `${b.exportedAt}\n${b.part.count}`;
    const entry = picked.get(key) ?? { count: b.part.count, indexes: new Set<number>() };
    entry.indexes.add(b.part.index);
    picked.set(key, entry);
  }
  let missing = 0;
  for (const { count, indexes } of picked.values()) missing += count - indexes.size;
  return missing;
}

async function readBackup(file: PickedFile): Promise<Result<BackupV1>> {
  if (/\.(csv|md|markdown|txt)$/i.test(file.name)) {
    return {
      ok: false,
      error: `"${file.name}" is not a backup: CSV and Markdown are export-only. Import a Counterpart JSON backup (.json).`,
    };
  }
  if (file.size > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      error: `"${file.name}" is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, the most a backup file may be. Counterpart exports larger backups as several files.`,
    };
  }
  if (file.size === 0) return { ok: false, error: `"${file.name}" is empty.` };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  return validateBackup(text);
}

/** The picked files, validated and merged into one backup, with what they hold; nothing is written. */
export interface PickedBackup {
  backup: BackupV1;
  contents: ImportSummary['contents'];
  files: number;
  missingParts: number;
}

/**
 * Reads and validates every picked file (one backup, or the parts of one) and merges them: the first step of an
 * import, before the reader sees what it would add and change.
 */
export async function readBackupFiles(files: readonly PickedFile[]): Promise<Result<PickedBackup>> {
  if (files.length === 0) return { ok: false, error: 'No file was picked.' };
  const backups: BackupV1[] = [];
  let records = 0;
  for (const file of files) {
    const r = await readBackup(file);
    if (!r.ok) {
      const named = files.length === 1 || r.error.startsWith(`"${file.name}"`);
      return named ? r : { ok: false, error: `"${file.name}": ${r.error}` };
    }
    records += recordsOf(r.value);
    if (records > MAX_BACKUP_RECORDS) {
      return {
        ok: false,
        error: `The files hold more than ${MAX_BACKUP_RECORDS} records together; import fewer at a time.`,
      };
    }
    backups.push(r.value);
  }
  const backup = backups.length === 1 ? backups[0] : mergeBackups(backups);
  return {
    ok: true,
    value: { backup, contents: describeBackup(backup), files: files.length, missingParts: missingParts(backups) },
  };
}

/**
 * Imports the picked files without asking: all are validated first, then written in a single transaction, so
 * either everything they add is stored or nothing is; stored entries are never replaced and settings are left
 * alone. The options page asks first instead (`readBackupFiles`, `planImport`, `applyImport`).
 */
export async function importFiles(db: CounterpartDB, files: readonly PickedFile[]): Promise<Result<ImportSummary>> {
  const read = await readBackupFiles(files);
  if (!read.ok) return read;
  // Validated once above: writing does not check the files a second time.
  const counts = await writeBackup(db, read.value.backup);
  if (!counts.ok) return counts;
  const { contents, missingParts: missing } = read.value;
  return { ok: true, value: { ...counts.value, contents, files: files.length, missingParts: missing } };
}

export function importFile(db: CounterpartDB, file: PickedFile): Promise<Result<ImportSummary>> {
  return importFiles(db, [file]);
}
