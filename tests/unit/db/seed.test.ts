import { describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS, SEED_OFFICIALS, SEED_SOURCES } from '../../../lib/data/seed';
import { seedDatabase } from '../../../lib/db/seed';
import { getEngagement, updateEngagement } from '../../../lib/db/timeline';
import { freshDb } from './helpers';

describe('seedDatabase', () => {
  it('adds the seed officials, engagements and sources on first install', async () => {
    const db = freshDb();
    const r = await seedDatabase(db);
    expect(r).toEqual({
      ok: true,
      value: { entities: SEED_OFFICIALS.length, engagements: SEED_ENGAGEMENTS.length, sources: SEED_SOURCES.length },
    });
    expect(await db.entities.count()).toBe(SEED_OFFICIALS.length);
    expect(await db.engagements.count()).toBe(SEED_ENGAGEMENTS.length);
    expect(await db.sources.count()).toBe(SEED_SOURCES.length);
    expect(await getEngagement(db, SEED_ENGAGEMENTS[0].id)).toEqual(SEED_ENGAGEMENTS[0]);
  });

  it('is idempotent and never overwrites what the reader edited', async () => {
    const db = freshDb();
    await seedDatabase(db);
    const seed = SEED_ENGAGEMENTS[1];
    const edited = await updateEngagement(db, seed.id, { ...seed, summary: 'My own summary.' }, 5);
    expect(edited.ok).toBe(true);
    await db.entities.delete(SEED_OFFICIALS[2].id);

    const again = await seedDatabase(db);
    expect(again).toEqual({ ok: true, value: { entities: 1, engagements: 0, sources: 0 } });
    expect(await db.engagements.count()).toBe(SEED_ENGAGEMENTS.length);
    expect(await db.sources.count()).toBe(SEED_SOURCES.length);
    expect((await getEngagement(db, seed.id))?.summary).toBe('My own summary.');
  });
});
