/**
 * Timeline query benchmark: 100,000 synthetic engagements, each query timed (median of N runs) through the
 * same `queryEngagements` the UI uses, next to a full-table scan with the same predicate as the baseline.
 * Runs on whatever IndexedDB the global scope has (fake-indexeddb in Node; a real browser when bundled there).
 *
 *   npx tsx scripts/bench/db-bench.ts [count] [runs]
 */
import type { DexieOptions } from 'dexie';
import { TOPIC_IDS } from '../../lib/data/topics';
import { toStoredEngagement } from '../../lib/db/derive';
import { compareNewestFirst, type EngagementFilter, matchesFilter } from '../../lib/db/query-plan';
import { CounterpartDB } from '../../lib/db/schema';
import { countEngagementsFor, queryEngagements } from '../../lib/db/timeline';
import type { CountryCode, Engagement, EngagementKind, TopicId } from '../../lib/types';

export interface DbBenchOptions {
  count?: number;
  runs?: number;
  /** Page size of the timeline queries (the popup shows one page). */
  limit?: number;
  /** Runs of the full-scan baseline (default 1: at 100,000 rows each takes seconds). */
  scanRuns?: number;
  /** For a browser run: pass nothing; for Node without a global IndexedDB, fake-indexeddb is loaded. */
  dexieOptions?: DexieOptions;
  log?: (line: string) => void;
}

export interface QueryTiming {
  name: string;
  filter: EngagementFilter;
  results: number;
  indexedMs: number;
  scanMs: number;
  speedup: number;
}

const TOPICS: TopicId[] = TOPIC_IDS;
const KINDS: EngagementKind[] = ['meeting', 'meeting', 'meeting', 'call', 'visit', 'agreement', 'statement'];
const COUNTRIES: CountryCode[] =
  'PK BE EU FR DE IT ES NL PL SE GB US CA MX BR AR IN NP BD LK CN TH MY ID PH JP KR AU NZ ZA ZW KE ET NG GH EG MA TN TR SA AE QA BH IR IQ JO AF UZ KZ RU UA'.split(
    ' ',
  );
const GIVEN = ['Amir', 'Sara', 'Jan', 'Lena', 'Ravi', 'Mei', 'Omar', 'Ana', 'Tomas', 'Ines', 'Kofi', 'Yuki'];
const FAMILY = [
  'Khan',
  'Peeters',
  'Rossi',
  'Novak',
  'Silva',
  'Tanaka',
  'Okafor',
  'Haddad',
  'Larsen',
  'Moreau',
  'Singh',
];
const CITIES = ['Brussels', 'Islamabad', 'Rome', 'Geneva', 'Vienna', 'Nairobi', 'Bangkok', 'Riyadh', 'Ankara', 'Lima'];
const OFFICIALS = 400;

/** Small deterministic PRNG so every run loads the same timeline. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticOfficial {
  id: string;
  name: string;
  country: CountryCode;
}

function officials(): SyntheticOfficial[] {
  return Array.from({ length: OFFICIALS }, (_, i) => {
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}${i}`;
    return { id: `official:bench-${i}`, name, country: COUNTRIES[i % COUNTRIES.length] };
  });
}

/** `count` engagements over ten years between pairs of the synthetic officials. */
export function syntheticEngagements(count: number, seed = 42): Engagement[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const people = officials();
  const start = Date.UTC(2016, 0, 1);
  const span = 10 * 365 * 86_400_000;
  const out: Engagement[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(people);
    let b = pick(people);
    while (b.id === a.id) b = pick(people);
    const topics = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(TOPICS)))];
    const day = new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 10);
    const place = pick(CITIES);
    const countries = [...new Set([a.country, b.country])];
    out.push({
      id: `bench:${i.toString().padStart(7, '0')}`,
      kind: pick(KINDS),
      participants: [
        { name: a.name, entityId: a.id, country: a.country, role: 'Interior Minister' },
        { name: b.name, entityId: b.id, country: b.country, role: 'Minister of Justice' },
      ],
      participantIds: [a.id, b.id].sort(),
      countries,
      countryPairs: countries.length === 2 ? [[...countries].sort().join('|')] : [],
      place,
      date: day,
      datePrecision: 'day',
      topics,
      figures: [],
      summary: `${a.name} met ${b.name} in ${place} to discuss ${topics.join(' and ').replace(/-/g, ' ')}.`,
      origin: 'captured',
      createdAt: start,
      updatedAt: start,
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time<T>(fn: () => Promise<T>, runs: number, warmUp = true): Promise<{ ms: number; value: T }> {
  let value = warmUp ? await fn() : undefined;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), value: value as T };
}

/** The baseline: read every row, filter with the same predicate, sort, page. */
async function scan(db: CounterpartDB, filter: EngagementFilter, limit: number): Promise<number> {
  const rows = await db.engagements.filter((e) => matchesFilter(e, filter)).toArray();
  return rows.sort(compareNewestFirst).slice(0, limit).length;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export async function runDbBench(options: DbBenchOptions = {}): Promise<Record<string, unknown>> {
  const count = options.count ?? 100_000;
  const runs = options.runs ?? 7;
  const limit = options.limit ?? 50;
  const log = options.log ?? ((line: string) => console.log(line));
  let dexieOptions = options.dexieOptions;
  if (!dexieOptions && typeof indexedDB === 'undefined') {
    // Dexie reads the global IndexedDB when it is first imported, which is before this point: hand it over.
    const fake = await import('fake-indexeddb');
    dexieOptions = { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange };
  }

  const db = new CounterpartDB(`counterpart-bench-${Date.now()}`, dexieOptions);
  try {
    const rows = syntheticEngagements(count);
    const t0 = performance.now();
    const CHUNK = 5000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.engagements.bulkAdd(rows.slice(i, i + CHUNK).map(toStoredEngagement));
    }
    const loadMs = performance.now() - t0;

    const sample = rows[Math.floor(rows.length / 2)];
    const [a, b] = sample.participantIds;
    const pair = sample.countryPairs[0]?.split('|') as [string, string] | undefined;
    const word = sample.participants[0].name.split(' ')[1].toLowerCase();
    const queries: [string, EngagementFilter][] = [
      ['newest page', {}],
      ['by entity', { entityId: a }],
      ['by entity pair', { entityIds: [a, b] }],
      ['by country pair', { countryPair: pair ?? ['PK', 'BE'] }],
      ['by country', { country: sample.countries[0] }],
      ['by topic', { topic: sample.topics[0] }],
      ['by date range (1 month)', { from: '2021-03-01', to: '2021-03-31' }],
      ['entity + date range', { entityId: a, from: '2020-01-01', to: '2022-12-31' }],
      ['topic + country', { topic: sample.topics[0], country: sample.countries[0] }],
      ['text (rare name)', { text: word }],
      ['text (common word)', { text: 'brussels' }],
      ['text + topic', { text: 'rome', topic: sample.topics[0] }],
    ];

    const timings: QueryTiming[] = [];
    for (const [name, f] of queries) {
      const filter = { ...f, limit };
      const indexed = await time(() => queryEngagements(db, filter), runs);
      // The scan reads every row: one run is a fair baseline and keeps the whole bench in minutes.
      const scanned = await time(() => scan(db, filter, limit), options.scanRuns ?? 1, false);
      timings.push({
        name,
        filter,
        results: indexed.value.length,
        indexedMs: round(indexed.ms),
        scanMs: round(scanned.ms),
        speedup: round(scanned.ms / Math.max(indexed.ms, 0.01)),
      });
      if (indexed.value.length !== scanned.value) throw new Error(`${name}: indexed and scan disagree`);
    }
    const counts = await time(() => countEngagementsFor(db, [a, b, `country:${sample.countries[0]}`]), runs);

    log(`db-bench: ${count} engagements loaded in ${Math.round(loadMs)} ms; median of ${runs} runs, page of ${limit}`);
    log(
      `${'query'.padEnd(26)} ${'rows'.padStart(5)} ${'indexed ms'.padStart(11)} ${'scan ms'.padStart(9)} ${'x'.padStart(7)}`,
    );
    for (const t of timings) {
      log(
        `${t.name.padEnd(26)} ${String(t.results).padStart(5)} ${t.indexedMs.toFixed(2).padStart(11)} ${t.scanMs.toFixed(2).padStart(9)} ${t.speedup.toFixed(1).padStart(7)}`,
      );
    }
    log(`${'count for 3 entities'.padEnd(26)} ${''.padStart(5)} ${counts.ms.toFixed(2).padStart(11)}`);
    return {
      engine: typeof navigator !== 'undefined' && navigator.userAgent ? navigator.userAgent : 'fake-indexeddb',
      count,
      runs,
      limit,
      loadMs: Math.round(loadMs),
      countForMs: round(counts.ms),
      queries: timings,
    };
  } finally {
    db.close();
    await db.delete();
  }
}

// Exactly this file: chromium-db-bench.ts also ends in "db-bench.ts" and imports this module.
const isMain = typeof process !== 'undefined' && /(^|[\\/])db-bench\.ts$/.test(process.argv[1] ?? '');
if (isMain) {
  const [count, runs] = process.argv.slice(2).map(Number);
  runDbBench({ count: count || undefined, runs: runs || undefined })
    .then((r) => {
      const n = (r.queries as QueryTiming[]).length;
      console.log(`${n} passed, 0 failed`);
    })
    .catch((e: unknown) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    });
}
