/**
 * How fast the toolbar popup opens, in the built extension in real Chromium: from navigation start to the
 * tabs on screen and to the first timeline entry, with the seed only and with 10,000 engagements stored. The
 * baseline, measured in the same run, is an extension page with nothing to run (the toolbar icon): the floor
 * any popup pays for the browser to load an extension page. Each is measured with the background awake and
 * with its service worker stopped before every open (as Chromium does after 30 s idle), on the Timeline and
 * on "On this page" over an article.
 *
 *   npx tsx scripts/bench/popup-bench.ts [count] [runs]
 */

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { toStoredEngagement } from '../../lib/db/derive';
import { REVISION_KEY } from '../../lib/db/revision';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  ROOT,
  servePages,
  tabIdOf,
  waitForMarks,
} from '../browser';
import { syntheticEngagements } from './db-bench';

export interface PopupBenchOptions {
  /** Engagements stored for the second measurement (default 10,000). */
  count?: number;
  runs?: number;
  log?: (line: string) => void;
}

export interface PopupTimings {
  /** The tab strip is in the document. */
  tabsMs: number;
  /** The first timeline entry is in the document. */
  firstEntryMs: number;
}

export interface PopupBenchResult {
  runs: number;
  engagements: number;
  /** Median ms from navigation start until an extension page with nothing to run has loaded. */
  emptyPageMs: number;
  seedOnly: PopupTimings;
  stored: PopupTimings;
  /** The same with the background's service worker stopped before each open, as after a while of no use. */
  storedBackgroundAsleep: PopupTimings;
  /** Opening on "On this page" over an article (first entry: an entity row with its count). */
  onThisPage: { stored: PopupTimings; storedBackgroundAsleep: PopupTimings };
}

const BATCH = 5_000;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;

type SessionSetter = { chrome: { storage: { session: { set(items: object): Promise<void> } } } };

/**
 * Writes rows into the extension's database with plain IndexedDB, from an extension page, and then changes the
 * database revision as the extension's own writes do (`lib/db/revision.ts`), so no first-screen snapshot taken
 * before them is used.
 */
export async function putRows(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ batch, revisionKey }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('counterpart');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('engagements', 'readwrite');
          const store = tx.objectStore('engagements');
          for (const r of batch) store.put(r);
          tx.oncomplete = () => {
            db.close();
            const { chrome } = globalThis as unknown as SessionSetter;
            chrome.storage.session.set({ [revisionKey]: `bench-${Math.random()}` }).then(resolve, reject);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { batch: rows, revisionKey: REVISION_KEY },
  );
}

/** Engagements in the extension's database, counted with plain IndexedDB. */
export async function countRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('counterpart');
        // Before the background has created the database, opening it must not create an empty one.
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const c = db.transaction('engagements').objectStore('engagements').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
      }),
  );
}

/** What counts as "the first screen is there" for each tab the popup can open on. */
interface FirstScreenProbe {
  query: string;
  /** A condition on `document`, as source text: the tab's first entry is on screen. */
  entry: string;
}

const TIMELINE_PROBE: FirstScreenProbe = {
  query: '?tab=timeline',
  entry: "document.querySelector('article.engagement')",
};

/** "On this page" for tab `tabId`: an entity row whose engagement count is known. */
const pageProbe = (tabId: number): FirstScreenProbe => ({
  query: `?tabId=${tabId}`,
  entry: "[...document.querySelectorAll('.entity-row .count-link')].some((e) => e.textContent !== '…')",
});

/**
 * Times read in the popup itself by a MutationObserver installed before any of the popup's scripts run, so
 * the numbers include loading and parsing them.
 */
async function openTimed(b: ExtensionBrowser, probe: FirstScreenProbe = TIMELINE_PROBE): Promise<PopupTimings> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(`(() => {
    const t = (window.__t = {});
    const seen = () => {
      if (!t.tabs && document.querySelector('[role=tab]')) t.tabs = performance.now();
      if (!t.entry && (${probe.entry})) t.entry = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
  })();`);
  await page.goto(`chrome-extension://${b.extensionId}/popup.html${probe.query}`);
  const handle = await page.waitForFunction(
    () => {
      const t = (window as unknown as { __t: { tabs?: number; entry?: number } }).__t;
      return t.tabs && t.entry ? t : null;
    },
    null,
    { timeout: 60_000 },
  );
  const t = (await handle.jsonValue()) as { tabs: number; entry: number };
  await page.close();
  return { tabsMs: t.tabs, firstEntryMs: t.entry };
}

/** The baseline: an extension page with nothing to run, timed to its load event the same way. */
async function openEmpty(b: ExtensionBrowser): Promise<number> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(`addEventListener('load', () => { window.__loaded = performance.now(); });`);
  await page.goto(`chrome-extension://${b.extensionId}/icon/32.png`);
  const handle = await page.waitForFunction(() => (window as unknown as { __loaded?: number }).__loaded, null, {
    timeout: 60_000,
  });
  const ms = Number(await handle.jsonValue());
  await page.close();
  return ms;
}

async function medians(
  b: ExtensionBrowser,
  runs: number,
  beforeOpen: () => Promise<void> = async () => {},
  probe: FirstScreenProbe = TIMELINE_PROBE,
): Promise<PopupTimings & { emptyMs: number }> {
  const popups: PopupTimings[] = [];
  const empties: number[] = [];
  // Interleaved so that a noisy moment of the machine touches both the same way.
  for (let i = 0; i < runs; i++) {
    empties.push(await openEmpty(b));
    await beforeOpen();
    popups.push(await openTimed(b, probe));
  }
  return {
    tabsMs: round(median(popups.map((p) => p.tabsMs))),
    firstEntryMs: round(median(popups.map((p) => p.firstEntryMs))),
    emptyMs: round(median(empties)),
  };
}

export async function runPopupBench(options: PopupBenchOptions = {}): Promise<PopupBenchResult> {
  const count = options.count ?? 10_000;
  const runs = options.runs ?? 15;
  const log = options.log ?? ((line: string) => console.log(line));
  const b = await launchWithExtension();
  try {
    const page = await openPopup(b);
    // The background seeds on start; wait for the database to exist before writing to it.
    for (let i = 0; i < 100 && (await countRows(page).catch(() => 0)) < 2; i++) await page.waitForTimeout(100);
    await openTimed(b); // warm-up: the first extension page of a profile pays for caches the rest share
    const seed = await medians(b, runs);

    const rows = syntheticEngagements(count);
    for (let i = 0; i < count; i += BATCH) await putRows(page, rows.slice(i, i + BATCH).map(toStoredEngagement));
    const engagements = await countRows(page);
    const stored = await medians(b, runs);
    // Chromium stops an idle extension service worker after about 30 s; the popup then wakes it.
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const stopWorker = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(1000);
    };
    const asleep = await medians(b, runs, stopWorker);
    // "On this page", the tab the toolbar button opens on, over an article the content script has reported.
    const pages = await servePages(join(ROOT, 'tests', 'fixtures', 'pages'));
    const article = await b.context.newPage();
    await article.goto(pages.url('/wire-naqvi-brunner.html'));
    await waitForMarks(article);
    const onPage = pageProbe(await tabIdOf(b, article.url()));
    const pageAwake = await medians(b, runs, async () => {}, onPage);
    const pageAsleep = await medians(b, runs, stopWorker, onPage);
    await article.close();
    await pages.close();
    await page.close();

    const emptyPageMs = round(median([seed.emptyMs, stored.emptyMs]));
    log(
      `popup-bench: median of ${runs} opens, ms from navigation start (an extension page with nothing to run: ${emptyPageMs})`,
    );
    log(
      '| popup opens on | stored engagements | tabs on screen | first entry | empty extension page | entry minus empty page |',
    );
    log('|---|---|---:|---:|---:|---:|');
    for (const [tab, label, t] of [
      ['Timeline', 'seed (2)', seed],
      ['Timeline', String(engagements), stored],
      ['Timeline', `${engagements}, background asleep`, asleep],
      ['On this page', String(engagements), pageAwake],
      ['On this page', `${engagements}, background asleep`, pageAsleep],
    ] as const)
      log(
        `| ${tab} | ${label} | ${t.tabsMs} | ${t.firstEntryMs} | ${t.emptyMs} | ${round(t.firstEntryMs - t.emptyMs)} |`,
      );
    const strip = ({ tabsMs, firstEntryMs }: PopupTimings) => ({ tabsMs, firstEntryMs });
    return {
      runs,
      engagements,
      emptyPageMs,
      seedOnly: strip(seed),
      stored: strip(stored),
      storedBackgroundAsleep: strip(asleep),
      onThisPage: { stored: strip(pageAwake), storedBackgroundAsleep: strip(pageAsleep) },
    };
  } finally {
    await b.close(true);
  }
}

if (process.argv[1]?.endsWith('popup-bench.ts')) {
  const [count, runs] = process.argv.slice(2).map(Number);
  runPopupBench({ count: count || undefined, runs: runs || undefined })
    .then(() => console.log('1 passed, 0 failed'))
    .catch((e: unknown) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    });
}
