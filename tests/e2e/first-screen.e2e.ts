/**
 * The popup's first screen in real Chromium when the background's service worker is stopped (as Chromium does
 * after 30 s idle): it paints from the background's session-storage snapshots without asking the background,
 * and a write made while the worker slept is on that very first paint, never hidden behind an old snapshot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/db/backup';
import { syntheticEngagements } from '../../scripts/bench/db-bench';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  type PageServer,
  servePages,
  tabIdOf,
  waitForMarks,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

interface FirstPaint {
  /** Message types the popup sent to the background, in order. */
  sent: string[];
  /** Text of the first timeline entry, as it first appeared. */
  entry?: string;
  /** Count texts of "On this page", as they first all appeared. */
  counts?: string[];
}

/**
 * Opens the popup with a recorder installed before its scripts run: the messages it sends, and the first entry
 * or counts it paints (read at the mutation that put them there, before any later correction).
 */
async function openRecorded(
  b: ExtensionBrowser,
  query: string,
): Promise<{ popup: Page; first: () => Promise<FirstPaint> }> {
  const popup = await b.context.newPage();
  await popup.addInitScript(`(() => {
    const rec = (window.__rec = { sent: [] });
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = (m, ...rest) => { rec.sent.push(m && m.type); return send(m, ...rest); };
    new MutationObserver(() => {
      const entry = document.querySelector('article.engagement');
      if (!rec.entry && entry) rec.entry = entry.textContent;
      const counts = [...document.querySelectorAll('.entity-row .count-link')].map((e) => e.textContent);
      if (!rec.counts && counts.length && counts.every((c) => c !== '…')) rec.counts = counts;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  })();`);
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html${query}`);
  return {
    popup,
    first: async () => {
      await popup.waitForFunction(() => {
        const r = (window as unknown as { __rec: FirstPaint }).__rec;
        return r.entry || r.counts;
      });
      return popup.evaluate(() => (window as unknown as { __rec: FirstPaint }).__rec);
    },
  };
}

describe('the popup with the background asleep', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;
  let cdp: CDPSession;
  let control: Page;

  const stopWorker = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await control.waitForTimeout(500);
  };

  /** Waits until the background has written the snapshot `key` for the current revision (at start, after writes). */
  const snapshotsWritten = async (key: string) => {
    const current = () =>
      control.evaluate(async (k) => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { session: { get(k: string[]): Promise<Record<string, unknown>> } } };
        };
        const all = await chrome.storage.session.get(['db-revision', k]);
        const rev = all['db-revision'];
        return typeof rev === 'string' && (all[k] as { rev?: string } | undefined)?.rev === rev;
      }, key);
    for (let i = 0; i < 150 && !(await current()); i++) await control.waitForTimeout(100);
    expect(await current()).toBe(true);
  };

  beforeAll(async () => {
    server = await servePages(PAGES);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-first-screen-'));
    b = await launchWithExtension({ profileDir });
    control = await openPopup(b, '?tab=passages');
    cdp = await b.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('paints the timeline without asking the background, and with what the background would say', async () => {
    await snapshotsWritten('first-screen:timeline');
    await stopWorker();
    const { popup, first } = await openRecorded(b, '?tab=timeline');
    const paint = await first();
    expect(paint.sent).not.toContain('queryTimeline');
    const answer = await popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'queryTimeline', filter: { limit: 1 } }),
    );
    const newest = (answer as { value: { items: { summary: string }[] } }).value.items[0];
    expect(paint.entry).toContain(newest.summary);
    await popup.close();
  });

  it('shows an engagement imported while the background slept on the very first paint', async () => {
    await snapshotsWritten('first-screen:timeline');
    const [fresh] = syntheticEngagements(1, 7);
    const probe = {
      ...fresh,
      id: 'e2e:first-screen-probe',
      date: '2026-11-21',
      summary: 'Probe engagement imported while the background slept.',
    };
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    // The options page has asked the background what it needs; the import itself writes from the page alone.
    await options.getByText('Mohsin Naqvi').first().waitFor();
    await stopWorker();
    await options.locator('#import-file').setInputFiles({
      name: 'counterpart-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: new Date().toISOString(),
          entities: [],
          engagements: [probe],
          sources: [],
          passages: [],
        }),
      ),
    });
    // The import shows what it will add first; nothing is written until the reader confirms.
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options
      .getByText(/Imported/i)
      .first()
      .waitFor({ timeout: 15_000 });

    // The options page stays open: closing a tab would wake the background, which rewrites its snapshots.
    const { popup, first } = await openRecorded(b, '?tab=timeline');
    expect((await first()).entry).toContain(probe.summary);
    await popup.close();
    await options.close();
  });

  it('paints "On this page" with its counts without asking the background', async () => {
    const article = await b.context.newPage();
    await article.goto(server.url('/wire-naqvi-brunner.html'));
    await waitForMarks(article);
    const tabId = await tabIdOf(b, article.url());
    await snapshotsWritten(`first-screen:tab-${tabId}`);
    await stopWorker();

    const { popup, first } = await openRecorded(b, `?tabId=${tabId}`);
    const paint = await first();
    expect(paint.sent).not.toContain('getPageReport');
    expect(paint.sent).not.toContain('summarize');
    expect(paint.counts?.length).toBeGreaterThan(3);
    // The same counts the popup's own database read settles on.
    await popup.waitForTimeout(500);
    const settled = await popup.locator('.entity-row .count-link').allTextContents();
    expect(paint.counts).toEqual(settled);
    expect(settled).toContain('2 engagements');
    await popup.close();
    await article.close();
  });
});
