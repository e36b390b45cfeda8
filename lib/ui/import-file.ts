/**
 * Reading a backup the reader picked: refuse what cannot be a backup before reading it, validate all of it,
 * and only then write. Every failure is a sentence that says what is wrong.
 */
import { type BackupV1, type ImportCounts, MAX_BACKUP_BYTES, validateBackup, writeBackup } from '../db/backup';
import type { CounterpartDB } from '../db/schema';
import type { Result } from '../types';

export interface ImportSummary extends ImportCounts {
  /** What the file held, per table. */
  contents: { entities: number; engagements: number; sources: number; passages: number };
}

/** What a file holds, before anything is written; the reader sees this on a failed or successful import. */
export function describeBackup(b: BackupV1): ImportSummary['contents'] {
  return {
    entities: b.entities.length,
    engagements: b.engagements.length,
    sources: b.sources.length,
    passages: b.passages.length,
  };
}

export async function importFile(
  db: CounterpartDB,
  file: Pick<File, 'name' | 'size' | 'text'>,
): Promise<Result<ImportSummary>> {
  if (/\.(csv|md|markdown|txt)$/i.test(file.name)) {
    return {
      ok: false,
      error: `"${file.name}" is not a backup: CSV and Markdown are export-only. Import a Counterpart JSON backup (.json).`,
    };
  }
  if (file.size > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      error: `"${file.name}" is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, the most a backup may be.`,
    };
  }
  if (file.size === 0) return { ok: false, error: `"${file.name}" is empty.` };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  const valid = validateBackup(text);
  if (!valid.ok) return valid;
  // Validated once above: writing does not check the whole file a second time.
  const counts = await writeBackup(db, valid.value);
  if (!counts.ok) return counts;
  return { ok: true, value: { ...counts.value, contents: describeBackup(valid.value) } };
}
