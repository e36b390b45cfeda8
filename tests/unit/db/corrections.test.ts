import { describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS, SEED_OFFICIALS, SEED_SOURCES } from '../../../lib/data/seed';
import {
  applyDraftEdits,
  checkEdit,
  editEngagement,
  mergedDate,
  mergeEngagements,
  removeEngagement,
  saveEditedDraft,
  splitSource,
  undoCorrection,
  updateOfficialEverywhere,
} from '../../../lib/db/corrections';
import { stripEngagement, toStoredEngagement } from '../../../lib/db/derive';
import type { CounterpartDB } from '../../../lib/db/schema';
import { seedDatabase } from '../../../lib/db/seed';
import {
  countEngagementsFor,
  getEngagement,
  getEntity,
  listEntities,
  passagesForUrl,
  queryEngagements,
  recordEngagement,
  savePassage,
  sourcesFor,
  undoCapture,
} from '../../../lib/db/timeline';
import { buildGazetteer, createDetector } from '../../../lib/detect';
import type { Engagement, EngagementDraft, OfficialEntity, Participant } from '../../../lib/types';
import { BRUNNER, draft, freshDb, NAQVI, QUINTIN, source } from './helpers';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Every stored row with its derived fields, so "restored exactly" compares what IndexedDB holds. */
async function snapshot(db: CounterpartDB) {
  const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b)));
  return {
    engagements: byKey(await db.engagements.toArray(), (r) => r.id),
    sources: byKey(await db.sources.toArray(), (r) => r.id),
    captures: byKey(await db.captures.toArray(), (r) => r.sourceId),
    entities: byKey(await db.entities.toArray(), (r) => r.id),
    passages: byKey(await db.passages.toArray(), (r) => r.id),
    dismissed: await db.dismissed.toArray(),
  };
}

/** Every engagement row holds exactly the index fields its primary fields give. */
async function expectIndexesConsistent(db: CounterpartDB) {
  for (const row of await db.engagements.toArray()) expect(row).toEqual(toStoredEngagement(stripEngagement(row)));
}

const T0 = Date.UTC(2025, 11, 12);

async function twoOutlets(db: CounterpartDB) {
  const a = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'Outlet A'), 'captured', T0));
  const b = unwrap(
    await recordEngagement(
      db,
      draft({ date: '2025-12-13' }),
      source('https://b.example/2', 'Outlet B', '2025-12-13'),
      'captured',
      T0 + 1,
    ),
  );
  expect(b.engagementId).toBe(a.engagementId);
  return { id: a.engagementId, a, b };
}

function asEdit(e: Engagement, over: Partial<EngagementDraft> = {}): EngagementDraft {
  const { kind, participants, countries, place, date, datePrecision, topics, figures, summary } = e;
  return { kind, participants, countries, place, date, datePrecision, topics, figures, summary, ...over };
}

describe('checkEdit', () => {
  const ok = draft();
  it.each<[string, Partial<EngagementDraft>, RegExp]>([
    ['no participant', { participants: [] }, /at least one participant/],
    ['a participant without a name', { participants: [{ name: '  ', country: 'PK' }] }, /Participant 1 has no name/],
    ['a country that is no code', { participants: [{ name: 'A B', country: 'Pakistan' }] }, /two-letter code/],
    ['an extra country that is no code', { countries: ['BEL'] }, /"BEL" is not a two-letter country code/],
    ['a day that does not exist', { date: '2025-02-30', datePrecision: 'day' }, /not a date/],
    ['a month date given as a day', { date: '2025-12', datePrecision: 'day' }, /not a date/],
    ['an unknown kind', { kind: 'party' as EngagementDraft['kind'] }, /not a kind of engagement/],
    ['an unknown topic', { topics: ['weather' as EngagementDraft['topics'][number]] }, /not a known topic/],
  ])('refuses %s', (_, over, message) => {
    expect(() => checkEdit({ ...ok, ...over })).toThrow(message);
  });

  it('trims, upper-cases codes and keeps the participants’ countries', () => {
    const e = checkEdit({
      ...ok,
      participants: [{ name: '  Mohsin   Naqvi ', country: 'pk', role: ' Interior Minister ' }],
      countries: ['be'],
      place: '  ',
      date: '2025-12',
      datePrecision: 'month',
    });
    expect(e.participants).toEqual([{ name: 'Mohsin Naqvi', country: 'PK', role: 'Interior Minister' }]);
    expect(e.countries).toEqual(['PK', 'BE']);
    expect(e.place).toBeNull();
    expect(e.date).toBe('2025-12');
  });
});

describe('editEngagement', () => {
  it('changes kind, place, date and topics, and the indexes follow', async () => {
    const db = freshDb();
    const { id } = await twoOutlets(db);
    const before = (await getEngagement(db, id)) as Engagement;
    const r = unwrap(
      await editEngagement(
        db,
        id,
        asEdit(before, {
          kind: 'call',
          place: 'Antwerp',
          date: '2025-11-30',
          datePrecision: 'day',
          topics: ['narcotics'],
        }),
        T0 + 5,
      ),
    );
    expect(r.value.engagement).toMatchObject({ kind: 'call', place: 'Antwerp', date: '2025-11-30', updatedAt: T0 + 5 });
    await expectIndexesConsistent(db);
    expect((await queryEngagements(db, { topic: 'narcotics' })).map((e) => e.id)).toEqual([id]);
    expect(await queryEngagements(db, { topic: 'illegal-migration' })).toEqual([]);
    expect((await queryEngagements(db, { text: 'antwerp' })).map((e) => e.id)).toEqual([id]);
    expect(await queryEngagements(db, { from: '2025-12-01' })).toEqual([]);
    // Sources stay with the engagement.
    expect((await sourcesFor(db, [id]))[id]).toHaveLength(2);
  });

  it('gives a clear error and changes nothing on bad input or a missing engagement', async () => {
    const db = freshDb();
    const { id } = await twoOutlets(db);
    const before = await snapshot(db);
    const e = (await getEngagement(db, id)) as Engagement;
    expect(await editEngagement(db, id, asEdit(e, { date: '12/12/2025' }))).toEqual({
      ok: false,
      error: '"12/12/2025" is not a date of this precision (e.g. 2025-12-12, 2025-12 or 2025).',
    });
    expect(await editEngagement(db, 'eng:gone', asEdit(e))).toEqual({
      ok: false,
      error: 'This engagement is no longer in the timeline.',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("corrects an official's country everywhere, in the gazetteer, and detection uses it", async () => {
    const db = freshDb();
    await seedDatabase(db);
    const rossi: Participant = { name: 'Aldo Rossini', role: 'Interior Minister', country: 'BE' };
    const first = unwrap(
      await recordEngagement(db, draft({ participants: [NAQVI, rossi] }), source('https://a.example/r', 'A')),
    );
    const second = unwrap(
      await recordEngagement(
        db,
        draft({ participants: [BRUNNER, rossi], date: '2026-03-02', place: 'Rome' }),
        source('https://b.example/r', 'B', '2026-03-02'),
      ),
    );
    expect(second.engagementId).not.toBe(first.engagementId);
    // Linked to one entity on both, as the detector's discovered officials are.
    for (const id of [first.engagementId, second.engagementId]) {
      const e = (await getEngagement(db, id)) as Engagement;
      await editEngagement(
        db,
        id,
        asEdit(e, {
          participants: e.participants.map((p) =>
            p.name === rossi.name ? { ...p, entityId: 'official:aldo-rossini' } : p,
          ),
        }),
      );
    }
    const text = 'Interior Minister Aldo Rossini spoke to reporters on Tuesday.';
    const detectWith = async () =>
      createDetector(buildGazetteer({ officials: (await listEntities(db, 'official')) as OfficialEntity[] }))
        .detect(text, { date: '2026-03-05' })
        .officials.find((o) => o.name === 'Aldo Rossini');
    expect((await detectWith())?.country).not.toBe('IT');

    const e = (await getEngagement(db, first.engagementId)) as Engagement;
    const edited = asEdit(e, {
      participants: e.participants.map((p) => (p.name === rossi.name ? { ...p, country: 'IT' } : p)),
    });
    const r = unwrap(await editEngagement(db, first.engagementId, edited, T0 + 9));
    expect(r.value.officials).toEqual([
      expect.objectContaining({
        id: 'official:aldo-rossini',
        country: 'IT',
        offices: [{ office: 'Interior Minister', country: 'IT' }],
      }),
    ]);
    const other = (await getEngagement(db, second.engagementId)) as Engagement;
    expect(other.participants.find((p) => p.name === rossi.name)?.country).toBe('IT');
    // BE was only there for the wrongly placed minister; the other side's country stays.
    expect(other.countries.sort()).toEqual(['EU', 'IT']);
    expect((await queryEngagements(db, { country: 'IT' })).map((x) => x.id).sort()).toEqual(
      [first.engagementId, second.engagementId].sort(),
    );
    await expectIndexesConsistent(db);
    expect((await detectWith())?.country).toBe('IT');

    // Undo puts every row back, the gazetteer included.
    const before = r.undo;
    unwrap(await undoCorrection(db, before));
    expect(await getEntity(db, 'official:aldo-rossini')).toBeNull();
    expect((await getEngagement(db, second.engagementId))?.countries.sort()).toEqual(['BE', 'EU']);
  });

  it("the reader's correction outranks the built-in data of a seeded official", async () => {
    const db = freshDb();
    await seedDatabase(db);
    const seed = (await getEngagement(db, SEED_ENGAGEMENTS[1].id)) as Engagement;
    const quintin = seed.participants.find((p) => p.entityId === QUINTIN.entityId) as Participant;
    unwrap(
      await editEngagement(
        db,
        seed.id,
        asEdit(seed, {
          participants: seed.participants.map((p) =>
            p === quintin ? { ...p, country: 'LU', role: 'Minister of Home Affairs' } : p,
          ),
        }),
      ),
    );
    const official = (await getEntity(db, QUINTIN.entityId as string)) as OfficialEntity;
    expect(official.country).toBe('LU');
    expect(official.offices[0]).toEqual({ office: 'Minister of Home Affairs', country: 'LU' });
    // Re-seeding at the next start leaves the reader's version alone.
    await seedDatabase(db);
    expect(((await getEntity(db, QUINTIN.entityId as string)) as OfficialEntity).country).toBe('LU');
    const found = createDetector(
      buildGazetteer({ officials: (await listEntities(db, 'official')) as OfficialEntity[] }),
    )
      .detect('Bernard Quintin said the talks went well.', { date: '2026-01-10' })
      .officials.find((o) => o.entityId === QUINTIN.entityId);
    expect(found?.country).toBe('LU');
    expect(SEED_OFFICIALS.find((o) => o.id === QUINTIN.entityId)?.country).toBe('BE');
  });
});

describe('updateOfficialEverywhere (the options page)', () => {
  it("carries an official's new country and renamed office to every engagement of theirs", async () => {
    const db = freshDb();
    await seedDatabase(db);
    const seed = SEED_ENGAGEMENTS[1];
    const quintin = (await getEntity(db, 'official:bernard-quintin')) as OfficialEntity;
    const r = unwrap(
      await updateOfficialEverywhere(db, quintin.id, {
        country: 'NL',
        offices: [{ office: 'Minister of Justice', country: 'NL' }],
      }),
    );
    expect(r.country).toBe('NL');
    const e = (await getEngagement(db, seed.id)) as Engagement;
    const p = e.participants.find((x) => x.entityId === quintin.id);
    expect(p?.country).toBe('NL');
    expect(e.countries).toContain('NL');
    expect(e.countries).not.toContain('BE');
    await expectIndexesConsistent(db);
    // An edit that changes neither leaves the engagements alone.
    const before = await snapshot(db);
    unwrap(await updateOfficialEverywhere(db, quintin.id, { aliases: ['B. Quintin'] }));
    expect((await snapshot(db)).engagements).toEqual(before.engagements);
  });
});

describe('removeEngagement and undo', () => {
  it('deletes with its sources and capture records, keeps the passages, and undo restores every row exactly', async () => {
    const db = freshDb();
    const { id, a } = await twoOutlets(db);
    const passage = unwrap(
      await savePassage(db, {
        url: 'https://a.example/1',
        title: 'A',
        outlet: 'Outlet A',
        published: '2025-12-12',
        selectors: { quote: { exact: 'met in Brussels', prefix: '', suffix: '' }, position: { start: 0, end: 15 } },
        entityIds: ['official:mohsin-naqvi'],
      }),
    );
    const before = await snapshot(db);
    const r = unwrap(await removeEngagement(db, id));
    expect(await db.engagements.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
    expect(await passagesForUrl(db, 'https://a.example/1')).toEqual([passage]);
    expect(await countEngagementsFor(db, ['official:mohsin-naqvi'])).toEqual({ 'official:mohsin-naqvi': 0 });

    unwrap(await undoCorrection(db, r.undo));
    expect(await snapshot(db)).toEqual(before);
    // The restored capture record still undoes that capture.
    expect(unwrap(await undoCapture(db, id, a.sourceId as string))).toEqual({
      engagementRemoved: false,
      engagementRestored: false,
    });
  });

  it('a deleted seed engagement is labelled dismissed and not seeded again; undo brings it back', async () => {
    const db = freshDb();
    await seedDatabase(db);
    const seed = SEED_ENGAGEMENTS[0];
    const r = unwrap(await removeEngagement(db, seed.id));
    expect(unwrap(await seedDatabase(db))).toEqual({ entities: 0, engagements: 0, sources: 0 });
    expect(await getEngagement(db, seed.id)).toBeNull();
    expect(await db.sources.where('engagementId').equals(seed.id).count()).toBe(0);
    unwrap(await undoCorrection(db, r.undo));
    expect(await getEngagement(db, seed.id)).toEqual(seed);
    expect(await db.dismissed.count()).toBe(0);
    expect(await db.sources.count()).toBe(SEED_SOURCES.length);
  });

  it('refuses to undo over a later change', async () => {
    const db = freshDb();
    const { id } = await twoOutlets(db);
    const e = (await getEngagement(db, id)) as Engagement;
    const r = unwrap(await editEngagement(db, id, asEdit(e, { place: 'Ghent' }), T0 + 3));
    unwrap(await editEngagement(db, id, asEdit(e, { place: 'Liège' }), T0 + 4));
    expect(await undoCorrection(db, r.undo)).toEqual({
      ok: false,
      error: 'This engagement has changed since, so the correction cannot be undone.',
    });
    expect((await getEngagement(db, id))?.place).toBe('Liège');
  });
});

describe('mergeEngagements', () => {
  async function twoEngagements(db: CounterpartDB) {
    const x = unwrap(
      await recordEngagement(
        db,
        draft({ participants: [NAQVI, BRUNNER], date: '2025-12-11', place: null, topics: ['narcotics'] }),
        source('https://x.example/1', 'X', '2025-12-11'),
      ),
    );
    const y = unwrap(
      await recordEngagement(
        db,
        draft({
          participants: [QUINTIN],
          date: '2025-12-20',
          place: 'Brussels',
          kind: 'visit',
          topics: ['visas-consular'],
        }),
        source('https://y.example/1', 'Y', '2025-12-20'),
      ),
    );
    // The same article filed under both (the reader's second save): kept once after the merge.
    await db.sources.add({
      ...source('https://x.example/1', 'X', '2025-12-11'),
      id: 'src:dup',
      engagementId: y.engagementId,
    });
    expect(x.engagementId).not.toBe(y.engagementId);
    return { target: y.engagementId, other: x.engagementId };
  }

  it('unites sources and participants, the earlier date wins, and undo restores both', async () => {
    const db = freshDb();
    const { target, other } = await twoEngagements(db);
    const before = await snapshot(db);
    const r = unwrap(await mergeEngagements(db, target, other, 'earlier', T0 + 7));
    expect(await db.engagements.count()).toBe(1);
    expect(r.value).toMatchObject({
      id: target,
      kind: 'visit',
      place: 'Brussels',
      date: '2025-12-11',
      updatedAt: T0 + 7,
    });
    expect(r.value.participants.map((p) => p.name)).toEqual(['Bernard Quintin', 'Mohsin Naqvi', 'Magnus Brunner']);
    expect(r.value.topics).toEqual(['visas-consular', 'narcotics']);
    const urls = (await sourcesFor(db, [target]))[target].map((s) => s.url).sort();
    expect(urls).toEqual(['https://x.example/1', 'https://y.example/1']);
    expect(await countEngagementsFor(db, ['official:magnus-brunner'])).toEqual({ 'official:magnus-brunner': 1 });
    expect((await db.captures.toArray()).every((c) => c.engagementId === target)).toBe(true);
    await expectIndexesConsistent(db);

    unwrap(await undoCorrection(db, r.undo));
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the date the reader picks', async () => {
    const db = freshDb();
    const { target, other } = await twoEngagements(db);
    expect(unwrap(await mergeEngagements(db, target, other, 'target')).value.date).toBe('2025-12-20');
  });

  it.each<[string | null, string | null, 'earlier' | 'target' | 'other', string | null]>([
    ['2025-12-20', '2025-12-11', 'earlier', '2025-12-11'],
    ['2025-12-11', '2025-12-20', 'earlier', '2025-12-11'],
    [null, '2025-12-20', 'earlier', '2025-12-20'],
    ['2025-12-20', null, 'other', '2025-12-20'],
    ['2025-12-20', '2025-12', 'earlier', '2025-12'],
    ['2025-12-20', '2025-12-11', 'target', '2025-12-20'],
  ])('target %s, other %s, %s → %s', (a, b, pick, want) => {
    const e = (date: string | null) => ({ ...toEngagement(), date, datePrecision: date ? ('day' as const) : null });
    expect(mergedDate(e(a), e(b), pick).date).toBe(want);
  });

  it('refuses one engagement twice or a missing one', async () => {
    const db = freshDb();
    const { target } = await twoEngagements(db);
    expect(await mergeEngagements(db, target, target)).toEqual({
      ok: false,
      error: 'Pick two different engagements to merge.',
    });
    expect(await mergeEngagements(db, target, 'eng:gone')).toEqual({
      ok: false,
      error: 'This engagement is no longer in the timeline.',
    });
  });
});

function toEngagement(): Engagement {
  return { ...draft(), id: 'eng:x', participantIds: [], countryPairs: [], origin: 'user', createdAt: 0, updatedAt: 0 };
}

describe('splitSource', () => {
  it('moves one source into an engagement of its own; undo puts it back', async () => {
    const db = freshDb();
    const { id, b } = await twoOutlets(db);
    const before = await snapshot(db);
    const r = unwrap(await splitSource(db, b.sourceId as string, T0 + 8));
    expect(r.value.id).not.toBe(id);
    expect(r.value).toMatchObject({ origin: 'user', participants: (await getEngagement(db, id))?.participants });
    const sources = await sourcesFor(db, [id, r.value.id]);
    expect(sources[id].map((s) => s.url)).toEqual(['https://a.example/1']);
    expect(sources[r.value.id].map((s) => s.url)).toEqual(['https://b.example/2']);
    await expectIndexesConsistent(db);
    // Undoing that capture now takes away the split-out engagement only.
    const c = await db.captures.get(b.sourceId as string);
    expect(c?.engagementId).toBe(r.value.id);

    unwrap(await undoCorrection(db, r.undo));
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses an engagement's only source", async () => {
    const db = freshDb();
    const a = unwrap(await recordEngagement(db, draft(), source('https://a.example/1', 'A')));
    expect(await splitSource(db, a.sourceId as string)).toEqual({
      ok: false,
      error: 'This is the only source of its engagement: there is nothing to split it from.',
    });
  });
});

describe('the Save-this-article draft applies its edits when it merges', () => {
  const extracted = draft({ participants: [NAQVI, { name: 'Bernard Quinten', country: 'BE' }], place: 'Islamabad' });
  const corrected: EngagementDraft = {
    ...extracted,
    kind: 'visit',
    participants: [NAQVI, { name: 'Bernard Quintin', role: 'Minister of the Interior', country: 'BE' }],
    place: 'Brussels',
    date: '2025-12-11',
    topics: ['narcotics'],
  };
  const record = (db: CounterpartDB, url: string, d: EngagementDraft) => () =>
    recordEngagement(db, d, source(url, 'Outlet C'), 'user');

  it('onto the engagement this page was captured into', async () => {
    const db = freshDb();
    const captured = unwrap(await recordEngagement(db, extracted, source('https://c.example/1', 'Outlet C')));
    const r = unwrap(
      await saveEditedDraft(
        db,
        extracted,
        corrected,
        'https://c.example/1',
        record(db, 'https://c.example/1', corrected),
      ),
    );
    expect(r).toEqual({ engagementId: captured.engagementId, merged: true, corrected: true });
    const e = (await getEngagement(db, captured.engagementId)) as Engagement;
    expect(e).toMatchObject({ kind: 'visit', place: 'Brussels', date: '2025-12-11', topics: ['narcotics'] });
    expect(e.participants.map((p) => p.name)).toEqual(['Mohsin Naqvi', 'Bernard Quintin']);
    expect(e.participants[1].role).toBe('Minister of the Interior');
    expect(await db.engagements.count()).toBe(1);
    await expectIndexesConsistent(db);
  });

  it("onto another outlet's engagement it merges into, keeping what the reader did not touch", async () => {
    const db = freshDb();
    const first = unwrap(
      await recordEngagement(
        db,
        draft({ participants: [NAQVI, QUINTIN], topics: ['illegal-migration', 'counterterrorism'], place: null }),
        source('https://a.example/1', 'A'),
      ),
    );
    const r = unwrap(
      await saveEditedDraft(
        db,
        extracted,
        corrected,
        'https://c.example/2',
        record(db, 'https://c.example/2', corrected),
      ),
    );
    expect(r).toMatchObject({ engagementId: first.engagementId, merged: true, corrected: true });
    const e = (await getEngagement(db, first.engagementId)) as Engagement;
    // illegal-migration was ticked off in the draft; counterterrorism came from the other outlet and stays.
    expect(e.topics.sort()).toEqual(['counterterrorism', 'narcotics']);
    expect(e).toMatchObject({ kind: 'visit', place: 'Brussels', date: '2025-12-11' });
    expect((await sourcesFor(db, [first.engagementId]))[first.engagementId]).toHaveLength(2);
    // Undoing the capture still restores the engagement as it was before this article.
    const src = (await sourcesFor(db, [first.engagementId]))[first.engagementId].find((s) =>
      s.url.includes('c.example'),
    );
    unwrap(await undoCapture(db, first.engagementId, src?.id as string));
    expect((await getEngagement(db, first.engagementId))?.topics).toEqual(['illegal-migration', 'counterterrorism']);
  });

  it('changes nothing when the draft was left as extracted', async () => {
    const db = freshDb();
    await recordEngagement(db, extracted, source('https://c.example/1', 'Outlet C'));
    const before = await snapshot(db);
    const r = unwrap(
      await saveEditedDraft(
        db,
        extracted,
        extracted,
        'https://c.example/1',
        record(db, 'https://c.example/1', extracted),
      ),
    );
    expect(r.corrected).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('applyDraftEdits removes a participant the reader removed and adds one they added', () => {
    const e: Engagement = { ...toEngagement(), participants: [NAQVI, QUINTIN, BRUNNER], countries: ['PK', 'BE', 'EU'] };
    const next = applyDraftEdits(
      e,
      draft({ participants: [NAQVI, QUINTIN] }),
      draft({ participants: [NAQVI, { name: 'Ylva Berg', country: 'SE' }] }),
    );
    expect(next.participants.map((p) => p.name)).toEqual(['Mohsin Naqvi', 'Magnus Brunner', 'Ylva Berg']);
    expect(next.countries.sort()).toEqual(['EU', 'PK', 'SE']);
  });
});

describe('ordering', () => {
  it('undated engagements come after the dated ones, not at their capture day', async () => {
    const db = freshDb();
    const dated = unwrap(
      await recordEngagement(db, draft({ date: '2025-01-10' }), source('https://d.example/1', 'D'), 'captured', T0),
    );
    const undated = unwrap(
      await recordEngagement(
        db,
        draft({ participants: [BRUNNER, QUINTIN], date: null, datePrecision: null }),
        source('https://u.example/1', 'U', null),
        'captured',
        T0,
      ),
    );
    expect((await queryEngagements(db)).map((e) => e.id)).toEqual([dated.engagementId, undated.engagementId]);
    expect(await queryEngagements(db, { from: '2025-01-01' })).toHaveLength(1);
  });
});
