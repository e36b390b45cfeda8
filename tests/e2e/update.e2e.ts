/**
 * An extension update keeps every record: a real earlier build (tests/fixtures/builds, built from the commit
 * named in its README) is used in Chromium — it seeds, captures an article, saves a passage, stores an official
 * the reader added — then the current build is put in its place, as the browser does on an update, and opens
 * the same profile. Every record the old build wrote must still be there, field for field, and readable.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripEngagement, stripEntity, stripPassage } from '../../lib/db/derive';
import { normaliseUrl } from '../../lib/db/url';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  type PageServer,
  saveSelectionInTab,
  servePages,
  tabIdOf,
  waitForMarks,
} from '../../scripts/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const OLD_BUILD = join(FIXTURES, 'builds', 'counterpart-0.1.0-chrome-mv3.tar.gz');

type Row = Record<string, unknown>;
const STRIP: Record<string, (r: Row) => Row> = {
  engagements: (r) => stripEngagement(r as never) as unknown as Row,
  passages: (r) => stripPassage(r as never) as unknown as Row,
  entities: (r) => stripEntity(r as never) as unknown as Row,
  // Schema v4 stores every source under its one address (`normaliseUrl`): the same article, another spelling.
  sources: (r) => ({ ...r, url: normaliseUrl(String(r.url)) }),
};

type Dump = { version: number; stores: Record<string, Record<string, unknown>[]> };

/** Every record of every store of the extension's database, read with plain IndexedDB. */
async function dumpDatabase(page: Page): Promise<Dump> {
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('counterpart');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Dump = { version: db.version, stores: {} };
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out.stores[n] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

describe('an extension update', () => {
  let server: PageServer;
  let work: string;
  let extDir: string;
  let profileDir: string;
  let b: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = await servePages(join(FIXTURES, 'pages'));
    work = await mkdtemp(join(tmpdir(), 'counterpart-update-'));
    profileDir = join(work, 'profile');
    // Unpacked extensions get their id from their folder: the update must land in the same folder.
    extDir = join(work, 'chrome-mv3');
    execFileSync('tar', ['-xzf', OLD_BUILD, '-C', work]);
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('keeps every record the earlier build wrote', async () => {
    b = await launchWithExtension({ profileDir, extensionDir: extDir });
    const url = server.url('/rome-talks-ledger.html');
    const page = await b.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 3);
    const tabId = await tabIdOf(b, url);
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes('Naqvi told his host'));
      const range = document.createRange();
      range.selectNodeContents(p as Node);
      getSelection()?.addRange(range);
    });
    const saved = await saveSelectionInTab(b, tabId);
    expect(saved).toMatchObject({ ok: true });
    const popup = await openPopup(b);
    const added = await popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
      ).chrome.runtime.sendMessage({
        type: 'putOfficial',
        official: {
          kind: 'official',
          id: 'official:ayesha-raza-farooq',
          name: 'Ayesha Raza Farooq',
          aliases: ['A. R. Farooq'],
          country: 'PK',
          offices: [{ office: 'Minister of State for Interior', country: 'PK', from: '2025-03-01' }],
        },
      }),
    );
    expect(added.ok).toBe(true);
    // Wait until the capture of the article has been written.
    await expect
      .poll(async () => (await dumpDatabase(popup)).stores.sources?.some((s) => s.url === url), { timeout: 10_000 })
      .toBe(true);
    const before = await dumpDatabase(popup);
    await b.close();
    b = undefined;

    // The update: the current build replaces the old files in the same folder; the profile stays.
    await rm(extDir, { recursive: true, force: true });
    await cp(EXTENSION_DIR, extDir, { recursive: true });
    b = await launchWithExtension({ profileDir, extensionDir: extDir });
    const popup2 = await openPopup(b, '?tab=timeline');
    // The database is upgraded by the first of the current build's pages or background to open it; read after.
    await expect.poll(() => popup2.textContent('body'), { timeout: 10_000 }).toContain('Piantedosi');
    await expect.poll(async () => (await dumpDatabase(popup2)).version, { timeout: 10_000 }).toBeGreaterThan(20);
    const after = await dumpDatabase(popup2);

    // 0.1.0 wrote schema 2; the current build upgrades it (Dexie stores version × 10).
    expect(before.version).toBe(20);
    expect(after.version).toBeGreaterThan(before.version);
    for (const [store, rows] of Object.entries(before.stores)) {
      expect(after.stores[store], store).toBeDefined();
      expect(after.stores[store].length, store).toBe(rows.length);
      const byId = new Map(after.stores[store].map((r) => [r.id, r]));
      // Index fields derived from a record are rebuilt by a migration; what the reader stored must be equal.
      const data = STRIP[store] ?? ((r: Row) => r);
      for (const row of rows) expect(data(byId.get(row.id) as Row), `${store} ${row.id}`).toEqual(data(row));
    }
    expect(before.stores.passages).toHaveLength(1);
    expect(before.stores.entities.some((e) => e.id === 'official:ayesha-raza-farooq')).toBe(true);

    // And the reader sees them: the passage in the popup, the added official in the options page.
    await popup2.getByRole('tab', { name: /saved passages/i }).click();
    await expect.poll(() => popup2.textContent('body'), { timeout: 8000 }).toContain('Naqvi told his host');
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect.poll(() => options.textContent('body'), { timeout: 8000 }).toContain('Ayesha Raza Farooq');
  }, 90_000);
});
