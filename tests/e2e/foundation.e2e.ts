import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  entityIdsOn,
  launchWithExtension,
  openPopup,
  type PageServer,
  servePages,
  tabIdOf,
  waitForMarks,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

describe('the built package', () => {
  it('declares the four entrypoints, the commands and only the permissions it uses', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Counterpart');
    expect(manifest.background.service_worker).toBe('background.js');
    expect(manifest.content_scripts[0].matches.sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.options_ui?.page ?? manifest.options_page).toBe('options.html');
    expect(Object.keys(manifest.commands).sort()).toEqual(['save-passage', 'toggle-marks']);
    expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(Object.values(manifest.icons ?? {})).not.toHaveLength(0);
  });
});

describe('the extension in real Chromium', () => {
  let server: PageServer;
  let profileDir: string;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await servePages(PAGES);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-e2e-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('marks officials, countries and topics in the article body only', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/demo-article.html'));
    await waitForMarks(page, 5);
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('counterpart-mark')].map((m) => ({
        text: m.textContent,
        inArticle: !!m.closest('article'),
      })),
    );
    const entities = new Set(await entityIdsOn(b, page.url()));
    expect(entities).toContain('official:mohsin-naqvi');
    expect(entities).toContain('official:bernard-quintin');
    expect(entities).toContain('official:magnus-brunner');
    expect(entities).toContain('country:BE');
    expect(entities).toContain('topic:illegal-migration');
    // Navigation, the search box and the sidebar mention Pakistan and Belgium too, but are not marked.
    expect(marked.every((m) => m.inArticle)).toBe(true);
    await page.close();
  });

  it('lists the page entities in the popup and shows the seed engagements in the timeline', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/demo-article.html'));
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(b, server.url('/demo-article.html'));
    const popup = await openPopup(b, `?tabId=${tabId}`);
    // The toolbar badge counts the page's entities that already have engagements in the timeline.
    const badge = await popup.evaluate(
      (id) => (globalThis as unknown as ChromeAction).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(Number(badge)).toBeGreaterThanOrEqual(3);
    await expect.poll(() => popup.textContent('body'), { timeout: 10_000 }).toContain('Mohsin Naqvi');
    const onPage = (await popup.textContent('body')) ?? '';
    expect(onPage).toContain('Bernard Quintin');
    expect(onPage).toContain('Belgium');
    await popup.getByRole('tab', { name: /timeline/i }).click();
    await expect.poll(() => popup.textContent('body'), { timeout: 10_000 }).toContain('Magnus Brunner');
    expect(await popup.textContent('body')).toContain('Pakistan Today');
    await popup.close();
    await page.close();
  });

  it('keeps the timeline across a browser restart with the same profile', async () => {
    const before = await countEngagements(b);
    expect(before).toBeGreaterThanOrEqual(2);
    await b.close();
    b = await launchWithExtension({ profileDir });
    expect(await countEngagements(b)).toBe(before);
  });
});

/** Counts engagements straight from the extension's IndexedDB, from an extension page. */
async function countEngagements(b: ExtensionBrowser): Promise<number> {
  const page = await openPopup(b);
  const n = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('counterpart');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const count = db.transaction('engagements').objectStore('engagements').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
  await page.close();
  return n;
}

interface ChromeAction {
  chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
}
