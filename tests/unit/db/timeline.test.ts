import { describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../lib/db/seed';
import {
  countEngagementsFor,
  deleteEngagement,
  getEngagement,
  latestFor,
  queryEngagements,
  recordEngagement,
  restoreEngagement,
  sourcesFor,
  sourcesForUrl,
  undoCapture,
} from '../../../lib/db/timeline';
import type { EngagementDraft } from '../../../lib/types';
import { BRUNNER, draft, freshDb, NAQVI, QUINTIN, source } from './helpers';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('recordEngagement', () => {
  it('merges the same meeting from two outlets into one engagement with two sources', async () => {
    const db = freshDb();
    const a = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'Outlet A')));
    const b = unwrap(
      await recordEngagement(
        db,
        draft({
          participants: [NAQVI, { name: 'Bernard Quinten', country: 'BE' }],
          date: '2025-12-13',
          topics: ['counterterrorism'],
        }),
        source('https://b.example/2', 'Outlet B', '2025-12-13'),
      ),
    );
    expect(a).toMatchObject({ merged: false, sourceAdded: true });
    expect(b).toMatchObject({ engagementId: a.engagementId, merged: true, sourceAdded: true });
    expect(await db.engagements.count()).toBe(1);
    const e = await getEngagement(db, a.engagementId);
    expect(e?.topics).toEqual(['illegal-migration', 'counterterrorism']);
    expect(e?.date).toBe('2025-12-12');
    const src = (await sourcesFor(db, [a.engagementId]))[a.engagementId];
    expect(src.map((s) => s.outlet)).toEqual(['Outlet A', 'Outlet B']);
  });

  it('merges a capture into a seeded engagement', async () => {
    const db = freshDb();
    await seedDatabase(db);
    const r = unwrap(
      await recordEngagement(
        db,
        draft({ participants: [NAQVI, BRUNNER], date: '2025-12-10', datePrecision: 'day' }),
        source('https://app.example/naqvi', 'APP', '2025-12-11'),
      ),
    );
    expect(r).toMatchObject({ engagementId: 'seed:2025-12-naqvi-brunner', merged: true });
    // The seed's approximate date gives way to a day-precise one.
    expect((await getEngagement(db, r.engagementId))?.date).toBe('2025-12-10');
  });

  it('keeps the same people on a different trip separate', async () => {
    const db = freshDb();
    const a = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'A')));
    const b = unwrap(
      await recordEngagement(db, draft({ date: '2026-03-02' }), source('https://a.example/2', 'A', '2026-03-02')),
    );
    expect(b.merged).toBe(false);
    expect(b.engagementId).not.toBe(a.engagementId);
    expect(await db.engagements.count()).toBe(2);
  });

  it('does not add the same url twice, nor touch the engagement', async () => {
    const db = freshDb();
    const a = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'A'), 'captured', 10));
    const again = unwrap(
      await recordEngagement(db, draft(), source('https://a.example/1#comments', 'A'), 'captured', 20),
    );
    expect(again).toEqual({ engagementId: a.engagementId, merged: true, sourceAdded: false, sourceId: null });
    expect(await db.sources.count()).toBe(1);
    expect((await getEngagement(db, a.engagementId))?.updatedAt).toBe(10);
  });

  it('lets the reader make one article the source of two engagements', async () => {
    const db = freshDb();
    const url = 'https://a.example/day-in-brussels';
    const one = unwrap(await recordEngagement(db, draft(), source(url, 'A')));
    // Automatic capture keeps one engagement per article; the reader saving a second meeting from it is obeyed.
    const two = unwrap(
      await recordEngagement(
        db,
        draft({ participants: [NAQVI, BRUNNER], date: '2025-12-11' }),
        source(url, 'A'),
        'user',
      ),
    );
    expect(two.engagementId).not.toBe(one.engagementId);
    expect((await sourcesForUrl(db, url)).map((s) => s.engagementId).sort()).toEqual(
      [one.engagementId, two.engagementId].sort(),
    );
  });
});

describe('undoCapture', () => {
  it('removes an engagement the capture created', async () => {
    const db = freshDb();
    const r = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'A')));
    expect(unwrap(await undoCapture(db, r.engagementId, r.sourceId!))).toEqual({
      engagementRemoved: true,
      engagementRestored: false,
    });
    expect(await db.engagements.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('restores the engagement a capture merged into', async () => {
    const db = freshDb();
    const a = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'A'), 'captured', 1));
    const before = await getEngagement(db, a.engagementId);
    const b = unwrap(
      await recordEngagement(db, draft({ topics: ['cybercrime'] }), source('https://b.example/1', 'B'), 'captured', 2),
    );
    expect(unwrap(await undoCapture(db, b.engagementId, b.sourceId!)).engagementRestored).toBe(true);
    expect(await getEngagement(db, a.engagementId)).toEqual(before);
    expect(await db.sources.count()).toBe(1);
  });

  it('says so when there is nothing to undo', async () => {
    const db = freshDb();
    const r = await undoCapture(db, 'eng:x', 'src:x');
    expect(r).toEqual({ ok: false, error: 'Nothing to undo: this capture is no longer in the timeline.' });
  });
});

describe('queries', () => {
  async function timeline() {
    const db = freshDb();
    await seedDatabase(db);
    const rows: [EngagementDraft, string][] = [
      [
        draft({ date: '2025-10-01', summary: 'Naqvi and Quintin talked about visas.', topics: ['visas-consular'] }),
        'a',
      ],
      [draft({ participants: [NAQVI, BRUNNER], date: '2025-06-01', place: 'Islamabad', topics: ['narcotics'] }), 'b'],
      [
        draft({
          participants: [BRUNNER, QUINTIN],
          date: '2025-11-20',
          summary: 'Brunner and Quintin discussed returns.',
          topics: ['returns-readmission'],
        }),
        'c',
      ],
    ];
    for (const [d, id] of rows) unwrap(await recordEngagement(db, d, source(`https://x.example/${id}`, 'X', d.date)));
    return db;
  }

  const dates = (rows: { date: string | null }[]) => rows.map((r) => r.date);

  it.each<[string, Parameters<typeof queryEngagements>[1], (string | null)[]]>([
    ['everything, newest first', {}, ['2025-12-12', '2025-12-11', '2025-11-20', '2025-10-01', '2025-06-01']],
    ['by official', { entityId: 'official:bernard-quintin' }, ['2025-12-12', '2025-11-20', '2025-10-01']],
    [
      'by pair of officials',
      { entityIds: ['official:mohsin-naqvi', 'official:magnus-brunner'] },
      ['2025-12-11', '2025-06-01'],
    ],
    ['by country pair', { countryPair: ['PK', 'BE'] }, ['2025-12-12', '2025-10-01']],
    ['by country pair, reversed', { countryPair: ['BE', 'PK'] }, ['2025-12-12', '2025-10-01']],
    ['by country', { country: 'EU' }, ['2025-12-11', '2025-11-20', '2025-06-01']],
    ['by country entity id', { entityId: 'country:EU' }, ['2025-12-11', '2025-11-20', '2025-06-01']],
    ['by topic', { topic: 'narcotics' }, ['2025-12-12', '2025-12-11', '2025-06-01']],
    ['by date range', { from: '2025-10-01', to: '2025-11-30' }, ['2025-11-20', '2025-10-01']],
    [
      'by official and date range',
      { entityId: 'official:magnus-brunner', to: '2025-11-30' },
      ['2025-11-20', '2025-06-01'],
    ],
    ['topic and country', { topic: 'narcotics', country: 'BE' }, ['2025-12-12']],
    ['text', { text: 'visas' }, ['2025-10-01']],
    ['text, prefix of the last word', { text: 'quintin disc' }, ['2025-11-20']],
    ['text in a place', { text: 'islamabad' }, ['2025-06-01']],
    ['text with a facet', { text: 'discussed', entityId: 'official:bernard-quintin' }, ['2025-11-20']],
    ['text and date range', { text: 'brussels', from: '2025-12-01' }, ['2025-12-12', '2025-12-11']],
    ['text with no match', { text: 'zanzibar' }, []],
    ['paged', { limit: 2, offset: 1 }, ['2025-12-11', '2025-11-20']],
    ['paged with a facet', { entityId: 'official:mohsin-naqvi', limit: 1, offset: 1 }, ['2025-12-11']],
  ])('%s', async (_name, filter, expected) => {
    const db = await timeline();
    expect(dates(await queryEngagements(db, filter))).toEqual(expected);
  });

  it('returns plain engagements without index fields', async () => {
    const db = await timeline();
    const [first] = await queryEngagements(db, { limit: 1 });
    expect(Object.keys(first)).not.toContain('words');
    expect(Object.keys(first)).not.toContain('facets');
  });

  it('counts and lists the latest per entity', async () => {
    const db = await timeline();
    expect(
      await countEngagementsFor(db, ['official:mohsin-naqvi', 'official:nobody', 'country:BE', 'topic:narcotics']),
    ).toEqual({ 'official:mohsin-naqvi': 4, 'official:nobody': 0, 'country:BE': 3, 'topic:narcotics': 3 });
    expect(dates(await latestFor(db, 'official:magnus-brunner', 2))).toEqual(['2025-12-11', '2025-11-20']);
  });

  it('reads sources for several engagements at once', async () => {
    const db = await timeline();
    const got = await sourcesFor(db, ['seed:2025-12-naqvi-brunner', 'eng:none']);
    expect(got['seed:2025-12-naqvi-brunner'].map((s) => s.outlet)).toEqual(['Pakistan Today']);
    expect(got['eng:none']).toEqual([]);
  });

  it('deletes an engagement with its sources and restores both', async () => {
    const db = await timeline();
    const removed = unwrap(await deleteEngagement(db, 'seed:2025-12-naqvi-brunner'));
    expect(await getEngagement(db, 'seed:2025-12-naqvi-brunner')).toBeNull();
    expect(removed.sources).toHaveLength(1);
    unwrap(await restoreEngagement(db, removed.engagement, removed.sources));
    expect(await getEngagement(db, 'seed:2025-12-naqvi-brunner')).toEqual(removed.engagement);
    expect((await sourcesFor(db, ['seed:2025-12-naqvi-brunner']))['seed:2025-12-naqvi-brunner']).toHaveLength(1);
  });
});
