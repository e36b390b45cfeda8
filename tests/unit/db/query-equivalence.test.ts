import { beforeAll, describe, expect, it } from 'vitest';
import { type StoredEngagement, toStoredEngagement } from '../../../lib/db/derive';
import { compareNewestFirst, type EngagementFilter, matchesFilter } from '../../../lib/db/query-plan';
import { CounterpartDB } from '../../../lib/db/schema';
import { queryEngagements } from '../../../lib/db/timeline';
import { syntheticEngagements } from '../../../scripts/bench/db-bench';

// Enough rows that text matches exceed the in-memory threshold and multi-facet pages span several batches.
const N = 3000;
const rows = syntheticEngagements(N, 7);
const stored: StoredEngagement[] = rows.map(toStoredEngagement);
const db = new CounterpartDB(`equivalence-${Math.random().toString(36).slice(2)}`);

beforeAll(async () => {
  await db.engagements.bulkAdd(stored);
  return async () => {
    db.close();
    await db.delete();
  };
});

/** What the indexes must reproduce: every row checked, sorted, paged. */
function bruteForce(f: EngagementFilter): string[] {
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  return stored
    .filter((e) => matchesFilter(e, f))
    .sort(compareNewestFirst)
    .slice(offset, offset + limit)
    .map((e) => e.id);
}

const s = rows[1234];
const [a, b] = s.participantIds;
const cp = s.countryPairs[0]?.split('|') as [string, string];
const name = s.participants[0].name.split(' ')[1].toLowerCase();

describe('queryEngagements agrees with a full scan', () => {
  it.each<[string, EngagementFilter]>([
    ['newest', { limit: 30 }],
    ['page 3', { limit: 20, offset: 40 }],
    ['entity', { entityId: a }],
    ['pair', { entityIds: [a, b] }],
    ['person and country', { entityIds: [a, `country:${s.countries[1] ?? s.countries[0]}`] }],
    ['country pair', { countryPair: cp }],
    ['topic + country, paged', { topic: s.topics[0], country: s.countries[0], limit: 25, offset: 10 }],
    ['entity + topic', { entityId: a, topic: s.topics[0] }],
    ['topic + dates', { topic: s.topics[0], from: '2019-01-01', to: '2020-06-30', limit: 40 }],
    ['three facets', { topic: s.topics[0], country: s.countries[0], entityId: a }],
    ['text, common', { text: 'brussels', limit: 30, offset: 5 }],
    ['text, prefix', { text: 'bruss' }],
    ['text, two words', { text: 'met rome' }],
    ['text, rare', { text: name }],
    ['text + facet', { text: 'geneva', topic: s.topics[0] }],
    ['text + dates', { text: 'vienna', from: '2024-01-01' }],
    ['text matching everything', { text: 'met', limit: 30, offset: 30 }],
    ['text matching everything + facet', { text: 'met', topic: s.topics[0], offset: 100 }],
    ['nothing matches', { topic: 'pilgrim-facilitation', text: 'zzzz' }],
    ['person + country', { entityId: a, country: s.countries[0] }],
    ['person + other country', { entityId: a, country: 'BE' }],
    ['person + country pair', { entityId: a, countryPair: cp }],
    ['country pair + topic', { countryPair: cp, topic: s.topics[0], limit: 10 }],
    ['topic + country + dates, paged', { topic: s.topics[0], country: s.countries[0], from: '2018-01-01', offset: 20 }],
    ['text + country', { text: 'rome', country: s.countries[0], limit: 20 }],
    ['prefix with several words', { text: 'k', limit: 40 }],
    ['prefix of a few names', { text: name.slice(0, 3), limit: 60 }],
    ['two words + topic + country', { text: 'met geneva', topic: s.topics[0], country: s.countries[0] }],
    ['text, deep page', { text: 'vienna', limit: 50, offset: 150 }],
    ['text + topic, deep page', { text: 'rome', topic: s.topics[0], offset: 60, limit: 30 }],
    [
      'text + topic within dates',
      { text: 'lima', topic: s.topics[1] ?? s.topics[0], from: '2017-06-01', to: '2023-02-28' },
    ],
    ['prefix + country', { text: 'ro', country: s.countries[0], limit: 30 }],
    ['date range only, paged', { from: '2020-01-01', to: '2020-03-31', limit: 20, offset: 15 }],
    // Search terms that are also countries or topics: each is the union of its word and its facet keys.
    ['a country by another name', { text: 'Türkiye', limit: 40 }],
    ['a country by its code', { text: 'TUR', limit: 40 }],
    ['a two-word country + a topic synonym', { text: 'united kingdom drug', limit: 30 }],
    ['a topic synonym + a city', { text: 'smuggling vienna', limit: 30, offset: 10 }],
    ['a topic synonym + facet', { text: 'drugs', country: s.countries[0], limit: 30 }],
    ['a number (figures are checked on rows)', { text: 'rome 2020', limit: 20 }],
    ['a country being typed', { text: 'pakist', limit: 20 }],
  ])('%s', async (_name, f) => {
    expect((await queryEngagements(db, f)).map((e) => e.id)).toEqual(bruteForce(f));
  });
});
