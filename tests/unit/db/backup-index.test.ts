/**
 * An import never trusts the index fields a file carries: what the indexes hold follows from the primary fields,
 * within the caps of `limits.ts`, and no id can be filed under another entity's key.
 */
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/db/backup';
import { countryPairsOf, participantIdsOf, toStoredEngagement } from '../../../lib/db/derive';
import { INDEX_LIMITS } from '../../../lib/db/limits';
import type { CounterpartDB } from '../../../lib/db/schema';
import { countEngagementsFor } from '../../../lib/db/timeline';
import type { Engagement } from '../../../lib/types';
import { backupOf } from './backup-of';
import { draft, freshDb, NAQVI, QUINTIN } from './helpers';

function engagement(i: number, over: Partial<Engagement> = {}): Engagement {
  const d = draft({ date: `2025-12-${String(10 + i).padStart(2, '0')}`, summary: `Talks number ${i} in Brussels.` });
  return {
    ...d,
    id: `eng:${i}`,
    participantIds: participantIdsOf(d.participants),
    countryPairs: countryPairsOf(d.countries, d.participants),
    origin: 'captured',
    createdAt: Date.UTC(2025, 11, 12),
    updatedAt: Date.UTC(2025, 11, 12),
    ...over,
  };
}

/** Every key of every multi-entry index of the engagements table. */
async function indexKeys(db: CounterpartDB): Promise<number> {
  let n = 0;
  for (const index of ['facets', 'participantIds', 'countries', 'countryPairs', 'topics']) {
    n += (await db.engagements.orderBy(index).keys()).length;
  }
  return n;
}

describe('import re-derives index fields from the primary fields', () => {
  it('three engagements whose file carries huge index lists store only the keys their fields give', async () => {
    const forged = Array.from({ length: 3 }, (_, i) => ({
      ...engagement(i),
      // What the file claims; a file of under a megabyte, each list multiplied into combined keys by the old import.
      countryPairs: Array.from({ length: 20_000 }, (_, j) => `A${j}|B${j}`),
      participantIds: Array.from({ length: 200 }, (_, j) => `official:ghost-${j}`),
      // Index fields proper are not part of the format at all.
      facets: Array.from({ length: 10_000 }, (_, j) => `p:official:ghost|${j}`),
      words: Array.from({ length: 10_000 }, (_, j) => `word${j}`),
      sortDate: '9999-12-31',
    }));
    const json = JSON.stringify(backupOf({ engagements: forged }));
    expect(json.length).toBeLessThan(2 * 1024 * 1024);

    const db = freshDb();
    const r = await importBackup(db, json);
    expect(r).toEqual({ ok: true, value: { added: 3, skipped: 0, replaced: 0 } });
    for (let i = 0; i < 3; i++) {
      const row = await db.engagements.get(`eng:${i}`);
      expect(row).toEqual(toStoredEngagement(engagement(i)));
      expect(row?.countryPairs).toEqual(['BE|PK']);
      expect(row?.participantIds).toEqual(['official:bernard-quintin', 'official:mohsin-naqvi']);
    }
    // A handful of keys per engagement, not the ~600,000 the forged lists used to produce.
    expect(await indexKeys(db)).toBeLessThan(3 * 60);
    expect(await countEngagementsFor(db, ['official:ghost-1'])).toEqual({ 'official:ghost-1': 0 });
  });

  it('an engagement with 200 people and 200 countries stays under the per-record key cap', async () => {
    const participants = Array.from({ length: 200 }, (_, i) => ({
      name: `Official Number${i}`,
      entityId: `official:number-${i}`,
      country: `C${i}`,
    }));
    const big = engagement(0, {
      participants,
      countries: participants.map((p) => p.country),
      topics: ['illegal-migration', 'narcotics', 'cybercrime', 'extradition'],
      summary: Array.from({ length: 3000 }, (_, i) => `term${i}`).join(' '),
    });
    const db = freshDb();
    expect((await importBackup(db, backupOf({ engagements: [big] }))).ok).toBe(true);
    const row = await db.engagements.get('eng:0');
    expect(row?.facets.length).toBeLessThanOrEqual(INDEX_LIMITS.facetKeys);
    expect(row?.words).toHaveLength(INDEX_LIMITS.words);
    expect(row?.countryPairs).toHaveLength((INDEX_LIMITS.pairCountries * (INDEX_LIMITS.pairCountries - 1)) / 2);
    // Every person and country is still findable on its own.
    expect(await countEngagementsFor(db, ['official:number-199', 'country:C199'])).toEqual({
      'official:number-199': 1,
      'country:C199': 1,
    });
  });
});

describe('an id holding an index separator cannot be counted under another entity', () => {
  it.each<[string, (e: Engagement) => Engagement, RegExp]>([
    [
      'a participant id with "|"',
      (e) => ({ ...e, participants: [{ ...NAQVI, entityId: 'official:mohsin-naqvi|2099-12-31' }, QUINTIN] }),
      /engagements\[0\]\.participants\[0\]\.entityId: An id cannot contain "\|", "\+" or "&"/,
    ],
    [
      'a participant id with "+" (read as a pair)',
      (e) => ({ ...e, participants: [{ ...NAQVI, entityId: 'official:mohsin-naqvi+official:x' }, QUINTIN] }),
      /engagements\[0\]\.participants\[0\]\.entityId: An id cannot contain/,
    ],
    [
      'a country code with "|"',
      (e) => ({ ...e, countries: ['PK|2099-12-31', 'BE'] }),
      /engagements\[0\]\.countries\[0\]: A country code cannot contain/,
    ],
    [
      'a participant\'s country with "&"',
      (e) => ({ ...e, participants: [{ ...NAQVI, country: 'PK&narcotics' }, QUINTIN] }),
      /engagements\[0\]\.participants\[0\]\.country: A country code cannot contain/,
    ],
  ])('%s is refused', async (_name, forge, message) => {
    const db = freshDb();
    const r = await importBackup(db, backupOf({ engagements: [forge(engagement(0))] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
    expect(await countEngagementsFor(db, ['official:mohsin-naqvi', 'country:PK'])).toEqual({
      'official:mohsin-naqvi': 0,
      'country:PK': 0,
    });
  });

  it('a forged participantIds list is ignored: the count follows the participants', async () => {
    const db = freshDb();
    const forged = engagement(0, {
      participants: [QUINTIN],
      participantIds: ['official:mohsin-naqvi|2099-12-31', 'official:mohsin-naqvi'],
    });
    expect((await importBackup(db, backupOf({ engagements: [forged] }))).ok).toBe(true);
    expect(await countEngagementsFor(db, ['official:mohsin-naqvi', 'official:bernard-quintin'])).toEqual({
      'official:mohsin-naqvi': 0,
      'official:bernard-quintin': 1,
    });
  });
});
