/**
 * First-install and update seeding. Seeds are added only where their id is missing, so a reinstall or update
 * never duplicates them and never overwrites a seed row the reader has since edited.
 */
import { SEED_ENGAGEMENTS, SEED_OFFICIALS, SEED_SOURCES } from '../data/seed';
import type { Result } from '../types';
import { toStoredEngagement, toStoredEntity } from './derive';
import { safeWrite } from './errors';
import type { CounterpartDB } from './schema';
import { normaliseUrl } from './url';

export interface SeedCounts {
  entities: number;
  engagements: number;
  sources: number;
}

async function missing<T extends { id: string }>(
  table: { bulkGet(keys: string[]): Promise<(unknown | undefined)[]> },
  rows: readonly T[],
): Promise<T[]> {
  const existing = await table.bulkGet(rows.map((r) => r.id));
  return rows.filter((_, i) => existing[i] === undefined);
}

/**
 * Adds the seed officials, engagements and sources that are not stored yet; returns how many were added. Seed
 * engagements the reader deleted (`dismissed`) stay deleted, and so do their sources.
 */
export function seedDatabase(db: CounterpartDB): Promise<Result<SeedCounts>> {
  return safeWrite(() =>
    db.transaction('rw', [db.entities, db.engagements, db.sources, db.dismissed], async () => {
      const dismissed = new Set((await db.dismissed.toCollection().primaryKeys()).map(String));
      const entities = await missing(db.entities, SEED_OFFICIALS);
      const engagements = (await missing(db.engagements, SEED_ENGAGEMENTS)).filter((e) => !dismissed.has(e.id));
      const sources = (await missing(db.sources, SEED_SOURCES)).filter((s) => !dismissed.has(s.engagementId));
      await db.entities.bulkAdd(entities.map(toStoredEntity));
      await db.engagements.bulkAdd(engagements.map(toStoredEngagement));
      await db.sources.bulkAdd(sources.map((s) => ({ ...s, url: normaliseUrl(s.url) })));
      return { entities: entities.length, engagements: engagements.length, sources: sources.length };
    }),
  );
}
