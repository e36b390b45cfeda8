/**
 * The timeline's promises in real Chromium with the built extension: the same meeting read on two outlets is one
 * engagement with two sources; a full disk while saving a passage says so on the page and loses nothing; an
 * import cut off halfway (the options page closed mid-write) leaves the stored data as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/db/backup';
import { syntheticEngagements } from '../../scripts/bench/db-bench';
import {
  clickPageUi,
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  type PageServer,
  type Reply,
  saveSelectionInTab,
  servePages,
  tabIdOf,
  waitForMarks,
  waitForPageUi,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

interface ChromeRuntime {
  chrome: {
    runtime: { sendMessage(m: unknown): Promise<Reply> };
    tabs: { sendMessage(id: number, m: unknown): Promise<Reply> };
  };
}

/** Selects the whole text of the first paragraph that contains `text`, as a reader would. */
async function selectParagraph(page: Page, text: string) {
  await page.evaluate((t) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(t));
    if (!p) throw new Error(`text not found: ${t}`);
    const range = document.createRange();
    range.selectNodeContents(p);
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }, text);
}

describe('the timeline in real Chromium', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;

  const worker = (): Worker => b.context.serviceWorkers()[0];
  /** A message from an extension page, as the popup and options page send them. */
  const ask = async (msg: Record<string, unknown>): Promise<Reply> => {
    const page = await openPopup(b);
    try {
      return await page.evaluate((m) => (globalThis as unknown as ChromeRuntime).chrome.runtime.sendMessage(m), msg);
    } finally {
      await page.close();
    }
  };
  const saveSelection = (tabId: number) => saveSelectionInTab(b, tabId);
  const engagementCount = async (): Promise<number> => {
    const popup = await openPopup(b);
    try {
      return await popup.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('counterpart');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const req = db.transaction('engagements').objectStore('engagements').count();
              req.onsuccess = () => {
                resolve(req.result);
                db.close();
              };
              req.onerror = () => reject(req.error);
            };
          }),
      );
    } finally {
      await popup.close();
    }
  };

  beforeAll(async () => {
    server = await servePages(PAGES);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-timeline-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('captures one meeting reported by two outlets as one engagement with two sources', async () => {
    const first = await b.context.newPage();
    await first.goto(server.url('/rome-talks-ledger.html'));
    await waitForMarks(first, 3);
    // Capture is on by default; wait until the background has stored the meeting.
    await expect
      .poll(
        async () =>
          ((await ask({ type: 'queryTimeline', filter: { text: 'Piantedosi' } })).value as { items: unknown[] })?.items
            .length,
        { timeout: 10_000 },
      )
      .toBe(1);
    await first.close();

    // Another outlet, other wording, another spelling of the Italian minister's name, a day's difference.
    const second = await b.context.newPage();
    await second.goto(server.url('/rome-talks-wire.html'));
    await waitForMarks(second, 3);
    await waitForPageUi(second, (u) => !!u.banner?.includes('The Lahore Ledger'), 10_000);
    await second.close();

    const found = (await ask({ type: 'queryTimeline', filter: { text: 'Naqvi' } })).value as {
      items: { place: string | null; sources: { outlet: string | null }[] }[];
    };
    const inRome = found.items.filter((e) => e.place === 'Rome');
    expect(inRome).toHaveLength(1);
    expect(inRome[0].sources.map((s) => s.outlet).sort()).toEqual(['Adriatic Wire', 'The Lahore Ledger']);

    // The popup shows it once, with both outlets as links.
    const popup = await openPopup(b, '?tab=timeline');
    await popup
      .getByPlaceholder(/search/i)
      .first()
      .fill('Piantedosi');
    const item = popup.locator('article.engagement');
    await expect.poll(() => item.count(), { timeout: 8000 }).toBe(1);
    expect(await item.getByRole('link', { name: 'The Lahore Ledger' }).count()).toBe(1);
    expect(await item.getByRole('link', { name: 'Adriatic Wire' }).count()).toBe(1);
    await popup.close();
  });

  it('says on the page when the disk is full, and loses no passage already saved', async () => {
    const url = server.url('/rome-talks-ledger.html');
    const page = await b.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 3);
    const tabId = await tabIdOf(b, url);

    await selectParagraph(page, 'Naqvi told his host');
    expect((await saveSelection(tabId)).ok).toBe(true);
    await waitForPageUi(page, (u) => !!u.notice?.includes('Saved to your Counterpart timeline'));

    // The disk fills up: every write to the passages store fails the way IndexedDB reports it.
    await worker().evaluate(() => {
      const g = globalThis as unknown as { __full?: boolean; __realAdd?: unknown; __realPut?: unknown };
      g.__full = true;
      const proto = IDBObjectStore.prototype;
      g.__realAdd = proto.add;
      g.__realPut = proto.put;
      for (const name of ['add', 'put'] as const) {
        const real = proto[name];
        proto[name] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if (g.__full && this.name === 'passages')
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return real.apply(this, args);
        };
      }
    });
    await selectParagraph(page, 'the ministers discussed migrant smuggling');
    const failed = await saveSelection(tabId);
    expect(failed.ok).not.toBe(true);
    const full = await waitForPageUi(page, (u) => !!u.notice?.includes('storage is full'));
    expect(full.roles.notice).toBe('alert');
    await page.screenshot({ path: join(import.meta.dirname, '..', 'screenshots', 'storage-full.png') });

    // Space is freed: what was saved before is still there, and saving works again.
    await worker().evaluate(() => {
      (globalThis as unknown as { __full: boolean }).__full = false;
    });
    const before = (await ask({ type: 'listPassages', url })).value as { selectors: { quote: { exact: string } } }[];
    expect(before.map((p) => p.selectors.quote.exact)).toEqual([expect.stringContaining('Naqvi told his host')]);
    expect((await saveSelection(tabId)).ok).toBe(true);
    const after = (await ask({ type: 'listPassages', url })).value as unknown[];
    expect(after).toHaveLength(2);
    await page.close();
  });

  it('on "ask", offers the page\'s engagement and stores it only when the reader accepts', async () => {
    const setCapture = async (mode: RegExp) => {
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.getByRole('radio', { name: mode }).check();
      await expect.poll(() => options.getByRole('radio', { name: mode }).isChecked()).toBe(true);
      await options.close();
    };
    await setCapture(/^Ask/);
    const before = await engagementCount();
    const page = await b.context.newPage();
    await page.goto(server.url('/layout-sidebar.html'));
    await waitForMarks(page, 3);
    await waitForPageUi(page, (u) => !!u.banner?.includes('found an engagement'), 10_000);
    expect(await engagementCount()).toBe(before);
    await clickPageUi(page, 'Save to timeline', 'banner');
    await waitForPageUi(page, (u) => !!u.banner?.includes('Saved to your timeline'));
    expect(await engagementCount()).toBe(before + 1);
    await page.close();
    await setCapture(/^On/);
  });

  it('keeps the stored data as it was when an import is cut off halfway', async () => {
    const before = await engagementCount();
    expect(before).toBeGreaterThan(0);
    const listed = async () =>
      (
        (await ask({ type: 'queryTimeline', filter: { text: 'Piantedosi' } })).value as { items: { id: string }[] }
      ).items
        .map((e) => e.id)
        .sort();
    const shownBefore = await listed();
    expect(shownBefore.length).toBeGreaterThan(0);
    const engagements = syntheticEngagements(10_000);
    const backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      entities: [],
      engagements,
      sources: [],
      passages: [],
    };
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    // Note when the import has started writing engagements, then close the page under it.
    await options.evaluate(() => {
      const w = window as unknown as { __writes: number };
      w.__writes = 0;
      const proto = IDBObjectStore.prototype;
      for (const name of ['add', 'put'] as const) {
        const real = proto[name];
        proto[name] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if (this.name === 'engagements') w.__writes++;
          return real.apply(this, args);
        };
      }
    });
    await options.locator('#import-file').setInputFiles({
      name: 'counterpart-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    // The import shows what it will add first; nothing is written until the reader confirms.
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.waitForFunction(() => (window as unknown as { __writes: number }).__writes > 1000, null, {
      timeout: 30_000,
      polling: 5,
    });
    await options.close();

    expect(await engagementCount()).toBe(before);
    // The timeline still reads as before.
    expect(await listed()).toEqual(shownBefore);
  }, 90_000);
});
