import { describe, expect, it } from 'vitest';
import {
  type BackupV1,
  exportBackup,
  importBackup,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_RECORDS,
  validateBackup,
} from '../../../lib/db/backup';
import { seedDatabase } from '../../../lib/db/seed';
import { addOfficial, recordEngagement, savePassage } from '../../../lib/db/timeline';
import { draft, freshDb, source } from './helpers';

async function populated() {
  const db = freshDb();
  await seedDatabase(db);
  await recordEngagement(
    db,
    draft({ date: '2026-01-05', figures: [{ text: '12 arrests', value: 12 }] }),
    source('https://a.example/x', 'A', '2026-01-05'),
  );
  await addOfficial(db, { name: 'Annelies Verlinden', aliases: ['A. Verlinden'], country: 'BE' });
  await savePassage(db, {
    url: 'https://a.example/x',
    title: 'A "quoted", title',
    outlet: 'A',
    published: '2026-01-05',
    selectors: {
      quote: { exact: 'joint patrols', prefix: 'agreed on ', suffix: ' along' },
      position: { start: 10, end: 23 },
    },
    entityIds: ['official:mohsin-naqvi'],
    note: 'check later',
    tags: ['patrols'],
  });
  return db;
}

async function contents(db: ReturnType<typeof freshDb>) {
  const { exportedAt: _ignored, ...rest } = await exportBackup(db);
  return rest;
}

describe('backup', () => {
  it('round-trips exactly through JSON into an empty database', async () => {
    const db = await populated();
    const backup = await exportBackup(db, Date.UTC(2026, 0, 6));
    expect(backup.format).toBe('counterpart-backup');
    expect(backup.version).toBe(1);
    expect(backup.exportedAt).toBe('2026-01-06T00:00:00.000Z');
    expect(JSON.stringify(backup)).not.toContain('"facets"');

    const target = freshDb();
    const r = await importBackup(target, JSON.stringify(backup));
    const total = backup.entities.length + backup.engagements.length + backup.sources.length + backup.passages.length;
    expect(r).toEqual({ ok: true, value: { added: total, skipped: 0, replaced: 0 } });
    expect(await contents(target)).toEqual(await contents(db));
  });

  it('importing the same backup twice adds nothing', async () => {
    const db = await populated();
    const backup = await exportBackup(db);
    const before = await contents(db);
    const r = await importBackup(db, backup);
    const total = backup.entities.length + backup.engagements.length + backup.sources.length + backup.passages.length;
    expect(r).toEqual({ ok: true, value: { added: 0, skipped: total, replaced: 0 } });
    expect(await contents(db)).toEqual(before);
  });

  it('skips a source already stored under another id', async () => {
    const db = await populated();
    const backup = await exportBackup(db);
    backup.sources = backup.sources.map((s) => ({ ...s, id: `${s.id}-other-device` }));
    const r = await importBackup(db, backup);
    expect(r.ok && r.value.added).toBe(0);
  });

  describe('bad files change nothing and say what is wrong', () => {
    const good = async (): Promise<BackupV1> => exportBackup(await populated());
    const cases: [string, (b: BackupV1) => unknown, RegExp][] = [
      ['malformed JSON', () => '{"format": "counterpart-backup", ', /not valid JSON/],
      ['not an object', () => '[1,2]', /expected a JSON object/],
      ['wrong format', (b) => ({ ...b, format: 'something-else' }), /not a Counterpart backup.*format/],
      ['newer version', (b) => ({ ...b, version: 2 }), /newer version of Counterpart \(backup format 2/],
      ['missing table', (b) => ({ ...b, passages: undefined }), /passages: expected a list/],
      [
        'wrong field type',
        (b) => ({ ...b, engagements: [b.engagements[0], { ...b.engagements[1], date: 20251212 }] }),
        /engagements\[1\]\.date: .*received 20251212/,
      ],
      [
        'unknown topic',
        (b) => ({ ...b, engagements: [{ ...b.engagements[0], topics: ['gardening'] }, ...b.engagements.slice(1)] }),
        /engagements\[0\]\.topics\[0\]/,
      ],
      [
        'string too long',
        (b) => ({ ...b, sources: [{ ...b.sources[0], url: `https://a.example/${'x'.repeat(9000)}` }] }),
        /sources\[0\]\.url: .*length/i,
      ],
      [
        'duplicate ids',
        (b) => ({ ...b, passages: [b.passages[0], b.passages[0]] }),
        /passages\[1\]\.id: .*appears twice/,
      ],
      [
        'orphan source',
        (b) => ({ ...b, sources: [{ ...b.sources[0], engagementId: 'eng:missing' }] }),
        /sources\[0\]\.engagementId: no engagement "eng:missing"/,
      ],
    ];

    it.each(cases)('%s', async (_name, corrupt, message) => {
      const db = await populated();
      const before = await contents(db);
      const r = await importBackup(db, corrupt(await good()));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
      expect(await contents(db)).toEqual(before);
    });

    it('a valid first record does not get written when a later one is bad', async () => {
      const db = freshDb();
      const b = await good();
      b.passages.push({ ...b.passages[0], id: 'passage:bad', createdAt: Number.NaN });
      const r = await importBackup(db, b);
      expect(r.ok).toBe(false);
      expect(await db.engagements.count()).toBe(0);
      expect(await db.entities.count()).toBe(0);
    });

    it('rejects more than the record limit', () => {
      const many = new Array(MAX_BACKUP_RECORDS + 1).fill(0);
      const r = validateBackup({
        format: 'counterpart-backup',
        version: 1,
        exportedAt: '',
        entities: many,
        engagements: [],
        sources: [],
        passages: [],
      });
      expect(r).toEqual({
        ok: false,
        error: `The backup holds ${MAX_BACKUP_RECORDS + 1} records; at most ${MAX_BACKUP_RECORDS} can be imported.`,
      });
    });

    it('rejects a file over 50 MB before parsing it', () => {
      const r = validateBackup(`{"x":"${'a'.repeat(MAX_BACKUP_BYTES)}"}`);
      expect(r).toEqual({ ok: false, error: 'The file is larger than 50 MB, the most a backup may be.' });
    });
  });
});
