import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS, SEED_OFFICIALS, SEED_SOURCES } from '../../../lib/data/seed';
import {
  stripEngagement,
  stripEntity,
  stripPassage,
  toStoredEngagement,
  toStoredEntity,
  toStoredPassage,
} from '../../../lib/db/derive';
import { compareNewestFirst, type EngagementFilter, matchesFilter } from '../../../lib/db/query-plan';
import { CounterpartDB, CURRENT_SCHEMA_VERSION, declareVersions, SCHEMA_VERSIONS } from '../../../lib/db/schema';
import {
  findEntitiesByName,
  queryEngagements,
  searchPassages,
  sourcesFor,
  sourcesForUrl,
} from '../../../lib/db/timeline';
import { normaliseUrl } from '../../../lib/db/url';
import type { Engagement, Passage } from '../../../lib/types';
import { syntheticEngagements } from '../../../scripts/bench/db-bench';

const PASSAGE: Passage = {
  id: 'passage:old',
  url: 'https://news.example/a',
  title: 'Ministers meet',
  outlet: 'News',
  published: '2025-12-12',
  selectors: {
    quote: { exact: 'cooperation against smuggling networks', prefix: 'pledged ', suffix: ' and' },
    position: { start: 120, end: 158 },
  },
  entityIds: ['official:mohsin-naqvi'],
  note: 'follow up',
  tags: ['smuggling'],
  createdAt: 1,
  updatedAt: 2,
};

/** Primary-key order, as IndexedDB returns rows. */
function byId<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Opens a database exactly as an earlier release declared it (the first `upTo` versions, nothing newer). */
function openAt(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  declareVersions(
    db,
    SCHEMA_VERSIONS.filter((v) => v.version <= upTo),
  );
  return db;
}

describe('schema migrations', () => {
  it('is declared as a list ending at the current version', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(CURRENT_SCHEMA_VERSION).toBe(5);
  });

  it('v1 → current keeps every row and backfills the new indexes', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    // Rows as release 1 wrote them: the shared types only, no derived fields.
    const old = openAt(name, 1);
    await old.table('entities').bulkAdd(SEED_OFFICIALS);
    await old.table('engagements').bulkAdd(SEED_ENGAGEMENTS);
    await old.table('sources').bulkAdd(SEED_SOURCES);
    await old.table('passages').add(PASSAGE);
    expect(old.verno).toBe(1);
    old.close();

    const db = new CounterpartDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect((await db.entities.toArray()).map(stripEntity)).toEqual(byId(SEED_OFFICIALS));
      expect((await db.engagements.toArray()).map(stripEngagement)).toEqual(byId(SEED_ENGAGEMENTS));
      // v4 stores every source under its one address (`normaliseUrl`).
      expect(await db.sources.toArray()).toEqual(byId(SEED_SOURCES.map((s) => ({ ...s, url: normaliseUrl(s.url) }))));
      expect((await db.sources.toArray()).map((s) => s.url)).toContain(
        'https://pakistantoday.com.pk/2025/12/11/eu-hails-pakistans-exemplary-crackdown-as-naqvi-brunner-reaffirm-joint-front-against-illegal-migration',
      );
      expect((await db.passages.toArray()).map(stripPassage)).toEqual([PASSAGE]);

      // The v2 and v3 indexes answer queries over the migrated rows.
      expect((await queryEngagements(db, { text: 'quintin' })).map((e) => e.id)).toEqual([SEED_ENGAGEMENTS[1].id]);
      expect((await queryEngagements(db, { entityId: 'official:mohsin-naqvi' })).map((e) => e.id)).toEqual([
        SEED_ENGAGEMENTS[1].id,
        SEED_ENGAGEMENTS[0].id,
      ]);
      expect((await findEntitiesByName(db, 'bernard quinten')).map((e) => e.id)).toEqual(['official:bernard-quintin']);
      expect((await searchPassages(db, 'smuggling')).map((p) => p.id)).toEqual([PASSAGE.id]);
      const src = await sourcesFor(db, [SEED_ENGAGEMENTS[0].id]);
      expect(src[SEED_ENGAGEMENTS[0].id]).toHaveLength(1);
      expect(
        await db.sources
          .where('[engagementId+url]')
          .equals([SEED_SOURCES[0].engagementId, normaliseUrl(SEED_SOURCES[0].url)])
          .count(),
      ).toBe(1);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('v2 → v3 keeps every row, backfills combined and word facets, and drops the engagement words index', async () => {
    const name = `migration-v3-${Math.random().toString(36).slice(2)}`;
    const synthetic = syntheticEngagements(300, 11);
    const engagements = [...SEED_ENGAGEMENTS, ...synthetic];
    // Rows as release 2 wrote them: derived words and sortDate, and single facets only (no combined or `w:` keys).
    const v2Row = (e: Engagement) => {
      const row = toStoredEngagement(e);
      return { ...row, facets: row.facets.filter((f) => /^(p|pp|cp|c|t):/.test(f)) };
    };
    const old = openAt(name, 2);
    await old.table('entities').bulkAdd(SEED_OFFICIALS.map(toStoredEntity));
    await old.table('engagements').bulkAdd(engagements.map(v2Row));
    await old.table('sources').bulkAdd(SEED_SOURCES);
    await old.table('passages').add(toStoredPassage(PASSAGE));
    expect(old.verno).toBe(2);
    expect(await old.table('engagements').where('facets').startsWith('w:').count()).toBe(0);
    old.close();

    const db = new CounterpartDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(db.engagements.schema.idxByName.words).toBeUndefined();
      expect((await db.engagements.toArray()).map(stripEngagement)).toEqual(byId(engagements));
      expect((await db.entities.toArray()).map(stripEntity)).toEqual(byId(SEED_OFFICIALS));
      // v4 stores every source under its one address (`normaliseUrl`).
      expect(await db.sources.toArray()).toEqual(byId(SEED_SOURCES.map((s) => ({ ...s, url: normaliseUrl(s.url) }))));
      expect((await db.sources.toArray()).map((s) => s.url)).toContain(
        'https://pakistantoday.com.pk/2025/12/11/eu-hails-pakistans-exemplary-crackdown-as-naqvi-brunner-reaffirm-joint-front-against-illegal-migration',
      );
      expect((await db.passages.toArray()).map(stripPassage)).toEqual([PASSAGE]);
      // Every migrated row is exactly what a v3 write produces.
      for (const row of await db.engagements.toArray()) expect(row).toEqual(toStoredEngagement(stripEngagement(row)));

      const brute = (f: EngagementFilter) =>
        engagements
          .map(toStoredEngagement)
          .filter((e) => matchesFilter(e, f))
          .sort(compareNewestFirst)
          .slice(0, 20)
          .map((e) => e.id);
      const s = synthetic[150];
      const filters: EngagementFilter[] = [
        { topic: s.topics[0], country: s.countries[0], limit: 20 },
        { entityId: s.participantIds[0], topic: s.topics[0], limit: 20 },
        { countryPair: s.countryPairs[0].split('|') as [string, string], topic: s.topics[0], limit: 20 },
        { text: s.participants[1].name.split(' ')[1], limit: 20 },
        { text: 'bruss', topic: s.topics[0], limit: 20 },
        { text: 'quintin', limit: 20 },
      ];
      for (const f of filters) {
        const got = (await queryEngagements(db, f)).map((e) => e.id);
        expect(got.length).toBeGreaterThan(0);
        expect(got).toEqual(brute(f));
      }
      // The combined key holds topic + country without reading any other row.
      const tc = `c+t:${s.countries[0]}&${s.topics[0]}`;
      expect(await db.engagements.where('facets').between(`${tc}|`, `${tc}|\uffff`).primaryKeys()).toContain(s.id);
      expect((await searchPassages(db, 'smuggl')).map((p) => p.id)).toEqual([PASSAGE.id]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('v3 → v4 keeps every row, moves undated engagements after the dated ones, and starts with nothing dismissed', async () => {
    const name = `migration-v4-${Math.random().toString(36).slice(2)}`;
    const undated: Engagement = {
      ...SEED_ENGAGEMENTS[0],
      id: 'eng:undated',
      date: null,
      datePrecision: null,
      createdAt: Date.UTC(2026, 5, 1),
    };
    const engagements = [...SEED_ENGAGEMENTS, undated];
    // As release 3 wrote them: an undated engagement filed at its capture day.
    const v3Row = (e: Engagement) => {
      const day = e.date ?? new Date(e.createdAt).toISOString().slice(0, 10);
      const row = toStoredEngagement(e);
      return { ...row, sortDate: day, facets: row.facets.map((f) => f.replace(/\|$/, `|${day}`)) };
    };
    const old = openAt(name, 3);
    await old.table('entities').bulkAdd(SEED_OFFICIALS.map(toStoredEntity));
    await old.table('engagements').bulkAdd(engagements.map(v3Row));
    await old.table('sources').bulkAdd(SEED_SOURCES);
    await old.table('passages').add(toStoredPassage(PASSAGE));
    old.close();

    const db = new CounterpartDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect((await db.engagements.toArray()).map(stripEngagement)).toEqual(byId(engagements));
      for (const row of await db.engagements.toArray()) expect(row).toEqual(toStoredEngagement(stripEngagement(row)));
      // v5 then stores every source under its one address.
      expect(await db.sources.toArray()).toEqual(byId(SEED_SOURCES.map((x) => ({ ...x, url: normaliseUrl(x.url) }))));
      expect((await db.passages.toArray()).map(stripPassage)).toEqual([PASSAGE]);
      expect(await db.dismissed.count()).toBe(0);
      const ids = (await queryEngagements(db, { entityId: 'official:mohsin-naqvi' })).map((e) => e.id);
      expect(ids).toEqual([SEED_ENGAGEMENTS[1].id, SEED_ENGAGEMENTS[0].id, undated.id]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('v4 → v5 stores every source under its one address and adds the remembered answers', async () => {
    const name = `migration-v5-${Math.random().toString(36).slice(2)}`;
    const old = openAt(name, 4);
    await old.table('engagements').bulkAdd(SEED_ENGAGEMENTS.map(toStoredEngagement));
    const tracked = {
      ...SEED_SOURCES[1],
      url: `http://www.islamabadmail.com/pakistan-belgium-security-cooperation/?utm_source=x#top`,
    };
    await old.table('sources').bulkAdd([SEED_SOURCES[0], tracked]);
    old.close();

    const db = new CounterpartDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(5);
      const byUrl = await sourcesForUrl(db, 'https://islamabadmail.com/pakistan-belgium-security-cooperation?fbclid=1');
      expect(byUrl.map((s) => s.id)).toEqual([SEED_SOURCES[1].id]);
      // The scheme is kept (an http-only site must still open); lookups ask for both.
      expect(byUrl[0].url).toBe('http://islamabadmail.com/pakistan-belgium-security-cooperation');
      await db.sameEventAnswers.put({ url: byUrl[0].url, engagementId: SEED_ENGAGEMENTS[0].id, same: false, at: 1 });
      expect(await db.sameEventAnswers.where('url').equals(byUrl[0].url).count()).toBe(1);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('every version opens an empty database of the version before it', async () => {
    for (const v of SCHEMA_VERSIONS.slice(1)) {
      const name = `migration-empty-${v.version}-${Math.random().toString(36).slice(2)}`;
      const before = openAt(name, v.version - 1);
      await before.open();
      before.close();
      const after = openAt(name, v.version);
      await after.open();
      expect(after.verno).toBe(v.version);
      after.close();
      await after.delete();
    }
  });
});
