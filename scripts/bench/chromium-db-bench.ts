/**
 * The timeline in real Chromium IndexedDB, inside the built extension: timeline queries at 100,000 engagements
 * through the extension's own `queryTimeline` message (the background's Dexie queries, as the popup and hover
 * cards use them), next to a full scan of the same store from an extension page as the baseline. The popup's
 * opening time has its own bench (`popup-bench.ts`).
 *
 * Rows are the db bench's synthetic engagements with the index fields the store derives (`toStoredEngagement`),
 * written with raw IndexedDB into the extension's own database from an extension page, in batches.
 *
 *   npx tsx scripts/bench/chromium-db-bench.ts [count] [runs]
 */
import { toStoredEngagement } from '../../lib/db/derive';
import type { TimelineFilter } from '../../lib/messaging/protocol';
import { launchWithExtension, openPopup } from '../browser';
import { syntheticEngagements } from './db-bench';
import { countRows, median, putRows } from './popup-bench';

export interface ChromiumDbBenchOptions {
  count?: number;
  runs?: number;
  log?: (line: string) => void;
}

export interface ChromiumQueryRow {
  name: string;
  filter: TimelineFilter;
  results: number;
  messageMs: number;
  scanMs: number;
  speedup: number;
}

export interface ChromiumDbBenchResult {
  count: number;
  runs: number;
  loadMs: number;
  queries: ChromiumQueryRow[];
}

const BATCH = 5_000;
const LIMIT = 50;

const round = (n: number) => Math.round(n * 100) / 100;

/** One query through the extension's message protocol, timed in the page that sends it. */
const QUERY_IN_PAGE = `async (filter) => {
  const t0 = performance.now();
  const res = await chrome.runtime.sendMessage({ type: 'queryTimeline', filter });
  const ms = performance.now() - t0;
  if (!res || !res.ok) throw new Error('queryTimeline failed: ' + (res && res.error));
  return { ms, results: res.value.items.length };
}`;

/**
 * The baseline: read every engagement from the store and filter in the page, newest first, one page. The
 * predicate checks the same fields the store's index keys are made of.
 */
const SCAN_IN_PAGE = `async (filter) => {
  const t0 = performance.now();
  const rows = await new Promise((resolve, reject) => {
    const req = indexedDB.open('counterpart');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const all = db.transaction('engagements').objectStore('engagements').getAll();
      all.onsuccess = () => { db.close(); resolve(all.result); };
      all.onerror = () => reject(all.error);
    };
  });
  const words = filter.text ? filter.text.toLowerCase().split(/\\s+/).filter(Boolean) : [];
  const hit = rows.filter((e) =>
    (!filter.entityId || e.participantIds.includes(filter.entityId)) &&
    (!filter.entityIds || filter.entityIds.every((id) => e.participantIds.includes(id))) &&
    (!filter.countryPair || e.countryPairs.includes([...filter.countryPair].sort().join('|'))) &&
    (!filter.country || e.countries.includes(filter.country)) &&
    (!filter.topic || e.topics.includes(filter.topic)) &&
    (!filter.from || e.sortDate >= filter.from) &&
    (!filter.to || e.sortDate <= filter.to + '\\uffff') &&
    words.every((w) => e.words.some((x) => x.startsWith(w))));
  hit.sort((a, b) => (a.sortDate < b.sortDate ? 1 : a.sortDate > b.sortDate ? -1 : 0));
  const page = hit.slice(0, filter.limit || 50);
  return { ms: performance.now() - t0, results: page.length };
}`;

export async function runChromiumDbBench(options: ChromiumDbBenchOptions = {}): Promise<ChromiumDbBenchResult> {
  const count = options.count ?? 100_000;
  const runs = options.runs ?? 5;
  const log = options.log ?? ((line: string) => console.log(line));
  const rows = syntheticEngagements(count);
  const b = await launchWithExtension();
  try {
    const page = await openPopup(b);
    // The background seeds on start; wait for the database to exist before writing to it.
    for (let i = 0; i < 100 && (await countRows(page).catch(() => 0)) < 2; i++) await page.waitForTimeout(100);

    const t0 = performance.now();
    for (let i = 0; i < count; i += BATCH) await putRows(page, rows.slice(i, i + BATCH).map(toStoredEngagement));
    const loadMs = performance.now() - t0;
    const stored = await countRows(page);
    log(`chromium-db-bench: ${stored} engagements in Chromium IndexedDB (loaded in ${Math.round(loadMs)} ms)`);

    const sample = rows[Math.floor(rows.length / 2)];
    const [a, c] = sample.participantIds;
    const pair = (sample.countryPairs[0]?.split('|') ?? ['PK', 'BE']) as [string, string];
    const word = sample.participants[0].name.split(' ')[1].toLowerCase();
    const queries: [string, TimelineFilter][] = [
      ['newest page', {}],
      ['by entity', { entityId: a }],
      ['by entity pair', { entityIds: [a, c] }],
      ['by country pair', { countryPair: pair }],
      ['by country', { country: sample.countries[0] }],
      ['by topic', { topic: sample.topics[0] }],
      ['by date range (1 month)', { from: '2021-03-01', to: '2021-03-31' }],
      ['entity + date range', { entityId: a, from: '2020-01-01', to: '2022-12-31' }],
      ['topic + country', { topic: sample.topics[0], country: sample.countries[0] }],
      ['entity + topic', { entityId: a, topic: sample.topics[0] }],
      ['country pair + topic', { countryPair: pair, topic: sample.topics[0] }],
      ['text (rare name)', { text: word }],
      ['text (common word)', { text: 'brussels' }],
      ['text (prefix being typed)', { text: 'bruss' }],
      ['text (two words)', { text: 'met rome' }],
      ['text + topic', { text: 'rome', topic: sample.topics[0] }],
    ];
    const out: ChromiumQueryRow[] = [];
    for (const [name, f] of queries) {
      const filter = { ...f, limit: LIMIT };
      const first = (await page.evaluate(`(${QUERY_IN_PAGE})(${JSON.stringify(filter)})`)) as {
        ms: number;
        results: number;
      };
      const msgs: number[] = [];
      for (let i = 0; i < runs; i++)
        msgs.push(((await page.evaluate(`(${QUERY_IN_PAGE})(${JSON.stringify(filter)})`)) as { ms: number }).ms);
      const scans: number[] = [];
      let scanResults = 0;
      for (let i = 0; i < Math.min(runs, 3); i++) {
        const s = (await page.evaluate(`(${SCAN_IN_PAGE})(${JSON.stringify(filter)})`)) as {
          ms: number;
          results: number;
        };
        scans.push(s.ms);
        scanResults = s.results;
      }
      if (scanResults !== first.results)
        log(`chromium-db-bench: note: ${name}: scan found ${scanResults}, query ${first.results}`);
      out.push({
        name,
        filter,
        results: first.results,
        messageMs: round(median(msgs)),
        scanMs: round(median(scans)),
        speedup: round(median(scans) / Math.max(median(msgs), 0.01)),
      });
    }
    await page.close();
    const result: ChromiumDbBenchResult = {
      count: stored,
      runs,
      loadMs: Math.round(loadMs),
      queries: out,
    };
    for (const line of chromiumDbTable(result)) log(line);
    return result;
  } finally {
    await b.close(true);
  }
}

export function chromiumDbTable(r: ChromiumDbBenchResult): string[] {
  const lines = [
    `Timeline in Chromium IndexedDB, ${r.count} engagements, median of ${r.runs} runs, page of ${LIMIT}`,
    '',
    '| query | rows | queryTimeline message ms | full scan ms (baseline) | faster |',
    '|---|---|---|---|---|',
  ];
  for (const q of r.queries)
    lines.push(
      `| ${q.name} | ${q.results} | ${q.messageMs.toFixed(1)} | ${q.scanMs.toFixed(1)} | ${q.speedup.toFixed(0)}x |`,
    );
  return lines;
}

const isMain = process.argv[1]?.endsWith('chromium-db-bench.ts');
if (isMain) {
  const [count, runs] = process.argv.slice(2).map(Number);
  runChromiumDbBench({ count: count || undefined, runs: runs || undefined })
    .then((r) => console.log(`${r.queries.length} passed, 0 failed`))
    .catch((e: unknown) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    });
}
