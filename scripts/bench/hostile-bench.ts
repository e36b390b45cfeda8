/**
 * Hostile pages against the background: how long the service worker spends on each page's `pageAnalyzed`, and
 * how long another tab's `detect` (what its marks wait for) is kept waiting meanwhile, next to a normal
 * ~1,500-word article measured in the same run. Medians of N runs.
 *
 *   npm run bench -- --only=hostile [--runs=N]      or      npx tsx scripts/bench/hostile-bench.ts [runs]
 *
 * Runs the real handlers over fake-indexeddb and WXT's fake browser, the way the unit tests build them. The
 * detect delay is measured from when each question was due (one every DETECT_EVERY_MS, as if another tab's
 * content script asked), not from when a blocked thread got round to asking it.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handlers, Request } from '../../lib/messaging/protocol';
import { articlePage, paragraphs } from './pages';

/** How often the other tab asks: its content script sends one `detect` per chunk of text it marks. */
const DETECT_EVERY_MS = 25;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Our own clauses, chained with commas into one sentence that never ends: officials, cues and dates in it. */
const CLAUSES = [
  'Interior Minister Mohsin Naqvi met the Belgian minister Bernard Quintin on Monday',
  'the two ministers held talks with officials from Germany about illegal migration on Tuesday',
  'Commissioner Magnus Brunner said the commission would visit Islamabad next week',
  'delegates from Italy and Greece attended the meeting in Rome on 4 March',
];

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><meta property="og:type" content="article"></head><body>${body}</body></html>`;
}

/** One sentence of `chars` characters without a full stop. */
export function longSentenceText(chars: number): string {
  let s = 'ISLAMABAD: ';
  for (let i = 0; s.length < chars; i++) s += `${CLAUSES[i % CLAUSES.length]}, `;
  return s.slice(0, chars);
}

/** `depth` nested divs with a line of text at the bottom, as a page script builds them. */
export function nestedDivsPage(depth: number): string {
  const line = '<p>At the bottom, Mohsin Naqvi and Bernard Quintin discussed human trafficking.</p>';
  return page('Nested', `${'<div>'.repeat(depth)}${line}${'</div>'.repeat(depth)}`);
}

/** `chains` side-by-side stacks of `depth` divs with a word at each bottom: div soup that stays under the nesting caps. */
export function divSoupPage(chains: number, depth: number): string {
  return page('Soup', `${'<div>'.repeat(depth)}<p>x</p>${'</div>'.repeat(depth)}`.repeat(chains));
}

/** Many short sentences: `chars` characters of the bench's news prose, paragraphs of about 60 words. */
export function hugeText(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let seed = 1; n < chars; seed++)
    for (const p of paragraphs(3_000, 'news', seed)) {
      out.push(p);
      n += p.length + 2;
    }
  return out.join('\n\n').slice(0, chars);
}

interface Input {
  name: string;
  /** The requests one tab sends, in order (awaited one after the other). */
  requests: () => Request<'pageAnalyzed'>[];
}

function request(url: string, html: string | null, text: string): Request<'pageAnalyzed'> {
  return {
    type: 'pageAnalyzed',
    url,
    title: null,
    html,
    text,
    entities: [{ id: 'official:mohsin-naqvi', kind: 'official', name: 'Mohsin Naqvi', count: 1 }],
  };
}

const BASELINE = articlePage({ words: 1_500 });
const baselineText = paragraphs(1_500, 'news').join('\n\n');

export const INPUTS: Input[] = [
  {
    name: 'baseline: article of 1,500 words',
    requests: () => [request('https://n.example/a', BASELINE, baselineText)],
  },
  {
    name: 'one 290,000-char sentence',
    requests: () => {
      const text = longSentenceText(290_000);
      return [request('https://h.example/long', page('Long', `<p>${esc(text)}</p>`), text)];
    },
  },
  {
    name: '2,000 nested divs (21 KB)',
    requests: () => [request('https://h.example/nested', nestedDivsPage(2_000), 'At the bottom, Mohsin Naqvi.')],
  },
  {
    name: 'div soup: 100 stacks of 40 divs',
    requests: () => [request('https://h.example/soup', divSoupPage(100, 40), 'x')],
  },
  {
    name: 'huge text: 300,000 chars, no html',
    requests: () => [request('https://h.example/huge', null, hugeText(300_000))],
  },
  {
    name: '40 pushState URLs (1,500 words each)',
    requests: () =>
      Array.from({ length: 40 }, (_, i) => {
        const text = paragraphs(1_500, 'news', 100 + i).join('\n\n');
        const html = page(
          `Story ${i}`,
          `<article>${text
            .split('\n\n')
            .map((p) => `<p>${esc(p)}</p>`)
            .join('')}</article>`,
        );
        return request(`https://h.example/story/${i}`, html, text);
      }),
  },
  {
    name: '40 re-analyses of one page (mutations)',
    requests: () => Array.from({ length: 40 }, () => request('https://h.example/restless', BASELINE, baselineText)),
  },
];

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number) => Math.round(n);

export interface HostileRow {
  name: string;
  /** Wall time of the tab's requests, from the first sent to the last answered. */
  analysisMs: number;
  /** The other tab's detect answers during it: median and worst delay past when each was due. */
  detectMedianMs: number;
  detectMaxMs: number;
  detects: number;
  /** Engagements the timeline gained from this tab. */
  captured: number;
}

async function handlers(): Promise<{ h: Handlers; count: () => Promise<number> }> {
  // The handlers' settings read `browser.storage` through WXT, which takes the global at import time.
  const g = globalThis as { browser?: unknown; chrome?: unknown };
  g.browser ??= fakeBrowser;
  g.chrome ??= fakeBrowser;
  fakeBrowser.reset();
  const { createHandlers } = await import('../../lib/background/handlers');
  const { memoryTabStore } = await import('../../lib/background/tab-state');
  const { CounterpartDB } = await import('../../lib/db/schema');
  const { seedDatabase } = await import('../../lib/db/seed');
  const db = new CounterpartDB(`hostile-bench-${Math.random()}`);
  await seedDatabase(db);
  const h = createHandlers({ db, tabs: memoryTabStore(), setBadge: () => {} });
  return { h, count: () => db.engagements.count() };
}

/** Runs one input's requests from tab 1 while tab 2 asks `detect` on schedule; returns the figures. */
async function measure(input: Input): Promise<HostileRow> {
  const { h, count } = await handlers();
  const marksText = paragraphs(250, 'news', 3).join('\n\n');
  // Warm the detector, as a background that has served a page before has it.
  await h.detect({ type: 'detect', text: marksText, date: null }, { tabId: 2 });
  const before = await count();
  const requests = input.requests();
  const delays: number[] = [];
  let done = false;
  const t0 = performance.now();
  const asker = (async () => {
    for (let k = 1; !done; k++) {
      const due = t0 + k * DETECT_EVERY_MS;
      const wait = due - performance.now();
      await new Promise((r) => setTimeout(r, Math.max(0, wait)));
      if (done) break;
      await h.detect({ type: 'detect', text: marksText, date: null }, { tabId: 2 });
      delays.push(performance.now() - due);
    }
  })();
  for (const r of requests) await h.pageAnalyzed(r, { tabId: 1 });
  const analysisMs = performance.now() - t0;
  done = true;
  await asker;
  return {
    name: input.name,
    analysisMs,
    detectMedianMs: median(delays),
    detectMaxMs: delays.length ? Math.max(...delays) : 0,
    detects: delays.length,
    captured: (await count()) - before,
  };
}

export async function runHostileBench(o: { runs?: number; only?: string; log?: (l: string) => void } = {}) {
  const runs = o.runs ?? 3;
  const log = o.log ?? console.log;
  const rows: HostileRow[] = [];
  log(`hostile pages against the background: median of ${runs} runs; detect asked every ${DETECT_EVERY_MS} ms`);
  log('input'.padEnd(42) + 'analysis ms'.padStart(12) + 'detect med'.padStart(12) + 'detect max'.padStart(12));
  for (const input of INPUTS) {
    if (o.only && !input.name.includes(o.only)) continue;
    const all: HostileRow[] = [];
    for (let r = 0; r < runs; r++) all.push(await measure(input));
    const row: HostileRow = {
      name: input.name,
      analysisMs: round(median(all.map((x) => x.analysisMs))),
      detectMedianMs: round(median(all.map((x) => x.detectMedianMs))),
      detectMaxMs: round(median(all.map((x) => x.detectMaxMs))),
      detects: round(median(all.map((x) => x.detects))),
      captured: round(median(all.map((x) => x.captured))),
    };
    rows.push(row);
    const captured = input.requests().length > 1 ? `   captured ${row.captured}` : '';
    log(
      row.name.padEnd(42) +
        String(row.analysisMs).padStart(12) +
        String(row.detectMedianMs).padStart(12) +
        String(row.detectMaxMs).padStart(12) +
        captured,
    );
  }
  return { runs, detectEveryMs: DETECT_EVERY_MS, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2]) || undefined;
  const only = process.argv[3];
  runHostileBench({ runs, only }).then(
    () => console.log('1 passed, 0 failed'),
    (e: unknown) => {
      console.error(e);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    },
  );
}
