// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../../components/options/ImportSection';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { SEED_ENGAGEMENTS } from '../../../lib/data/seed';
import { exportBackup } from '../../../lib/db/backup';
import { seedDatabase } from '../../../lib/db/seed';
import {
  addOfficial,
  getEngagement,
  getEntity,
  recordEngagement,
  updateEngagement,
  updateOfficial,
} from '../../../lib/db/timeline';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../../lib/settings/settings';
import { button, byLabel, click, draft, fakeServices, freshDb, mount, source, type, waitFor } from './helpers';

async function pickFile(input: HTMLInputElement, name: string, text: string) {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function mountImport() {
  const db = freshDb();
  const root = mount(<ImportSection />, fakeServices(db));
  return { db, root, input: byLabel(root, 'Backup file (.json)') };
}

describe('import', () => {
  it.each([
    ['not JSON', 'backup.json', '{ nope', 'The file is not valid JSON'],
    [
      'not a backup',
      'backup.json',
      '{"hello":1}',
      'The file is not a Counterpart backup: "format" should be "counterpart-backup".',
    ],
    [
      'a newer backup',
      'backup.json',
      '{"format":"counterpart-backup","version":9}',
      'This backup was made by a newer version of Counterpart',
    ],
    [
      'a wrong field, with its path',
      'backup.json',
      JSON.stringify({
        format: 'counterpart-backup',
        version: 1,
        exportedAt: '2025-12-12',
        entities: [],
        engagements: [{ id: 'e1' }],
        sources: [],
        passages: [],
      }),
      'engagements[0].kind',
    ],
    ['a CSV export', 'timeline.csv', 'a,b\n1,2', 'CSV and Markdown are export-only'],
    ['an empty file', 'backup.json', '', 'is empty'],
  ])('shows exactly what is wrong with %s, and writes nothing', async (_name, filename, text, message) => {
    const { db, root, input } = mountImport();
    await pickFile(input, filename, text);
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain(message));
    expect(await db.engagements.count()).toBe(0);
  });

  it('imports a valid backup and reports counts; a second import adds nothing', async () => {
    const origin = freshDb();
    await recordEngagement(origin, draft(), source('https://a.example/1', 'APP'));
    const backup = JSON.stringify(await exportBackup(origin));
    const { db, root, input } = mountImport();
    await pickFile(input, 'backup.json', backup);
    await waitFor(() => expect(root.textContent).toContain('To add: 1 engagement and 1 source.'));
    expect(await db.engagements.count()).toBe(0);
    await click(button(root, 'Import'));
    await waitFor(() => expect(root.textContent).toContain('Imported: 2 added, 0 already present'));
    expect(root.textContent).toContain('1 engagements, 1 sources');
    expect(await db.engagements.count()).toBe(1);
    await pickFile(input, 'backup.json', backup);
    await waitFor(() => expect(root.textContent).toContain('Nothing new to add.'));
    expect(root.textContent).toContain('2 entries already here as in the backup');
    expect(button(root, 'Import').disabled).toBe(true);
  });
});

describe('import asks before it changes anything', () => {
  it('lists the entry that differs and the settings, and writes the reader’s choice', async () => {
    const origin = freshDb();
    await seedDatabase(origin);
    const seed = await getEngagement(origin, SEED_ENGAGEMENTS[0].id);
    if (!seed) throw new Error('no seed');
    await updateEngagement(origin, seed.id, { ...seed, summary: 'The reader’s own summary.' });
    const file = JSON.stringify(
      await exportBackup(origin, 0, { ...DEFAULT_SETTINGS, topicKeywords: { narcotics: ['captagon'] } }),
    );

    const db = freshDb();
    await seedDatabase(db);
    await updateSettings({ marks: false });
    const root = mount(<OptionsApp services={fakeServices(db)} />);
    await waitFor(() => byLabel(root, 'Narcotics'));
    await pickFile(byLabel(root, 'Backup file (.json)'), 'backup.json', file);
    await waitFor(() => expect(root.textContent).toContain('1 entry differs from yours'));
    expect(root.textContent).toContain('Settings differ: marks on pages and topic keywords');
    const conflict = root.querySelector('.conflict-list .conflict') as HTMLElement;
    expect(conflict.querySelector('legend')?.textContent).toBe(
      'Meeting: Mohsin Naqvi, Magnus Brunner (c. 11 Dec 2025)',
    );
    expect(conflict.textContent).toContain('Differs in: summary');
    // Nothing is written before the reader confirms.
    expect((await getEngagement(db, seed.id))?.summary).toBe(seed.summary);

    await click(button(root, 'Take theirs for all'));
    const radio = (text: string) =>
      [...root.querySelectorAll('label.radio')].find((l) => l.textContent?.trim() === text)?.querySelector('input');
    await click(radio('Take the backup’s settings') as HTMLInputElement);
    await click(button(root, 'Import'));
    await waitFor(() => expect(root.textContent).toContain('1 replaced by the backup’s version'));
    expect((await getEngagement(db, seed.id))?.summary).toBe('The reader’s own summary.');
    expect(await getSettings()).toMatchObject({ marks: true, topicKeywords: { narcotics: ['captagon'] } });
    // The keyword form shows what was imported, not the copy it held before.
    await waitFor(() => expect(byLabel(root, 'Narcotics').value).toBe('captagon'));
  });

  it('keeps mine unless told otherwise', async () => {
    const origin = freshDb();
    await seedDatabase(origin);
    await updateOfficial(origin, 'official:bernard-quintin', { aliases: ['B. Quintin'] });
    const file = JSON.stringify(await exportBackup(origin));
    const db = freshDb();
    await seedDatabase(db);
    const root = mount(<OptionsApp services={fakeServices(db)} />);
    await pickFile(byLabel(root, 'Backup file (.json)'), 'backup.json', file);
    await waitFor(() => expect(root.textContent).toContain('Gazetteer: Bernard Quintin'));
    await click(button(root, 'Import'));
    await waitFor(() => expect(root.textContent).toContain('Imported: 0 added'));
    expect(await getEntity(db, 'official:bernard-quintin')).toMatchObject({ aliases: ['Bernard Quinten'] });
  });
});

describe('options page', () => {
  it('adds, edits and removes an official (with undo)', async () => {
    const db = freshDb();
    const root = mount(<OptionsApp services={fakeServices(db)} />);
    await waitFor(() => expect(root.textContent).toContain('No officials of your own yet.'));
    await click(button(root, 'Add an official'));
    await type(byLabel(root, 'Name'), 'Annelies Verlinden');
    await type(byLabel(root, 'Country'), 'be');
    await type(byLabel<HTMLTextAreaElement>(root, 'Aliases and other spellings (one per line)'), 'A. Verlinden');
    await type(byLabel(root, 'Office 1'), 'Minister of Justice');
    await type(byLabel(root, 'From'), '2025-02-03');
    await click(button(root, 'Add official'));
    await waitFor(() => expect(root.querySelector('.official h3')?.textContent).toBe('Annelies Verlinden'));
    expect(await getEntity(db, 'official:annelies-verlinden')).toEqual({
      kind: 'official',
      id: 'official:annelies-verlinden',
      name: 'Annelies Verlinden',
      aliases: ['A. Verlinden'],
      country: 'BE',
      offices: [{ office: 'Minister of Justice', country: 'BE', from: '2025-02-03' }],
    });

    await click(button(root, 'Edit Annelies Verlinden'));
    await type(byLabel(root, 'To'), '2024-01-01');
    await click(button(root, 'Save changes'));
    await waitFor(() => expect(root.textContent).toContain('Office 1 ends before it starts.'));
    await type(byLabel(root, 'To'), '2026-01-31');
    await click(button(root, 'Save changes'));
    await waitFor(() => expect(root.textContent).toContain('(2025-02-03 – 2026-01-31)'));

    await click(button(root, 'Remove Annelies Verlinden'));
    await waitFor(() => expect(root.textContent).toContain('Annelies Verlinden removed.'));
    expect(await getEntity(db, 'official:annelies-verlinden')).toBeNull();
    await click(button(root, 'Undo'));
    await waitFor(() => expect(root.querySelector('.official h3')?.textContent).toBe('Annelies Verlinden'));
  });

  it('picks the country by name: "United Kingdom" is GB, and an ambiguous or unknown name is refused', async () => {
    const db = freshDb();
    const root = mount(<OptionsApp services={fakeServices(db)} />);
    await click(button(root, 'Add an official'));
    await type(byLabel(root, 'Name'), 'Yvette Cooper');
    const country = byLabel(root, 'Country');
    expect(root.querySelectorAll(`#${country.getAttribute('list')} option`).length).toBeGreaterThan(240);
    await type(country, 'Congo');
    await waitFor(() => expect(root.textContent).toContain('"Congo" could be Republic of the Congo (CG)'));
    expect(country.getAttribute('aria-invalid')).toBe('true');
    await click(button(root, 'Add official'));
    await waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('Country: "Congo" could be'),
    );
    expect(await getEntity(db, 'official:yvette-cooper')).toBeNull();

    await type(country, 'United Kingdom');
    await waitFor(() =>
      expect(root.querySelector('.country-picker .resolved')?.textContent).toBe('United Kingdom (GB)'),
    );
    await type(byLabel(root, 'Office 1'), 'Home Secretary');
    await type(byLabel(root, 'Office country'), 'Britain');
    await click(button(root, 'Add official'));
    await waitFor(() => expect(root.querySelector('.official h3')?.textContent).toBe('Yvette Cooper'));
    expect(await getEntity(db, 'official:yvette-cooper')).toMatchObject({
      country: 'GB',
      offices: [{ office: 'Home Secretary', country: 'GB' }],
    });
    expect(root.querySelector('.official-head .muted')?.textContent).toBe('United Kingdom');

    await click(button(root, 'Edit Yvette Cooper'));
    expect(byLabel(root, 'Country').value).toBe('United Kingdom (GB)');
    await type(byLabel(root, 'Country'), 'United Nations');
    await click(button(root, 'Save changes'));
    await waitFor(() => expect(root.textContent).toContain('Yvette Cooper saved.'));
    expect(await getEntity(db, 'official:yvette-cooper')).toMatchObject({ country: 'UN' });
  });

  it('shows the store’s message when a name is already taken', async () => {
    const db = freshDb();
    await addOfficial(db, { name: 'Mohsin Naqvi', aliases: ['Syed Mohsin Naqvi'] });
    const root = mount(<OptionsApp services={fakeServices(db)} />);
    await click(button(root, 'Add an official'));
    await type(byLabel(root, 'Name'), 'Syed Mohsin Naqvi');
    await click(button(root, 'Add official'));
    await waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('already a name or alias'));
  });

  it('stores capture mode, marks, site lists and topic keywords in settings', async () => {
    const root = mount(<OptionsApp services={fakeServices(freshDb())} />);
    await waitFor(() => byLabel(root, 'Narcotics'));
    await click(root.querySelector<HTMLInputElement>('input[name="capture"][value="ask"]') as HTMLInputElement);
    await click(root.querySelector<HTMLInputElement>('#capture input[type="checkbox"]') as HTMLInputElement);
    await type(
      byLabel<HTMLTextAreaElement>(root, 'Quiet sites: no marks, no capture (one per line; subdomains included)'),
      'https://www.example.com/news\nexample.org',
    );
    await click(button(root, 'Save site lists'));
    await type(byLabel(root, 'Narcotics'), 'heroin, methamphetamine,');
    await click(button(root, 'Save keywords'));
    await waitFor(() => expect(root.textContent).toContain('Keywords saved.'));
    const s = await getSettings();
    expect(s).toMatchObject({
      capture: 'ask',
      marks: false,
      quietSites: ['example.com', 'example.org'],
      topicKeywords: { narcotics: ['heroin', 'methamphetamine'] },
    });
  });

  it('exports each format as a download', async () => {
    const db = freshDb();
    await recordEngagement(db, draft(), source('https://a.example/1', 'APP'));
    const download = vi.fn();
    const root = mount(<OptionsApp services={fakeServices(db)} download={download} />);
    for (const label of [/JSON backup/, /CSV/, /Markdown/, /Web Annotations/]) {
      await click(button(root, label));
    }
    await waitFor(() => expect(download).toHaveBeenCalledTimes(4));
    // Files come as each is ready (the backup also reads the settings): find each by its name.
    const call = (re: RegExp) => download.mock.calls.find((c) => re.test(c[0])) as [string, string, string];
    const [json, csv, md, anno] = [/backup/, /\.csv$/, /\.md$/, /\.jsonld$/].map(call);
    expect(json[0]).toMatch(/^counterpart-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(json[1]).engagements).toHaveLength(1);
    expect(JSON.parse(json[1]).settings).toEqual(await getSettings());
    expect(csv[2]).toBe('text/csv');
    expect(md[1]).toContain('# Counterpart timeline');
    expect(JSON.parse(anno[1])).toMatchObject({ type: 'AnnotationCollection', total: 0 });
  });

  it('clears all data only after confirmation, offering a backup first', async () => {
    const db = freshDb();
    await recordEngagement(db, draft(), source('https://a.example/1', 'APP'));
    const download = vi.fn();
    const root = mount(<OptionsApp services={fakeServices(db)} download={download} />);
    await click(button(root, 'Clear all data…'));
    const dialog = await waitFor(() => {
      const d = root.querySelector('dialog');
      if (!d) throw new Error('no dialog');
      return d;
    });
    await click(button(dialog, 'Cancel'));
    expect(root.querySelector('dialog')).toBeNull();
    expect(await db.engagements.count()).toBe(1);

    await click(button(root, 'Clear all data…'));
    await click(button(root, 'Download a JSON backup first'));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    await click(button(root, 'Delete everything'));
    await waitFor(() => expect(root.textContent).toContain('were deleted'));
    expect(await db.engagements.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('shows persistent-storage status and asks for it', async () => {
    let persisted = false;
    const nav = {
      storage: {
        persisted: async () => persisted,
        persist: async () => {
          persisted = true;
          return true;
        },
        estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 1e9 }),
      },
    } as unknown as Navigator;
    const root = mount(<OptionsApp services={fakeServices(freshDb())} nav={nav} />);
    await waitFor(() => expect(root.textContent).toContain('Not persistent'));
    expect(root.textContent).toContain('5.0 MB used');
    await click(button(root, 'Ask for persistent storage'));
    await waitFor(() => expect(root.textContent).toContain('Persistent: the browser will not delete'));
  });
});
