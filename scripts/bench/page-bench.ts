/**
 * What the content script costs a page, in real headless Chromium with the built extension, next to mark.js
 * (`markRegExp` with the same gazetteer as one regex) on the same pages in the same run.
 *
 * - busy ms: the content script's own main-thread time until its marks are in place (detector setup, text
 *   index, detection, wrapping; pauses given back to the page are not counted), as it reports it to the
 *   background (read back here with `waitForPass`; the page itself is told nothing).
 * - longest task: the longest task the page saw from the content script's start until the frame after its last
 *   mark (PerformanceObserver `longtask`, which only reports tasks over 50 ms; 0 means none). Rendering the
 *   marks (style, layout, paint) happens in the page's own tasks and counts.
 * - script ms (CDP): all JavaScript the renderer ran for the page, from `Performance.getMetrics`, minus the same
 *   page without the extension: bundle evaluation and everything after the marks (Readability, messaging).
 * - heap: JS heap after two forced GCs with the extension minus without it, on the 150,000-word page.
 *
 *   npx tsx scripts/bench/page-bench.ts [runs]
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { MarkedDetail } from '../../lib/content/instrument';
import {
  EXTENSION_DIR,
  findChromium,
  launchWithExtension,
  type PageServer,
  ROOT,
  servePages,
  waitForPass,
} from '../browser';
import { gazetteerRegexSource, gazetteerTerms } from './gazetteer-regex';
import { articlePage, BENCH_PAGES } from './pages';

export interface PageBenchOptions {
  /** Runs per page (the 150,000-word page gets at most 3). */
  runs?: number;
  log?: (line: string) => void;
}

export interface ExtensionSample {
  busyMs: number;
  /** Busy time until the marks in and near the viewport were in place (the rest follow, frame by frame). */
  visibleMs: number;
  setupMs: number;
  indexMs: number;
  detectMs: number;
  wrapMs: number;
  longestSliceMs: number;
  longestTaskMs: number;
  scriptMs: number;
  marks: number;
}

export interface MarkJsSample {
  ms: number;
  longestTaskMs: number;
  scriptMs: number;
  marks: number;
}

export interface PageRow {
  page: string;
  words: number;
  chars: number;
  extension: ExtensionSample;
  markjs: MarkJsSample;
  /** mark.js time / content-script busy time: how many times faster the extension is. */
  speedup: number;
  /** mark.js time / busy time until the marks near the viewport are in place. */
  visibleSpeedup: number;
}

export interface PageBenchResult {
  chromium: string;
  runs: number;
  gazetteerTerms: number;
  rows: PageRow[];
  bundle: { path: string; bytes: number; gzipBytes: number; nlpInContentScript: boolean; nlpInBackground: boolean };
  memory: { page: string; withExtensionMB: number; withoutExtensionMB: number; extraMB: number };
}

/** Runs in the page before anything else: collects long tasks and the content script's report. */
const PROBE = `(() => {
  const cp = { longtasks: [], marked: null };
  window.__cp = cp;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) cp.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/**
 * The baseline in the page: one synchronous `markRegExp` over the article, timed around the call, with long
 * tasks observed. A string, so that no compiler helper leaks into code that runs in the page.
 */
const MARKJS_IN_PAGE = `async (src) => {
  const longtasks = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longtasks.push(e.duration); });
  obs.observe({ type: 'longtask' });
  const re = new RegExp(src, 'gu');
  const root = document.querySelector('article') || document.body;
  let marks = 0;
  const t0 = performance.now();
  new window.Mark(root).markRegExp(re, { done: (n) => { marks = n; } });
  const ms = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 200));
  obs.disconnect();
  return { ms, marks, longestTaskMs: Math.max(0, ...longtasks) };
}`;

/** How long after the last mark a task still counts as the rendering of the marks. */
const RENDER_AFTER_MS = 100;

interface ProbeResult {
  longtasks: { start: number; duration: number }[];
  marked: MarkedDetail | null;
  dclEnd: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function medianOf<T extends object>(samples: T[]): T {
  const out = {} as Record<string, number>;
  for (const key of Object.keys(samples[0])) {
    out[key] = round(median(samples.map((s) => (s as Record<string, number>)[key])));
  }
  return out as T;
}

async function metric(page: Page, name: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Script time of a page that did nothing but load (no extension, no mark.js): subtracted from the others. */
async function loadOnly(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const ms = (await metric(page, 'ScriptDuration')) * 1000;
  await page.close();
  return ms;
}

async function extensionRun(context: BrowserContext, url: string): Promise<ExtensionSample> {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const first = (await waitForPass(page, 120_000)) as unknown as MarkedDetail;
  // Let the work that follows the marks (Readability, the report to the background) finish, and long tasks arrive.
  await page.waitForTimeout(1_000);
  const probe = await page.evaluate(() => {
    const cp = (window as unknown as { __cp: ProbeResult }).__cp;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { longtasks: cp.longtasks, marked: null as MarkedDetail | null, dclEnd: nav?.domContentLoadedEventEnd ?? 0 };
  });
  probe.marked = first;
  const scriptMs = (await metric(page, 'ScriptDuration')) * 1000;
  await page.close();
  const m = probe.marked!;
  // Tasks that overlap the content script's work, from its start until the frame that renders its last marks
  // (the style and layout our writes cause run in the page's rendering tasks, so they count as ours). The page's
  // own first layout, before the script starts, is not ours; `dclEnd` only guards against a bogus early start.
  const from = Math.max(probe.dclEnd, m.startedAt);
  const during = probe.longtasks.filter((t) => t.start + t.duration >= from && t.start <= m.markedAt + RENDER_AFTER_MS);
  return {
    busyMs: m.busyMs,
    visibleMs: m.visibleMs ?? m.busyMs,
    setupMs: m.setupMs,
    indexMs: m.indexMs,
    detectMs: m.detectMs,
    wrapMs: m.wrapMs,
    longestSliceMs: m.longestSliceMs,
    longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    scriptMs: Math.max(0, scriptMs),
    marks: m.marks,
  };
}

async function markJsRun(context: BrowserContext, url: string, markJs: string, source: string): Promise<MarkJsSample> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ content: markJs });
  const before = (await metric(page, 'ScriptDuration')) * 1000;
  const r = (await page.evaluate(`(${MARKJS_IN_PAGE})(${JSON.stringify(source)})`)) as Omit<MarkJsSample, 'scriptMs'>;
  const scriptMs = (await metric(page, 'ScriptDuration')) * 1000 - before;
  await page.close();
  return { ...r, scriptMs };
}

async function bundleInfo(): Promise<PageBenchResult['bundle']> {
  const path = join(EXTENSION_DIR, 'content-scripts', 'content.js');
  const src = await readFile(path);
  const background = await readFile(join(EXTENSION_DIR, 'background.js'), 'utf8');
  // compromise carries its version string; it must be in the background (extraction) and not in the content script.
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules', 'compromise', 'package.json'), 'utf8'));
  const version = (pkg as { version: string }).version;
  return {
    path: '.output/chrome-mv3/content-scripts/content.js',
    bytes: (await stat(path)).size,
    gzipBytes: gzipSync(src).length,
    nlpInContentScript: src.toString('utf8').includes(`"${version}"`),
    nlpInBackground: background.includes(`"${version}"`),
  };
}

export async function runPageBench(options: PageBenchOptions = {}): Promise<PageBenchResult> {
  const runs = options.runs ?? 5;
  const log = options.log ?? ((line: string) => console.log(line));
  const server: PageServer = await servePages(join(ROOT, 'tests', 'fixtures', 'pages'));
  const pages = BENCH_PAGES.map((p) => {
    const html = articlePage({ words: p.words, kind: p.kind });
    server.put(p.path, html);
    return { ...p, url: server.url(p.path) };
  });
  const terms = gazetteerTerms();
  const source = gazetteerRegexSource(terms);
  const require = createRequire(join(ROOT, 'package.json'));
  const markJs = await readFile(require.resolve('mark.js/dist/mark.es6.min.js'), 'utf8');
  const runsFor = (words: number) => (words >= 100_000 ? Math.min(runs, 3) : runs);

  const ext = new Map<string, ExtensionSample[]>();
  const base = new Map<string, MarkJsSample[]>();
  const chars = new Map<string, number>();
  let withExtension = 0;
  let withoutExtension = 0;
  let chromiumVersion = '';
  try {
    // One browser at a time: first with the extension, then a plain one for the baseline.
    const b = await launchWithExtension();
    try {
      chromiumVersion = b.context.browser()?.version() ?? '';
      // Warm-up: the first page pays for the service worker's database open and the seed.
      await extensionRun(b.context, pages[0].url);
      for (const p of pages) {
        const samples: ExtensionSample[] = [];
        for (let i = 0; i < runsFor(p.words); i++) samples.push(await extensionRun(b.context, p.url));
        ext.set(p.name, samples);
        log(
          `page-bench: extension on ${p.name}: ${samples.map((s) => `${s.busyMs.toFixed(1)} (visible ${s.visibleMs.toFixed(1)}, setup ${s.setupMs.toFixed(1)}, index ${s.indexMs.toFixed(1)}, detect ${s.detectMs.toFixed(1)}, wrap ${s.wrapMs.toFixed(1)}, slice ${s.longestSliceMs.toFixed(1)}, task ${s.longestTaskMs.toFixed(0)}, marks ${s.marks})`).join('; ')}`,
        );
      }
      const big = pages.find((p) => p.words >= 100_000)!;
      const page = await b.context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(big.url, { waitUntil: 'load', timeout: 120_000 });
      chars.set(big.name, ((await waitForPass(page, 120_000)) as unknown as MarkedDetail).chars);
      await page.waitForTimeout(2_000);
      withExtension = await heapAfterGc(page);
      await page.close();
    } finally {
      await b.close(true);
    }

    const plain = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      chromiumVersion ||= plain.version();
      const context = await plain.newContext();
      await markJsRun(context, pages[0].url, markJs, source);
      for (const p of pages) {
        const samples: MarkJsSample[] = [];
        for (let i = 0; i < runsFor(p.words); i++) samples.push(await markJsRun(context, p.url, markJs, source));
        base.set(p.name, samples);
        log(`page-bench: mark.js on ${p.name}: ${samples.map((s) => s.ms.toFixed(1)).join(', ')} ms`);
      }
      const big = pages.find((p) => p.words >= 100_000)!;
      const page = await context.newPage();
      await page.goto(big.url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForTimeout(2_000);
      withoutExtension = await heapAfterGc(page);
      await page.close();
      // Script time of the bare pages, to subtract from the extension's.
      for (const p of pages) {
        const bare = await loadOnly(context, p.url);
        for (const s of ext.get(p.name) ?? []) s.scriptMs = Math.max(0, s.scriptMs - bare);
      }
    } finally {
      await plain.close();
    }
  } finally {
    await server.close();
  }

  const rows: PageRow[] = pages.map((p) => {
    const e = medianOf(ext.get(p.name)!);
    const m = medianOf(base.get(p.name)!);
    return {
      page: p.name,
      words: p.words,
      chars: chars.get(p.name) ?? 0,
      extension: e,
      markjs: m,
      speedup: round(m.ms / Math.max(e.busyMs, 0.01), 1),
      visibleSpeedup: round(m.ms / Math.max(e.visibleMs, 0.01), 1),
    };
  });
  const MB = 1024 * 1024;
  const result: PageBenchResult = {
    chromium: chromiumVersion,
    runs,
    gazetteerTerms: terms.length,
    rows,
    bundle: await bundleInfo(),
    memory: {
      page: pages.find((p) => p.words >= 100_000)!.name,
      withExtensionMB: round(withExtension / MB, 1),
      withoutExtensionMB: round(withoutExtension / MB, 1),
      extraMB: round((withExtension - withoutExtension) / MB, 1),
    },
  };
  for (const line of pageTable(result)) log(line);
  return result;
}

/** The table as printed and as pasted into the README. */
export function pageTable(r: PageBenchResult): string[] {
  const lines = [
    `Content script vs mark.js (${r.gazetteerTerms} gazetteer forms as one regex), Chromium ${r.chromium}, median of ${r.runs} runs (3 on the 150k page)`,
    '',
    '| page | marks (ext / mark.js) | content script busy ms | busy ms to marks near the viewport | longest task ms | mark.js ms | mark.js longest task ms | faster than mark.js (all marks / near viewport) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of r.rows) {
    const e = row.extension;
    lines.push(
      `| ${row.page} | ${e.marks} / ${row.markjs.marks} | ${e.busyMs.toFixed(1)} (setup ${e.setupMs.toFixed(1)}, index ${e.indexMs.toFixed(1)}, detect ${e.detectMs.toFixed(1)}, wrap ${e.wrapMs.toFixed(1)}) | ${e.visibleMs.toFixed(1)} | ${e.longestTaskMs > 0 ? e.longestTaskMs.toFixed(0) : 'none over 50'} | ${row.markjs.ms.toFixed(1)} | ${row.markjs.longestTaskMs > 0 ? row.markjs.longestTaskMs.toFixed(0) : 'none over 50'} | ${row.speedup.toFixed(1)}x / ${row.visibleSpeedup.toFixed(1)}x |`,
    );
  }
  lines.push('');
  lines.push(
    `Content script bundle: ${(r.bundle.bytes / 1024).toFixed(1)} KB (${(r.bundle.gzipBytes / 1024).toFixed(1)} KB gzip); NLP library in it: ${r.bundle.nlpInContentScript ? 'YES' : 'no'} (in the background: ${r.bundle.nlpInBackground ? 'yes' : 'no'})`,
  );
  lines.push(
    `JS heap on ${r.memory.page} after GC: ${r.memory.withExtensionMB} MB with the extension, ${r.memory.withoutExtensionMB} MB without: ${r.memory.extraMB} MB extra`,
  );
  return lines;
}

const isMain = process.argv[1]?.endsWith('page-bench.ts');
if (isMain) {
  runPageBench({ runs: Number(process.argv[2]) || undefined })
    .then((r) => console.log(`${r.rows.length} passed, 0 failed`))
    .catch((e: unknown) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    });
}
