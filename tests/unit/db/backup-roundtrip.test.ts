/**
 * A backup restores what was stored, at a size a heavy reader reaches. The 100,000-engagement figure is measured by
 * `npm run bench -- --only=backup` (it takes minutes on fake-indexeddb); this runs the same path at 10,000.
 */
import { describe, expect, it } from 'vitest';
import {
  type BackupV1,
  backupFiles,
  exportBackup,
  MAX_BACKUP_BYTES,
  utf8Length,
  validateBackup,
} from '../../../lib/db/backup';
import { toStoredEngagement, toStoredEntity, toStoredPassage } from '../../../lib/db/derive';
import type { CounterpartDB } from '../../../lib/db/schema';
import { recordEngagement } from '../../../lib/db/timeline';
import type { Source } from '../../../lib/types';
import { buildExport } from '../../../lib/ui/exports';
import { importFiles } from '../../../lib/ui/import-file';
import { syntheticEntities, syntheticPassages, syntheticSources } from '../../../scripts/bench/backup-bench';
import { syntheticEngagements } from '../../../scripts/bench/db-bench';
import { draft, freshDb, source } from './helpers';

const N = 10_000;

function asFiles(texts: readonly string[]) {
  return texts.map((text, i) => ({ name: `part-${i + 1}.json`, size: utf8Length(text), text: async () => text }));
}

async function contents(db: CounterpartDB) {
  const { exportedAt: _e, ...rest } = await exportBackup(db);
  return rest;
}

function records(b: Omit<BackupV1, 'format' | 'version' | 'exportedAt'>): number {
  return b.entities.length + b.engagements.length + b.sources.length + b.passages.length;
}

describe('backup round trip', () => {
  it(`restores ${N.toLocaleString('en-US')} engagements with sources and passages, exported compact, in parts too`, async () => {
    const engagements = syntheticEngagements(N, 11);
    const sources = syntheticSources(engagements);
    const origin = freshDb();
    await origin.engagements.bulkAdd(engagements.map(toStoredEngagement));
    await origin.sources.bulkAdd(sources);
    await origin.passages.bulkAdd(syntheticPassages(engagements, sources).map(toStoredPassage));
    await origin.entities.bulkAdd(syntheticEntities().map(toStoredEntity));

    const [file, ...more] = await buildExport(origin, 'json', new Date(Date.UTC(2026, 0, 6)));
    expect(more).toHaveLength(0);
    expect(file.filename).toBe('counterpart-backup-2026-01-06.json');
    // Compact: no indentation, one line.
    expect(file.text).not.toContain('\n');
    expect(utf8Length(file.text)).toBeLessThan(MAX_BACKUP_BYTES);
    expect(validateBackup(file.text).ok).toBe(true);

    // The same timeline as if it were past the size of one file: 1 MB parts, imported in reverse order.
    const parts = backupFiles(await exportBackup(origin), 1024 * 1024);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(utf8Length(p)).toBeLessThanOrEqual(1024 * 1024);
    const target = freshDb();
    const r = await importFiles(target, asFiles(parts).reverse());
    const expected = await contents(origin);
    expect(r).toMatchObject({ ok: true, value: { added: records(expected), skipped: 0, missingParts: 0 } });
    expect(await contents(target)).toEqual(expected);
    // The indexes are the ones a live write makes.
    expect(await target.engagements.get(engagements[1234].id)).toEqual(toStoredEngagement(engagements[1234]));
  }, 120_000);
});

describe('utf8Length', () => {
  it.each(['', 'plain ascii', 'Quintín', 'Ōsaka — 大阪', 'emoji 😀 pair', '\ud800 lone'])('%j', (text) => {
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('backup parts', () => {
  async function oneEngagementWithSources(n: number) {
    const db = freshDb();
    for (let i = 0; i < n; i++) {
      const r = await recordEngagement(db, draft(), source(`https://news.example/report-${i}`, `Outlet ${i}`));
      expect(r.ok).toBe(true);
    }
    expect(await db.engagements.count()).toBe(1);
    return db;
  }

  it('sources that spill over take their engagement with them, so every part imports on its own', async () => {
    const origin = await oneEngagementWithSources(60);
    const parts = backupFiles(await exportBackup(origin), 4096);
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, text] of parts.entries()) {
      expect(utf8Length(text)).toBeLessThanOrEqual(4096);
      const v = validateBackup(text);
      if (!v.ok) throw new Error(v.error);
      expect(v.value.part).toEqual({ index: i + 1, count: parts.length });
      expect(v.value.engagements).toHaveLength(1);
    }

    const partial = freshDb();
    const one = await importFiles(partial, asFiles(parts).slice(1, 2));
    expect(one).toMatchObject({ ok: true, value: { missingParts: parts.length - 1 } });
    expect(await partial.engagements.count()).toBe(1);

    const whole = freshDb();
    const all = await importFiles(whole, asFiles(parts));
    expect(all).toMatchObject({ ok: true, value: { added: 61, missingParts: 0 } });
    expect(await contents(whole)).toEqual(await contents(origin));
  });

  it('a record larger than a file may be is an error, not a file the import would refuse', async () => {
    const backup = await exportBackup(await oneEngagementWithSources(1));
    expect(() => backupFiles(backup, 300)).toThrow(/larger than a backup file may be/);
  });

  it('another device’s file with the same ids, picked together, adds each row once', async () => {
    const origin = await oneEngagementWithSources(2);
    const [text] = backupFiles(await exportBackup(origin));
    const copy: BackupV1 = { ...(JSON.parse(text) as BackupV1), exportedAt: '2026-02-01T00:00:00.000Z' };
    const target = freshDb();
    const r = await importFiles(target, asFiles([text, JSON.stringify(copy)]));
    expect(r).toMatchObject({ ok: true, value: { added: 3, files: 2 } });
  });

  it('one bad file of several writes nothing and names the file', async () => {
    const origin = await oneEngagementWithSources(2);
    const [text] = backupFiles(await exportBackup(origin));
    const bad = text.replace('"sources":[', '"sources":[{"id":"src:x"},');
    const target = freshDb();
    const r = await importFiles(target, asFiles([text, bad]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^"part-2\.json": The backup is not valid: sources\[0\]/);
    expect(await target.engagements.count()).toBe(0);
  });

  it('leaves out a source whose engagement is not in the backup, which the import would refuse', () => {
    const s: Source = {
      id: 's',
      engagementId: 'e',
      url: 'https://a.example/',
      outlet: null,
      title: null,
      published: null,
      capturedAt: 0,
    };
    const [text] = backupFiles({
      format: 'counterpart-backup',
      version: 1,
      exportedAt: '',
      entities: [],
      engagements: [],
      sources: [s],
      passages: [],
    });
    expect(validateBackup(text)).toMatchObject({ ok: true, value: { sources: [] } });
  });
});
