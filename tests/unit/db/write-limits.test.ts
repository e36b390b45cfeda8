/**
 * Whatever can be stored can be exported and imported again: every write path brings its record within the limits
 * the import checks (cutting labels, refusing what cannot be cut), with the values seen in ordinary use that used
 * to make a backup unimportable (an 8,832-character url, a 621-character outlet, a 127,499-character selection).
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup, validateBackup } from '../../../lib/db/backup';
import { toStoredEngagement, toStoredEntity, toStoredPassage } from '../../../lib/db/derive';
import { MAX_ITEMS, MAX_LENGTH } from '../../../lib/db/limits';
import type { CounterpartDB } from '../../../lib/db/schema';
import {
  addOfficial,
  deleteEngagement,
  type PassageInput,
  putEntity,
  recordEngagement,
  restoreEngagement,
  restorePassage,
  savePassage,
  updateEngagement,
} from '../../../lib/db/timeline';
import type { Engagement, Passage, Result } from '../../../lib/types';
import { draft, freshDb, NAQVI, QUINTIN, source } from './helpers';

const TRACKING_URL = `https://news.example/2025/12/talks?id=7&tracking=${'q'.repeat(8832 - 49)}`;
const LONG_PATH_URL = `https://news.example/${'p'.repeat(8832 - 21)}`;
const LONG_OUTLET = `The ${'Very '.repeat(123)}Long Wire`.slice(0, 621);
const LONG_SELECTION = 'Both ministers agreed to meet again. '.repeat(3446).slice(0, 127_499);

function passage(over: Partial<PassageInput> = {}): PassageInput {
  return {
    url: 'https://news.example/a',
    title: 'Talks in Brussels',
    outlet: 'Test Wire',
    published: '2025-12-12',
    selectors: {
      quote: { exact: 'joint patrols', prefix: 'agreed on ', suffix: ' along' },
      position: { start: 10, end: 23 },
    },
    entityIds: ['official:mohsin-naqvi'],
    ...over,
  };
}

async function contents(db: CounterpartDB) {
  const { exportedAt: _e, ...rest } = await exportBackup(db);
  return rest;
}

/** The export validates, and imports into an empty database as exactly what was exported. */
async function expectRoundTrip(db: CounterpartDB) {
  const backup = await exportBackup(db);
  const valid = validateBackup(JSON.stringify(backup));
  if (!valid.ok) throw new Error(valid.error);
  const target = freshDb();
  const r = await importBackup(target, JSON.stringify(backup));
  expect(r.ok).toBe(true);
  expect(await contents(target)).toEqual(await contents(db));
}

function expectOk<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('page-supplied values are cut to the limits, and the result imports', () => {
  it.each<[string, (db: CounterpartDB) => Promise<unknown>, (db: CounterpartDB) => Promise<void>]>([
    [
      'an 8,832-character tracking url is stored without its tracking parameter',
      (db) => recordEngagement(db, draft(), source(TRACKING_URL, 'Wire')),
      async (db) => expect((await db.sources.toArray())[0].url).toBe('https://news.example/2025/12/talks?id=7'),
    ],
    [
      'a 621-character outlet is cut with an ellipsis',
      (db) => recordEngagement(db, draft(), source('https://a.example/1', LONG_OUTLET)),
      async (db) => {
        const { outlet } = (await db.sources.toArray())[0];
        expect(outlet).toHaveLength(MAX_LENGTH.name);
        expect(outlet?.endsWith('…')).toBe(true);
        expect(outlet?.slice(0, 20)).toBe(LONG_OUTLET.slice(0, 20));
      },
    ],
    [
      'a 127,499-character title and summary are cut',
      (db) =>
        recordEngagement(db, draft({ summary: LONG_SELECTION }), {
          ...source('https://a.example/1', 'Wire'),
          title: LONG_SELECTION,
        }),
      async (db) => {
        expect((await db.sources.toArray())[0].title).toHaveLength(MAX_LENGTH.text);
        expect((await db.engagements.toArray())[0].summary).toHaveLength(MAX_LENGTH.text);
      },
    ],
    [
      'overlong names and roles are cut; ids and codes that cannot be index keys are dropped',
      (db) =>
        recordEngagement(
          db,
          draft({
            participants: [
              { ...NAQVI, name: `Mohsin ${'Naqvi'.repeat(200)}`, role: 'Minister '.repeat(100) },
              { name: 'Bernard Quintin', entityId: 'official:bernard-quintin|2099-12-31', country: 'BE|PK' },
            ],
            countries: ['PK', 'BE', 'FR&DE', 'x'.repeat(200)],
          }),
          source('https://a.example/1', 'Wire'),
        ),
      async (db) => {
        const [e] = await db.engagements.toArray();
        expect(e.participants[0].name).toHaveLength(MAX_LENGTH.name);
        expect(e.participants[0].role).toHaveLength(MAX_LENGTH.name);
        expect(e.participants[1]).toEqual({ name: 'Bernard Quintin', country: null });
        expect(e.participantIds).toEqual(['official:mohsin-naqvi']);
        expect(e.countries).toEqual(['PK', 'BE']);
      },
    ],
    [
      'lists longer than a record may hold are cut',
      (db) =>
        recordEngagement(
          db,
          draft({
            participants: Array.from({ length: 300 }, (_, i) => ({
              name: `Official ${i}`,
              entityId: `official:o-${i}`,
            })),
            countries: Array.from({ length: 250 }, (_, i) => `C${i}`),
            figures: Array.from({ length: 250 }, (_, i) => ({ text: `${i} arrests`, value: i })),
          }),
          source('https://a.example/1', 'Wire'),
        ),
      async (db) => {
        const [e] = await db.engagements.toArray();
        expect(e.participants).toHaveLength(MAX_ITEMS.participants);
        expect(e.countries).toHaveLength(MAX_ITEMS.countries);
        expect(e.figures).toHaveLength(MAX_ITEMS.figures);
      },
    ],
    [
      'a date longer than a date can be is dropped, and non-finite figures lose their value',
      (db) =>
        recordEngagement(
          db,
          draft({
            date: `2025-12-12${' and the following days'.repeat(3)}`,
            figures: [{ text: 'countless', value: Number.POSITIVE_INFINITY }],
          }),
          source('https://a.example/1', 'Wire'),
        ),
      async (db) => {
        const [e] = await db.engagements.toArray();
        expect([e.date, e.datePrecision]).toEqual([null, null]);
        expect(e.figures).toEqual([{ text: 'countless' }]);
      },
    ],
    [
      'a passage keeps an overlong outlet and tracking url within the limits',
      (db) => savePassage(db, passage({ url: TRACKING_URL, outlet: LONG_OUTLET })),
      async (db) => {
        const [p] = await db.passages.toArray();
        expect(p.url).toBe('https://news.example/2025/12/talks?id=7');
        expect(p.outlet).toHaveLength(MAX_LENGTH.name);
      },
    ],
    [
      "a passage's context is cut next to the quote, and its position mended",
      (db) =>
        savePassage(
          db,
          passage({
            selectors: {
              quote: {
                exact: 'joint patrols',
                prefix: `${'a'.repeat(150_000)}agreed on `,
                suffix: ` along${'b'.repeat(150_000)}`,
              },
              position: { start: -4.5, end: -9 },
            },
          }),
        ),
      async (db) => {
        const [p] = await db.passages.toArray();
        expect(p.selectors.quote.prefix.endsWith('agreed on ')).toBe(true);
        expect(p.selectors.quote.prefix).toHaveLength(MAX_LENGTH.text);
        expect(p.selectors.quote.suffix.startsWith(' along')).toBe(true);
        expect(p.selectors.position).toEqual({ start: 0, end: 0 });
      },
    ],
    [
      'an edited engagement is cut like a captured one',
      async (db) => {
        const { engagementId } = expectOk(await recordEngagement(db, draft(), source('https://a.example/1', 'W')));
        return updateEngagement(db, engagementId, draft({ summary: LONG_SELECTION, place: LONG_OUTLET }));
      },
      async (db) => {
        const [e] = await db.engagements.toArray();
        expect(e.summary).toHaveLength(MAX_LENGTH.text);
        expect(e.place).toHaveLength(MAX_LENGTH.name);
      },
    ],
    [
      'a gazetteer entry with 2,000 keywords and long offices is cut',
      async (db) => {
        await putEntity(db, {
          kind: 'topic',
          id: 'topic:narcotics',
          topic: 'narcotics',
          name: 'Narcotics',
          keywords: Array.from({ length: 2000 }, (_, i) => `drug ${i}`),
        });
        return addOfficial(db, {
          name: 'Annelies Verlinden',
          offices: [{ office: 'Minister '.repeat(100), from: '2025-02-03', source: LONG_PATH_URL }],
        });
      },
      async (db) => {
        const topic = await db.entities.get('topic:narcotics');
        expect(topic?.kind === 'topic' && topic.keywords.length).toBe(MAX_ITEMS.keywords);
        const official = await db.entities.get('official:annelies-verlinden');
        expect(official?.kind === 'official' && official.offices[0].office.length).toBe(MAX_LENGTH.name);
      },
    ],
  ])('%s', async (_name, write, check) => {
    const db = freshDb();
    const r = (await write(db)) as Result<unknown>;
    expect(r.ok).toBe(true);
    await check(db);
    await expectRoundTrip(db);
  });
});

describe('what cannot be cut is refused with a reason, and nothing is stored', () => {
  const stored: Passage = {
    ...passage(),
    note: '',
    tags: [],
    id: 'passage:restored',
    createdAt: 1,
    updatedAt: 1,
  };
  it.each<[string, (db: CounterpartDB) => Promise<Result<unknown>>, string]>([
    [
      'a 127,499-character selection',
      (db) =>
        savePassage(
          db,
          passage({
            selectors: {
              quote: { exact: LONG_SELECTION, prefix: '', suffix: '' },
              position: { start: 0, end: 127_499 },
            },
          }),
        ),
      'This selection is too long to save (127,499 characters; at most 100,000).',
    ],
    [
      'a 127,499-character selection put back by undo',
      (db) =>
        restorePassage(db, {
          ...stored,
          selectors: { quote: { exact: LONG_SELECTION, prefix: '', suffix: '' }, position: { start: 0, end: 1 } },
        }),
      'This selection is too long to save (127,499 characters; at most 100,000).',
    ],
    [
      'a source whose address is too long even without its query',
      (db) => recordEngagement(db, draft(), source(`${LONG_PATH_URL}?utm=1#top`, 'Wire')),
      "This page's address is too long to keep as a source (8,832 characters without its query and fragment; at most 8,192).",
    ],
    [
      'a passage on such a page',
      (db) => savePassage(db, passage({ url: LONG_PATH_URL })),
      "This page's address is too long to save passages from (8,832 characters without its query and fragment; at most 8,192).",
    ],
    [
      'an engagement restored with such a source',
      async (db) => {
        const { engagementId } = expectOk(await recordEngagement(db, draft(), source('https://a.example/1', 'W')));
        const { engagement, sources } = expectOk(await deleteEngagement(db, engagementId));
        await db.engagements.clear();
        return restoreEngagement(db, engagement, [{ ...sources[0], url: LONG_PATH_URL }]);
      },
      "This page's address is too long to keep as a source (8,832 characters without its query and fragment; at most 8,192).",
    ],
    [
      'a gazetteer entry whose id holds an index separator',
      (db) =>
        putEntity(db, { kind: 'official', id: 'official:mohsin-naqvi|2099', name: 'M', aliases: [], offices: [] }),
      'This gazetteer entry has an id that cannot be stored.',
    ],
  ])('%s', async (_name, write, message) => {
    const db = freshDb();
    const r = await write(db);
    expect(r).toEqual({ ok: false, error: message });
    expect(await db.engagements.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    expect(await db.passages.count()).toBe(0);
    expect(await db.entities.count()).toBe(0);
  });
});

describe('rows stored before the limits existed still export a backup that imports', () => {
  it('brings them within the limits on export', async () => {
    const db = freshDb();
    const engagement: Engagement = {
      ...draft({
        participants: [{ ...NAQVI, entityId: 'official:mohsin-naqvi|2099-12-31' }, QUINTIN],
        countries: Array.from({ length: 230 }, (_, i) => `C${i}`),
        summary: LONG_SELECTION,
      }),
      id: 'eng:old',
      participantIds: ['official:mohsin-naqvi|2099-12-31'],
      countryPairs: [],
      origin: 'captured',
      createdAt: 1,
      updatedAt: 1,
    };
    // Written the way an older version did, without today's write paths.
    await db.engagements.add(toStoredEngagement(engagement));
    await db.engagements.add(toStoredEngagement({ ...engagement, id: 'eng:bad|id' }));
    await db.sources.bulkAdd([
      {
        id: 'src:old',
        engagementId: 'eng:old',
        url: LONG_PATH_URL,
        outlet: LONG_OUTLET,
        title: null,
        published: null,
        capturedAt: 1,
      },
      {
        id: 'src:orphan',
        engagementId: 'eng:gone',
        url: 'https://a.example/',
        outlet: null,
        title: null,
        published: null,
        capturedAt: 1,
      },
    ]);
    await db.passages.add(
      toStoredPassage({
        ...stored(),
        url: TRACKING_URL,
        selectors: { quote: { exact: LONG_SELECTION, prefix: '', suffix: '' }, position: { start: -3, end: 1.5 } },
      }),
    );
    await db.entities.add(
      toStoredEntity({ kind: 'official', id: 'official:x', name: LONG_OUTLET, aliases: [LONG_OUTLET], offices: [] }),
    );

    const backup = await exportBackup(db);
    expect(validateBackup(JSON.stringify(backup)).ok).toBe(true);
    expect(backup.engagements.map((e) => e.id)).toEqual(['eng:old']);
    expect(backup.sources.map((s) => s.id)).toEqual(['src:old']);
    expect(backup.sources[0].url).toHaveLength(MAX_LENGTH.url);
    expect(backup.passages[0].selectors.quote.exact).toBe(LONG_SELECTION.slice(0, MAX_LENGTH.text));
    expect(backup.passages[0].selectors.position).toEqual({ start: 0, end: 1 });
    expect(backup.engagements[0].participants[0]).not.toHaveProperty('entityId');
    const target = freshDb();
    expect((await importBackup(target, JSON.stringify(backup))).ok).toBe(true);
  });

  function stored(): Passage {
    return { ...passage(), note: '', tags: [], id: 'passage:old', createdAt: 1, updatedAt: 1 };
  }
});
