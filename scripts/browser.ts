/**
 * Real Chromium with the built extension loaded, and a loopback HTTP server for test pages. Shared by the
 * e2e tests, `npm start` and the benchmarks. Nothing here talks to anything but 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
/** The built extension; `COUNTERPART_EXTENSION_DIR` points the tests at another build (an A/B against an older one). */
export const EXTENSION_DIR = process.env.COUNTERPART_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Closes the browser; the profile stays unless `removeProfile` is true. */
  close(removeProfile?: boolean): Promise<void>;
}

export async function launchWithExtension(
  opts: { profileDir?: string; headless?: boolean; extensionDir?: string; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const ext = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json')))
    throw new Error(`No built extension at ${ext}: run npm run build first.`);
  const profileDir = opts.profileDir ?? (await mkdtemp(join(tmpdir(), 'counterpart-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    viewport: { width: 1200, height: 860 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...(opts.args ?? []),
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    close: async (removeProfile = false) => {
      await context.close();
      if (removeProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface PageServer {
  server: Server;
  url(path: string): string;
  /** Pages added at run time (tests that generate or edit a page). */
  put(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** Serves `dir` (and pages put at run time) on 127.0.0.1 at a free port. */
export async function servePages(dir: string): Promise<PageServer> {
  const extra = new Map<string, { body: string; headers: Record<string, string> }>();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const put = extra.get(path);
    if (put) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...put.headers });
      res.end(put.body);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`,
    put: (p, body, headers = {}) => void extra.set(p.startsWith('/') ? p : `/${p}`, { body, headers }),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The content script's marks on the page (page-made lookalikes in hostile tests aside, they are ours). */
export async function markCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('counterpart-mark').length);
}

/** Waits until the content script has placed its marks (or the timeout passes). */
export async function waitForMarks(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await page.waitForFunction((n) => document.querySelectorAll('counterpart-mark').length >= n, min, { timeout });
  return markCount(page);
}

/** A marking pass as the content script reported it to the background (see lib/content/instrument.ts). */
export interface MarkedPass {
  url: string;
  timeOrigin: number;
  marks: number;
  pass: number;
  busyMs: number;
  [timing: string]: number | string;
}

type ChromeSession = { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } };

/** Every marking pass the background holds (the latest per tab), read in the service worker or an extension page. */
export async function markedPasses(context: BrowserContext): Promise<MarkedPass[]> {
  const read = () =>
    (globalThis as unknown as ChromeSession).chrome.storage.session.get(null).then((all) =>
      Object.entries(all)
        .filter(([k]) => k.startsWith('marked:'))
        .map(([, v]) => v as MarkedPass),
    );
  const worker = context.serviceWorkers()[0];
  if (worker) {
    try {
      return await worker.evaluate(read);
    } catch {
      // A stopped worker: read through an extension page instead.
    }
  }
  const probe = await context.newPage();
  try {
    const id = new URL((worker ?? (await context.waitForEvent('serviceworker'))).url()).host;
    await probe.goto(`chrome-extension://${id}/popup.html?tab=passages`);
    return await probe.evaluate(read);
  } finally {
    await probe.close();
  }
}

/**
 * Waits until the content script has finished a marking pass on this page's current document, matches or
 * not, and returns its number of marks. The content script tells the background, never the page (an event or
 * attribute would tell every site the extension is there), so this reads the background's record.
 */
export async function waitForMarked(page: Page, timeout = 15_000): Promise<number> {
  return (await waitForPass(page, timeout)).marks;
}

/** The latest marking pass on this page's current document, waiting for the first one. */
export async function waitForPass(page: Page, timeout = 15_000): Promise<MarkedPass> {
  const until = Date.now() + timeout;
  for (;;) {
    const [url, origin] = await page.evaluate(() => [location.href, performance.timeOrigin] as const);
    const pass = (await markedPasses(page.context())).find((p) => p.url === url && p.timeOrigin === origin);
    if (pass) return pass;
    if (Date.now() > until) throw new Error(`No marking pass reported for ${url} within ${timeout} ms`);
    await page.waitForTimeout(50);
  }
}

/** How many closed shadow roots the page holds (the extension's UI host has one; the page cannot count them). */
export async function closedRootCount(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    let n = 0;
    const walk = (node: CdpNode) => {
      for (const s of node.shadowRoots ?? []) if (s.shadowRootType === 'closed') n++;
      for (const c of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    return n;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What the extension shows in its closed shadow root on a page, as DevTools sees it (the page cannot). */
export interface PageUi {
  card: string | null;
  banner: string | null;
  notice: string | null;
  /** The ARIA role of each of them that is shown. */
  roles: Partial<Record<'card' | 'banner' | 'notice', string | null>>;
  /** Passage highlight boxes, in page coordinates. */
  highlights: { x: number; y: number; width: number; height: number }[];
  /** Buttons, with their text and the centre of their box in the viewport (for trusted clicks). */
  buttons: { text: string; label: string | null; x: number; y: number; within: string }[];
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

const attr = (n: CdpNode, name: string): string | null => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return null;
};

const textOf = (n: CdpNode): string =>
  n.nodeType === 3 ? (n.nodeValue ?? '') : n.nodeName === 'STYLE' ? '' : (n.children ?? []).map(textOf).join('');

/**
 * Reads the extension's UI through the DevTools protocol, which sees closed shadow roots. Tests use it to see
 * what the reader sees; the page's own scripts have no such view.
 */
export async function readPageUi(page: Page): Promise<PageUi> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    // Open roots too: a test run against an older build (whose UI was in an open root) then sees its UI.
    const closed: CdpNode[] = [];
    const walk = (n: CdpNode) => {
      for (const s of n.shadowRoots ?? []) if (s.shadowRootType !== 'user-agent') closed.push(s);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    const ui: PageUi = { card: null, banner: null, notice: null, roles: {}, highlights: [], buttons: [] };
    const buttons: { node: CdpNode; within: string }[] = [];
    const visit = (n: CdpNode, within: string) => {
      const cls = attr(n, 'class') ?? '';
      let here = within;
      for (const part of ['card', 'banner', 'notice'] as const) {
        if (cls.split(' ').includes(part)) {
          ui[part] = textOf(n).replace(/\s+/g, ' ').trim();
          ui.roles[part] = attr(n, 'role');
          here = part;
        }
      }
      if (n.nodeName === 'BUTTON') buttons.push({ node: n, within: here });
      for (const c of n.children ?? []) visit(c, here);
    };
    for (const s of closed) {
      visit(s, '');
      const overlay = (s.children ?? []).find((c) => (attr(c, 'class') ?? '').split(' ').includes('overlay'));
      for (const box of overlay?.children ?? []) {
        const style = attr(box, 'style') ?? '';
        const num = (k: string) => Number(new RegExp(`${k}:\\s*(-?[\\d.]+)px`).exec(style)?.[1] ?? Number.NaN);
        ui.highlights.push({ x: num('left'), y: num('top'), width: num('width'), height: num('height') });
      }
    }
    for (const { node, within } of buttons) {
      const box = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId }).catch(() => null)) as {
        model: { content: number[] };
      } | null;
      const q = box?.model.content ?? [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
      ui.buttons.push({
        text: textOf(node).replace(/\s+/g, ' ').trim(),
        label: attr(node, 'aria-label'),
        x: (q[0] + q[4]) / 2,
        y: (q[1] + q[5]) / 2,
        within,
      });
    }
    return ui;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Polls the extension's page UI until `check` holds, and returns that view. */
export async function waitForPageUi(page: Page, check: (ui: PageUi) => boolean, timeout = 10_000): Promise<PageUi> {
  const until = Date.now() + timeout;
  for (;;) {
    const ui = await readPageUi(page);
    if (check(ui)) return ui;
    if (Date.now() > until) throw new Error(`The page UI did not reach the expected state: ${JSON.stringify(ui)}`);
    await page.waitForTimeout(100);
  }
}

/** Clicks a button of the extension's page UI with a real (trusted) mouse click. */
export async function clickPageUi(page: Page, text: string | RegExp, within?: string): Promise<void> {
  const ui = await waitForPageUi(page, (u) => u.buttons.some((b) => matches(b, text, within)));
  const button = ui.buttons.find((b) => matches(b, text, within))!;
  await page.mouse.click(button.x, button.y);
}

function matches(b: PageUi['buttons'][number], text: string | RegExp, within?: string): boolean {
  if (within && b.within !== within) return false;
  const s = `${b.text} ${b.label ?? ''}`;
  return typeof text === 'string' ? s.includes(text) : text.test(s);
}

/** Opens the popup as a tab, pointed at the page tab the way the toolbar button would be. */
export async function openPopup(b: ExtensionBrowser, query = ''): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html${query}`);
  return popup;
}

interface SessionStorageArea {
  chrome: {
    storage: { session: { get(keys: null): Promise<Record<string, { report?: { url?: string } }>> } };
    tabs: { get(id: number): Promise<unknown> };
  };
}

/**
 * The browser's tab id of the page at `url`, as the background recorded it when the page reported in
 * (the extension has no `tabs` permission, so it cannot look tabs up by URL).
 */
export async function tabIdOf(b: ExtensionBrowser, url: string, timeout = 10_000): Promise<number> {
  const probe = await openPopup(b);
  const lookUp = (u: string) =>
    probe.evaluate(async (u) => {
      const { chrome } = globalThis as unknown as SessionStorageArea;
      const all = await chrome.storage.session.get(null);
      // A closed tab's entry may linger for a moment: take a tab that still exists.
      for (const [k, v] of Object.entries(all)) {
        if (!k.startsWith('tab-') || v?.report?.url !== u) continue;
        const id = Number(k.slice(4));
        if (
          await chrome.tabs.get(id).then(
            () => true,
            () => false,
          )
        )
          return id;
      }
      return 0;
    }, u);
  try {
    // Polled here rather than with waitForFunction, which takes the promise of an async check for a true answer.
    const until = Date.now() + timeout;
    for (;;) {
      const id = await lookUp(url);
      if (id) return id;
      if (Date.now() > until) throw new Error(`No tab reported ${url} within ${timeout} ms`);
      await probe.waitForTimeout(100);
    }
  } finally {
    await probe.close();
  }
}

export interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * What the context-menu item and the keyboard command do: the background asks the tab to save its selection.
 * A content-script failure comes back as `{ ok: false, error }` instead of a thrown error.
 */
export async function saveSelectionInTab(b: ExtensionBrowser, tabId: number): Promise<Reply> {
  const [worker] = b.context.serviceWorkers();
  return worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<Reply> } } }
      ).chrome.tabs
        .sendMessage(id, { type: 'saveSelection' })
        .catch((e: Error) => ({ ok: false, error: e.message })),
    tabId,
  );
}

/** The page report the background holds for the tab showing `url` (entity ids found on it, its metadata). */
export async function pageReportOf(
  b: ExtensionBrowser,
  url: string,
): Promise<{ url: string; entities: { id: string; name: string; kind: string }[] } | null> {
  const probe = await openPopup(b, '?tab=passages');
  try {
    return await probe.evaluate(async (u) => {
      const { chrome } = globalThis as unknown as ChromeSession;
      const all = (await chrome.storage.session.get(null)) as Record<string, { report?: { url?: string } }>;
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab-') && v?.report?.url === u);
      return (hit?.[1].report as never) ?? null;
    }, url);
  } finally {
    await probe.close();
  }
}

/** Waits for the page report of `url` and returns the ids of the entities found on it. */
export async function entityIdsOn(b: ExtensionBrowser, url: string, timeout = 10_000): Promise<string[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const report = await pageReportOf(b, url);
    if (report) return report.entities.map((e) => e.id);
    if (Date.now() > until) throw new Error(`No page report for ${url} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The boxes of the first occurrence of `text` in the page's text, in page coordinates (one per line box). */
export async function textBoxes(
  page: Page,
  text: string,
): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.evaluate((t) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const all = nodes.map((n) => n.data).join('');
    const at = all.indexOf(t);
    if (at < 0) return [];
    const boxes: { x: number; y: number; width: number; height: number }[] = [];
    let pos = 0;
    for (const n of nodes) {
      const s = Math.max(at, pos);
      const e = Math.min(at + t.length, pos + n.data.length);
      if (e > s) {
        const r = document.createRange();
        r.setStart(n, s - pos);
        r.setEnd(n, e - pos);
        for (const b of Array.from(r.getClientRects())) {
          if (b.width >= 1 && b.height >= 1)
            boxes.push({ x: b.left + scrollX, y: b.top + scrollY, width: b.width, height: b.height });
        }
      }
      pos += n.data.length;
    }
    return boxes;
  }, text);
}

/** Whether the passage highlights cover exactly the boxes of `text` (to the pixel, in any order). */
export function coversExactly(
  highlights: PageUi['highlights'],
  boxes: { x: number; y: number; width: number; height: number }[],
): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  return (
    highlights.length === boxes.length &&
    boxes.every((b) =>
      highlights.some((h) => near(h.x, b.x) && near(h.y, b.y) && near(h.width, b.width) && near(h.height, b.height)),
    )
  );
}
