/**
 * The backup is everything the reader has: records, settings, and their edits to seed entries, and the import
 * says what it will do and asks before replacing anything.
 */
import { describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS } from '../../../lib/data/seed';
import {
  applyImport,
  type BackupV1,
  backupFiles,
  entryKey,
  exportBackup,
  type ImportChoice,
  planImport,
  validateBackup,
} from '../../../lib/db/backup';
import { seedDatabase } from '../../../lib/db/seed';
import { getEngagement, getEntity, recordEngagement, updateEngagement, updateOfficial } from '../../../lib/db/timeline';
import { DEFAULT_SETTINGS, getSettings, type Settings, updateSettings } from '../../../lib/settings/settings';
import { backupOf } from './backup-of';
import { draft, freshDb, source } from './helpers';

const MINE: Settings = {
  capture: 'ask',
  marks: false,
  quietSites: ['example.com'],
  neverCaptureSites: ['paywall.example'],
  topicKeywords: { narcotics: ['captagon'], cybercrime: ['ransomware gang'] },
};

/** Writes settings the way the options page does; the import gets the same function. */
const save = async (s: Settings) => {
  await updateSettings(s);
  return null;
};

const choices = (entries: [string, ImportChoice][] = [], settings: ImportChoice = 'mine') => ({
  entries: new Map(entries),
  settings,
});

async function device() {
  const db = freshDb();
  await seedDatabase(db);
  return db;
}

const SEED = SEED_ENGAGEMENTS[0].id;

describe('backup is everything', () => {
  it('round-trips records, settings and edits to seed entries into a fresh install', async () => {
    const origin = await device();
    await recordEngagement(origin, draft({ date: '2026-01-05' }), source('https://a.example/x', 'A', '2026-01-05'));
    const seed = await getEngagement(origin, SEED);
    if (!seed) throw new Error('no seed');
    await updateEngagement(origin, SEED, { ...seed, summary: 'My own summary of the first meeting.' });
    await updateOfficial(origin, 'official:mohsin-naqvi', { aliases: ['Naqvi sahib'] });
    const [file] = backupFiles(await exportBackup(origin, Date.UTC(2026, 0, 6), MINE));

    // A new device: seeded as on first install, default settings.
    const target = await device();
    const valid = validateBackup(file);
    if (!valid.ok) throw new Error(valid.error);
    expect(valid.value.settings).toEqual(MINE);
    const plan = await planImport(target, valid.value, await getSettings());
    expect(plan.settings).toMatchObject({ status: 'new' });
    expect(plan.conflicts.map((c) => [c.table, c.id, c.fields])).toEqual([
      ['entities', 'official:mohsin-naqvi', ['aliases']],
      ['engagements', SEED, ['summary']],
    ]);
    const all = plan.conflicts.map((c): [string, ImportChoice] => [entryKey(c.table, c.id), 'theirs']);
    const r = await applyImport(target, plan, choices(all), save);
    expect(r).toMatchObject({ ok: true, value: { replaced: 2, settingsWritten: true } });

    expect(await getSettings()).toEqual(MINE);
    const { exportedAt: _a, ...there } = await exportBackup(target, 0, await getSettings());
    const { exportedAt: _b, ...here } = await exportBackup(origin, 0, MINE);
    expect(there).toEqual(here);
  });

  it('previews what it adds, what is unchanged and what differs, and writes nothing while planning', async () => {
    const origin = await device();
    await recordEngagement(origin, draft({ date: '2026-01-05' }), source('https://a.example/x', 'A', '2026-01-05'));
    const seed = await getEngagement(origin, SEED);
    if (!seed) throw new Error('no seed');
    await updateEngagement(origin, SEED, { ...seed, topics: [...seed.topics, 'extradition'] });
    const backup = await exportBackup(origin, 0, { ...DEFAULT_SETTINGS, quietSites: ['a.example'] });

    const target = await device();
    await updateSettings({ marks: false });
    const before = await exportBackup(target, 0);
    const plan = await planImport(target, backup, await getSettings());
    expect(plan.tables).toEqual({
      entities: { added: 0, unchanged: 3, changed: 0 },
      engagements: { added: 1, unchanged: 1, changed: 1 },
      sources: { added: 1, unchanged: 2, changed: 0 },
      passages: { added: 0, unchanged: 0, changed: 0 },
    });
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({ table: 'engagements', id: SEED, fields: ['topics'] });
    expect(plan.settings).toMatchObject({ status: 'changed', fields: ['marks', 'quietSites'] });
    expect(await exportBackup(target, 0)).toEqual(before);
  });

  it.each<[string, ImportChoice, ImportChoice]>([
    ['keep mine', 'mine', 'mine'],
    ['take theirs', 'theirs', 'theirs'],
  ])('obeys the reader: %s', async (_name, entry, settings) => {
    const origin = await device();
    const seed = await getEngagement(origin, SEED);
    if (!seed) throw new Error('no seed');
    await updateEngagement(origin, SEED, { ...seed, place: 'Ghent' });
    await updateOfficial(origin, 'official:bernard-quintin', { country: 'FR' });
    const backup = await exportBackup(origin, 0, { ...DEFAULT_SETTINGS, capture: 'off' });

    const target = await device();
    await updateSettings({ capture: 'ask' });
    const plan = await planImport(target, backup, await getSettings());
    // The engagement as chosen; the official always kept (no choice given means "mine").
    const r = await applyImport(target, plan, choices([[entryKey('engagements', SEED), entry]], settings), save);
    expect(r).toMatchObject({ ok: true, value: { replaced: entry === 'theirs' ? 1 : 0 } });
    expect((await getEngagement(target, SEED))?.place).toBe(entry === 'theirs' ? 'Ghent' : 'Brussels');
    expect(await getEntity(target, 'official:bernard-quintin')).toMatchObject({ country: 'BE' });
    expect((await getSettings()).capture).toBe(settings === 'theirs' ? 'off' : 'ask');
  });

  it.each([
    ['an unknown capture mode', { ...DEFAULT_SETTINGS, capture: 'sometimes' }, 'settings.capture'],
    [
      'a keyword list of no topic',
      { ...DEFAULT_SETTINGS, topicKeywords: { gardening: ['roses'] } },
      'settings.topicKeywords',
    ],
    ['a site that is not text', { ...DEFAULT_SETTINGS, quietSites: [42] }, 'settings.quietSites[0]'],
    ['settings that are not an object', 'on', 'settings'],
  ])('refuses a file whose settings hold %s, naming the field, and writes nothing', async (_name, settings, path) => {
    const target = await device();
    await updateSettings({ marks: false });
    const before = await exportBackup(target, 0);
    const file = JSON.stringify({ ...backupOf({ engagements: [] }), settings });
    const r = validateBackup(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`${path}:`);
    expect(await exportBackup(target, 0)).toEqual(before);
    expect((await getSettings()).marks).toBe(false);
  });

  it('reads a backup of the current version without settings: records only, settings left alone', async () => {
    const origin = await device();
    await recordEngagement(origin, draft({ date: '2026-01-05' }), source('https://a.example/x', 'A', '2026-01-05'));
    // As this version wrote backups before settings travelled: no `settings` field at all.
    const old: BackupV1 = await exportBackup(origin);
    expect('settings' in old).toBe(false);
    const target = freshDb();
    await updateSettings({ capture: 'off' });
    const valid = validateBackup(JSON.stringify(old));
    if (!valid.ok) throw new Error(valid.error);
    const plan = await planImport(target, valid.value, await getSettings());
    expect(plan.settings).toBeNull();
    const r = await applyImport(target, plan, choices(), save);
    expect(r).toMatchObject({ ok: true, value: { added: 9, settingsWritten: false } });
    expect((await getSettings()).capture).toBe('off');
  });

  it('puts the settings in the first part of a split backup; every part still validates', async () => {
    const origin = await device();
    for (let i = 0; i < 6; i++)
      await recordEngagement(
        origin,
        draft({ date: `2026-01-0${i + 1}`, summary: `Meeting number ${i} ${'x'.repeat(3000)}` }),
        source(`https://a.example/${i}`, 'A', `2026-01-0${i + 1}`),
      );
    const files = backupFiles(await exportBackup(origin, 0, MINE), 9000);
    expect(files.length).toBeGreaterThan(1);
    const parsed = files.map((f) => validateBackup(f));
    for (const p of parsed) expect(p.ok).toBe(true);
    expect(parsed.map((p) => p.ok && p.value.settings !== undefined)).toEqual(files.map((_, i) => i === 0));
  });
});
