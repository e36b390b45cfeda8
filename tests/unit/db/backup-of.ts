import { BACKUP_FORMAT, BACKUP_VERSION, type BackupV1 } from '../../../lib/db/backup';

/** A backup file's contents holding just these records (the tests' hostile or odd ones, typed loosely). */
export function backupOf(parts: { [K in 'entities' | 'engagements' | 'sources' | 'passages']?: unknown[] }): BackupV1 {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-01-06T00:00:00.000Z',
    entities: [],
    engagements: [],
    sources: [],
    passages: [],
    ...parts,
  } as BackupV1;
}
