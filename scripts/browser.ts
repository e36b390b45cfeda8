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
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

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

/** Waits until the content script has placed its marks (or the timeout passes). */
export async function waitForMarks(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await page.waitForFunction((n) => document.querySelectorAll('counterpart-mark[data-entity]').length >= n, min, {
    timeout,
  });
  return page.evaluate(() => document.querySelectorAll('counterpart-mark[data-entity]').length);
}

/**
 * Waits until the content script has finished a marking pass on the page, matches or not: it sets
 * `data-counterpart-marked` (the number of marks) on the root element. Needs no DOM method of the page's
 * own world beyond the dataset, so it works on pages that patch DOM prototypes.
 */
export async function waitForMarked(page: Page, timeout = 15_000): Promise<number> {
  const handle = await page.waitForFunction(() => document.documentElement.dataset.counterpartMarked, null, {
    timeout,
  });
  return Number(await handle.jsonValue());
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
