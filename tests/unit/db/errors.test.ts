import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { safeWrite, storageErrorMessage, TransactionFailure, UserError } from '../../../lib/db/errors';
import { seedDatabase } from '../../../lib/db/seed';
import { recordEngagement, savePassage } from '../../../lib/db/timeline';
import { draft, freshDb, source } from './helpers';

const QUOTA = "Your browser's storage is full: nothing was saved. Free some space or export and clear old data.";

async function snapshot(db: ReturnType<typeof freshDb>) {
  return {
    engagements: await db.engagements.toArray(),
    sources: await db.sources.toArray(),
    captures: await db.captures.toArray(),
    passages: await db.passages.toArray(),
  };
}

describe('storage errors', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), QUOTA],
    [new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')), QUOTA],
    [new Dexie.DatabaseClosedError('closed'), 'closed'],
    [new Dexie.ConstraintError('dup'), 'already stored'],
    [new Dexie.AbortError('aborted'), 'rolled back'],
    [new Error('weird'), 'weird'],
  ])('%s', (error, expected) => {
    expect(storageErrorMessage(error)).toContain(expected);
  });

  const IMPORT_FULL = "Your browser's storage is full: nothing was imported. Free some space and try again.";
  const abort = () => new DOMException('aborted', 'AbortError');
  const quota = () => new DOMException('full', 'QuotaExceededError');
  it.each<[string, unknown, string]>([
    ['a QuotaExceededError', quota(), IMPORT_FULL],
    ["Dexie's AbortError around it", new Dexie.AbortError('aborted', quota()), IMPORT_FULL],
    [
      'a BulkError whose first rows were aborted and a later one ran out of quota',
      new Dexie.BulkError('3 of 3 failed', { 0: abort(), 1: abort(), 2: quota() }),
      IMPORT_FULL,
    ],
    ["the transaction's own error behind a bare AbortError", new TransactionFailure(abort(), quota()), IMPORT_FULL],
    [
      'a BulkError of aborted rows only',
      new Dexie.BulkError('2 of 2 failed', { 0: abort(), 1: abort() }),
      'The change was interrupted and rolled back: nothing was imported. Try again.',
    ],
    ['a message meant for the reader', new UserError('Not this one.'), 'Not this one.'],
    ['anything else', new Error('weird'), 'Importing into the timeline failed: nothing was imported. (weird)'],
  ])('an import that fails with %s', (_name, error, expected) => {
    expect(storageErrorMessage(error, 'import')).toBe(expected);
  });

  it('a quota error while adding the source leaves the timeline as it was', async () => {
    const db = freshDb();
    await seedDatabase(db);
    const before = await snapshot(db);
    db.sources.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    // A merge into the seed (engagement put succeeds, then the source add fails) and a brand new engagement.
    const merged = await recordEngagement(db, draft({ topics: ['cybercrime'] }), source('https://c.example/1', 'C'));
    const created = await recordEngagement(db, draft({ date: '2026-05-05' }), source('https://c.example/2', 'C'));
    expect(merged).toEqual({ ok: false, error: QUOTA });
    expect(created).toEqual({ ok: false, error: QUOTA });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a quota error on put is reported for passages too', async () => {
    const db = freshDb();
    db.passages.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const r = await savePassage(db, {
      url: 'https://a.example',
      title: null,
      outlet: null,
      published: null,
      selectors: { quote: { exact: 'text', prefix: '', suffix: '' }, position: { start: 0, end: 4 } },
      entityIds: [],
    });
    expect(r).toEqual({ ok: false, error: QUOTA });
    expect(await db.passages.count()).toBe(0);
  });

  it('a closed database gives a clear message', async () => {
    const db = freshDb();
    await db.open();
    db.close();
    const r = await recordEngagement(db, draft(), source('https://a.example', 'A'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/database is closed/);
  });

  it('safeWrite passes values through', async () => {
    expect(await safeWrite(async () => 3)).toEqual({ ok: true, value: 3 });
  });
});
