/**
 * The Counterpart database. Versions are kept as a list so that a new version is one more entry (stores +
 * upgrade) and the migration test can open any earlier version by slicing the same list.
 */
import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Source } from '../types';
import {
  type CaptureRecord,
  type StoredEngagement,
  type StoredEntity,
  type StoredPassage,
  toStoredEngagement,
  toStoredEntity,
  toStoredPassage,
} from './derive';
import { normaliseUrl } from './url';

/** The reader's answer to "Same meeting as …?" for one article (by address) and one engagement. */
export interface SameEventAnswer {
  url: string;
  engagementId: string;
  same: boolean;
  at: number;
}

export const DEFAULT_DB_NAME = 'counterpart';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs; `null` deletes a table. Only tables that change need to be listed. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows so they fit the new version; runs inside the version-change transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Rewrites every row of `table` through its derive helper, so migrated rows get the current index fields. */
async function rederive<T>(tx: Transaction, table: string, derive: (row: T) => T): Promise<void> {
  await tx
    .table<T>(table)
    .toCollection()
    .modify((row, ref) => {
      ref.value = derive(row);
    });
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      entities: 'id, kind, name, *aliases, country',
      engagements: 'id, kind, date, *participantIds, *countries, *countryPairs, *topics, origin, updatedAt',
      sources: 'id, engagementId, url, outlet',
      passages: 'id, url, *entityIds, *tags, createdAt',
    },
  },
  {
    // v2: full-text `*words`, date-ordered `*facets` for paged newest-first queries, case-insensitive alias
    // lookup, a compound index so "is this url already a source of this engagement" is one key lookup, and the
    // `captures` table that makes a capture undoable.
    version: 2,
    stores: {
      entities: 'id, kind, name, *aliasKeys, country',
      engagements:
        'id, kind, date, sortDate, *participantIds, *countries, *countryPairs, *topics, origin, updatedAt, *words, *facets',
      sources: 'id, engagementId, url, outlet, [engagementId+url]',
      passages: 'id, url, *entityIds, *tags, createdAt, *words',
      captures: 'sourceId, engagementId, at',
    },
    upgrade: async (tx) => {
      // Rebuilding through the same derive helpers as live writes keeps migrated rows identical to new ones.
      await rederive<StoredEngagement>(tx, 'engagements', toStoredEngagement);
      await rederive<StoredPassage>(tx, 'passages', toStoredPassage);
      await rederive<StoredEntity>(tx, 'entities', toStoredEntity);
    },
  },
  {
    // v3: every filter the Timeline can set is one date-ordered range of `*facets`: combined keys for pairs of
    // conditions (topic + country, person + topic…) and `w:<word>` keys for text, so no query counts or
    // intersects large ranges. The plain `*words` index of engagements is gone (its words are `w:` facets now).
    version: 3,
    stores: {
      engagements:
        'id, kind, date, sortDate, *participantIds, *countries, *countryPairs, *topics, origin, updatedAt, *facets',
    },
    upgrade: (tx) => rederive<StoredEngagement>(tx, 'engagements', toStoredEngagement),
  },
  {
    // v4: `dismissed` holds the ids of seed engagements the reader deleted, so the seeding that runs at every
    // start does not bring them back; undated engagements sort after the dated ones (`sortDateOf`), so their
    // `sortDate` and facets are rewritten.
    version: 4,
    stores: { dismissed: 'id' },
    upgrade: (tx) => rederive<StoredEngagement>(tx, 'engagements', toStoredEngagement),
  },
  {
    // v5: the reader's answers to "Same meeting as …?" (`sameEventAnswers`, one per article address and
    // engagement), and every source address normalised (`normaliseUrl`), so an article stored under a tracking
    // or AMP address before is found under its one address.
    version: 5,
    stores: { sameEventAnswers: '[url+engagementId], url, engagementId' },
    upgrade: async (tx) => {
      await tx
        .table<Source>('sources')
        .toCollection()
        .modify((row) => {
          row.url = normaliseUrl(row.url);
        });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

/** Declares `versions` on a Dexie instance; shared by the app class and by tests that need an old schema. */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export class CounterpartDB extends Dexie {
  entities!: Table<StoredEntity, string>;
  engagements!: Table<StoredEngagement, string>;
  sources!: Table<Source, string>;
  passages!: Table<StoredPassage, string>;
  captures!: Table<CaptureRecord, string>;
  dismissed!: Table<{ id: string }, string>;
  sameEventAnswers!: Table<SameEventAnswer, [string, string]>;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    declareVersions(this, SCHEMA_VERSIONS);
  }
}
