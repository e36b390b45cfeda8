/**
 * Data safety: whatever goes wrong while writing, what was stored before stays stored. Runs the store's own
 * functions on fake-indexeddb; the e2e suite repeats the concurrent-save case in real Chromium.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/db/backup';
import { CounterpartDB } from '../../../lib/db/schema';
import { seedDatabase } from '../../../lib/db/seed';
import { type PassageInput, recordEngagement, savePassage } from '../../../lib/db/timeline';
import type { EngagementDraft } from '../../../lib/types';

const open: CounterpartDB[] = [];
let counter = 0;

function freshDb(name = `safety-${counter++}-${Math.random().toString(36).slice(2)}`): CounterpartDB {
  const db = new CounterpartDB(name);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function snapshot(db: CounterpartDB) {
  return {
    entities: await db.entities.orderBy('id').toArray(),
    engagements: await db.engagements.orderBy('id').toArray(),
    sources: await db.sources.orderBy('id').toArray(),
    passages: await db.passages.orderBy('id').toArray(),
  };
}

function passage(exact: string, url = 'http://127.0.0.1/news/talks.html'): PassageInput {
  return {
    url,
    title: 'Talks in Brussels',
    outlet: 'Test Wire',
    published: '2025-12-12',
    selectors: { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } },
    entityIds: ['official:mohsin-naqvi'],
  };
}

function draft(i: number): EngagementDraft {
  return {
    kind: 'meeting',
    participants: [
      { name: `Official Number${i}`, entityId: `official:number-${i}`, country: 'PK' },
      { name: `Minister Other${i}`, entityId: `official:other-${i}`, country: 'BE' },
    ],
    countries: ['PK', 'BE'],
    place: 'Brussels',
    date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    datePrecision: 'day',
    topics: ['illegal-migration'],
    figures: [],
    summary: `Meeting number ${i}.`,
  };
}

/** A valid backup with `n` engagements (each with a source) and two passages, none of which the target has. */
async function backupWith(n: number) {
  const src = freshDb();
  for (let i = 0; i < n; i++) {
    const r = await recordEngagement(src, draft(i), {
      url: `http://127.0.0.1/backup/${i}.html`,
      outlet: 'Backup Wire',
      title: `Story ${i}`,
      published: '2024-06-01',
      capturedAt: Date.UTC(2024, 5, 1),
    });
    expect(r.ok).toBe(true);
  }
  await savePassage(src, passage('A passage from the backup.', 'http://127.0.0.1/backup/0.html'));
  await savePassage(src, passage('Another passage from the backup.', 'http://127.0.0.1/backup/1.html'));
  return exportBackup(src);
}

/** A timeline the reader already has: the seed plus a saved passage. */
async function existingTimeline(): Promise<CounterpartDB> {
  const db = freshDb();
  expect((await seedDatabase(db)).ok).toBe(true);
  expect((await savePassage(db, passage('Both ministers agreed to meet again.'))).ok).toBe(true);
  return db;
}

describe('a backup import interrupted halfway', () => {
  it('leaves the old data intact when a write fails in the middle of the engagements', async () => {
    const backup = await backupWith(40);
    const db = await existingTimeline();
    const before = await snapshot(db);
    let created = 0;
    db.engagements.hook('creating', () => {
      created++;
      if (created === 20) throw new DOMException('The disk went away.', 'UnknownError');
    });
    const res = await importBackup(db, backup);
    expect(res.ok).toBe(false);
    expect(created).toBeGreaterThanOrEqual(20);
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the old data intact when the transaction is aborted halfway (tab closed, browser quit)', async () => {
    const backup = await backupWith(40);
    const db = await existingTimeline();
    const before = await snapshot(db);
    let created = 0;
    db.sources.hook('creating', () => {
      created++;
      if (created === 20) Dexie.currentTransaction?.abort();
    });
    const res = await importBackup(db, backup);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/nothing was imported|rolled back/i);
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports everything once nothing interrupts it, keeping the old rows', async () => {
    const backup = await backupWith(40);
    const db = await existingTimeline();
    const before = await snapshot(db);
    const res = await importBackup(db, backup);
    expect(res.ok).toBe(true);
    const after = await snapshot(db);
    for (const e of before.engagements) expect(after.engagements).toContainEqual(e);
    for (const p of before.passages) expect(after.passages).toContainEqual(p);
    expect(after.engagements.length).toBe(before.engagements.length + 40);
    expect(after.passages.length).toBe(before.passages.length + 2);
  });
});

describe('storage full in the middle of an import', () => {
  const FULL = "Your browser's storage is full: nothing was imported. Free some space and try again.";

  /**
   * What a browser does when a write runs out of quota: the transaction aborts with `error` set to the
   * QuotaExceededError, and the requests still pending fail with a bare AbortError (fake-indexeddb's own abort).
   */
  function abortWithQuotaOnSources(db: CounterpartDB) {
    db.use({
      stack: 'dbcore',
      name: 'quota-on-sources',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'sources') return table;
          return {
            ...table,
            mutate: (req) => {
              const pending = table.mutate(req);
              if (req.type === 'add')
                (req.trans as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
              return pending;
            },
          };
        },
      }),
    });
  }

  it.each<[string, (db: CounterpartDB) => void]>([
    [
      'a row refused with QuotaExceededError',
      (db) => {
        let created = 0;
        db.sources.hook('creating', () => {
          if (++created === 20) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        });
      },
    ],
    [
      "Dexie's AbortError wrapping the QuotaExceededError",
      (db) => {
        db.engagements.hook('creating', () => {
          throw new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'));
        });
      },
    ],
    ['the transaction aborted by the browser, the other requests failing with AbortError', abortWithQuotaOnSources],
  ])('%s: says storage is full and keeps the old data', async (_name, fill) => {
    const backup = await backupWith(40);
    const db = await existingTimeline();
    const before = await snapshot(db);
    // A middleware takes effect when the database opens.
    db.close();
    fill(db);
    await db.open();
    const res = await importBackup(db, backup);
    expect(res).toEqual({ ok: false, error: FULL });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('quota exceeded while saving a passage', () => {
  it('gives a clear message and loses nothing already stored', async () => {
    const db = await existingTimeline();
    const before = await snapshot(db);
    db.passages.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const res = await savePassage(db, passage('A passage that does not fit.'));
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/storage is full.*nothing was saved/i) });
    expect(await snapshot(db)).toEqual(before);
  });

  it('says so when the quota error arrives wrapped in an aborted transaction', async () => {
    const db = await existingTimeline();
    const before = await snapshot(db);
    db.passages.hook('creating', () => {
      throw new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'));
    });
    const res = await savePassage(db, passage('Another passage that does not fit.'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/storage is full/i);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('two popups saving at once', () => {
  it('keeps both passages when two connections save in the same moment', async () => {
    const name = `safety-two-${Math.random().toString(36).slice(2)}`;
    const a = freshDb(name);
    const b = new CounterpartDB(name);
    await seedDatabase(a);
    const [ra, rb] = await Promise.all([
      savePassage(a, passage('Saved from the first popup.')),
      savePassage(b, passage('Saved from the second popup.')),
    ]);
    b.close();
    expect(ra.ok && rb.ok).toBe(true);
    const quotes = (await a.passages.toArray()).map((p) => p.selectors.quote.exact).sort();
    expect(quotes).toEqual(['Saved from the first popup.', 'Saved from the second popup.']);
  });

  it('keeps both sources when two popups save the same event from two articles at once', async () => {
    const name = `safety-two-eng-${Math.random().toString(36).slice(2)}`;
    const a = freshDb(name);
    const b = new CounterpartDB(name);
    const capturedAt = Date.UTC(2024, 5, 1);
    const [ra, rb] = await Promise.all([
      recordEngagement(a, draft(3), {
        url: 'http://127.0.0.1/a.html',
        outlet: 'A',
        title: null,
        published: null,
        capturedAt,
      }),
      recordEngagement(b, draft(3), {
        url: 'http://127.0.0.1/b.html',
        outlet: 'B',
        title: null,
        published: null,
        capturedAt,
      }),
    ]);
    b.close();
    expect(ra.ok && rb.ok).toBe(true);
    const urls = (await a.sources.toArray()).map((s) => s.url).sort();
    expect(urls).toEqual(['http://127.0.0.1/a.html', 'http://127.0.0.1/b.html']);
    // Transactions serialise the two writes, so the second sees the first and merges instead of duplicating.
    expect(await a.engagements.count()).toBe(1);
  });
});
