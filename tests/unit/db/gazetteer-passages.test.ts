import { describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../lib/db/seed';
import {
  addAlias,
  addOfficial,
  deletePassage,
  findEntitiesByName,
  getEntity,
  listEntities,
  officialId,
  type PassageInput,
  passagesForUrl,
  recentPassages,
  removeAlias,
  removeEntity,
  restorePassage,
  savePassage,
  searchPassages,
  updateOfficial,
  updatePassage,
} from '../../../lib/db/timeline';
import { freshDb } from './helpers';

function passage(exact: string, start: number, over: Partial<PassageInput> = {}): PassageInput {
  return {
    url: 'https://news.example/story',
    title: 'Interior ministers meet',
    outlet: 'News',
    published: '2025-12-12',
    selectors: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
    entityIds: [],
    ...over,
  };
}

describe('gazetteer', () => {
  it('adds, edits, aliases and removes an official', async () => {
    const db = freshDb();
    await seedDatabase(db);
    const added = await addOfficial(db, {
      name: '  Annelies  Verlinden ',
      aliases: ['A. Verlinden', 'a. verlinden'],
      country: 'BE',
    });
    expect(added).toMatchObject({
      ok: true,
      value: { id: 'official:annelies-verlinden', name: 'Annelies Verlinden', aliases: ['A. Verlinden'] },
    });
    expect((await addOfficial(db, { name: 'Annelies Verlinden' })).ok).toBe(false);
    expect(await addOfficial(db, { name: 'Bernard Quinten' })).toEqual({
      ok: false,
      error: '"Bernard Quinten" is already a name or alias of Bernard Quintin.',
    });

    await addAlias(db, 'official:annelies-verlinden', 'Minister Verlinden');
    expect((await findEntitiesByName(db, 'minister verlinden')).map((e) => e.id)).toEqual([
      'official:annelies-verlinden',
    ]);
    await removeAlias(db, 'official:annelies-verlinden', 'MINISTER VERLINDEN');
    expect(await findEntitiesByName(db, 'minister verlinden')).toEqual([]);

    const edited = await updateOfficial(db, 'official:annelies-verlinden', {
      offices: [{ office: 'Minister of Justice', country: 'BE' }],
    });
    expect(edited.ok && edited.value.offices).toHaveLength(1);
    expect((await listEntities(db, 'official')).map((e) => e.name)).toEqual([
      'Annelies Verlinden',
      'Bernard Quintin',
      'Magnus Brunner',
      'Mohsin Naqvi',
    ]);

    const removed = await removeEntity(db, 'official:annelies-verlinden');
    expect(removed.ok).toBe(true);
    expect(await getEntity(db, 'official:annelies-verlinden')).toBeNull();
    expect(await removeEntity(db, 'official:annelies-verlinden')).toEqual({
      ok: false,
      error: 'This entry is no longer in your gazetteer.',
    });
  });

  it.each([
    ['Bernard Quintín', 'official:bernard-quintin'],
    ["Ahmad Shah Mas'ud", 'official:ahmad-shah-mas-ud'],
  ])('officialId(%s) = %s', (name, id) => {
    expect(officialId(name)).toBe(id);
  });

  it('refuses an empty name', async () => {
    expect(await addOfficial(freshDb(), { name: '  ' })).toEqual({ ok: false, error: 'The name is empty.' });
  });
});

describe('passages', () => {
  it('saves, finds by url, edits, deletes and restores', async () => {
    const db = freshDb();
    const a = await savePassage(db, passage('second part', 50, { url: 'https://news.example/story#frag' }), 2);
    const b = await savePassage(db, passage('first part', 10, { tags: ['Smuggling', 'smuggling ', ''] }), 1);
    if (!a.ok || !b.ok) throw new Error('save failed');
    expect(b.value.tags).toEqual(['Smuggling']);
    expect((await passagesForUrl(db, 'https://news.example/story')).map((p) => p.selectors.quote.exact)).toEqual([
      'first part',
      'second part',
    ]);

    const updated = await updatePassage(db, a.value.id, { note: 'joint patrols', tags: ['border'] }, 9);
    expect(updated).toMatchObject({
      ok: true,
      value: { note: 'joint patrols', tags: ['border'], updatedAt: 9, createdAt: 2 },
    });
    expect((await searchPassages(db, 'patrol')).map((p) => p.id)).toEqual([a.value.id]);
    expect((await searchPassages(db, 'border')).map((p) => p.id)).toEqual([a.value.id]);
    expect((await searchPassages(db, 'interior part')).map((p) => p.id)).toEqual([a.value.id, b.value.id]);
    expect((await recentPassages(db, 1)).map((p) => p.id)).toEqual([a.value.id]);

    const deleted = await deletePassage(db, a.value.id);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(await searchPassages(db, 'patrol')).toEqual([]);
    await restorePassage(db, deleted.value);
    expect((await searchPassages(db, 'patrol')).map((p) => p.note)).toEqual(['joint patrols']);
  });

  it('refuses an empty selection and edits of a deleted passage', async () => {
    const db = freshDb();
    expect((await savePassage(db, passage('   ', 0))).ok).toBe(false);
    expect(await updatePassage(db, 'passage:none', { note: 'x' })).toEqual({
      ok: false,
      error: 'This passage is no longer saved.',
    });
  });
});
