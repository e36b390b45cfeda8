/**
 * The reader's corrections in real Chromium with the built extension: the page notice after an automatic capture
 * (its Undo takes the capture back), delete + undo in the popup's timeline, and a participant's country corrected
 * in the popup showing on the next page's hover card. Screenshots of the timeline's edit controls and of the
 * capture notice land in tests/screenshots/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickPageUi,
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  type PageServer,
  type Reply,
  servePages,
  waitForMarks,
  waitForPageUi,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const SHOTS = join(import.meta.dirname, '..', 'screenshots');

/** An article page in our own words, with the metadata that makes it an article the extension captures. */
function article(o: { outlet: string; published: string; title: string; paragraphs: string[] }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${o.title}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${o.outlet}">
<meta property="article:published_time" content="${o.published}T09:00:00Z">
<style>body{font:16px/1.5 Georgia,serif;max-width:680px;margin:30px auto;color:#111}</style></head>
<body><article><h1>${o.title}</h1>${o.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<p class="legal">Written for Counterpart's tests; not a real report.</p></body></html>`;
}

interface ChromeRuntime {
  chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } };
}

describe('corrections in real Chromium', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;

  /** A message from an extension page, as the popup sends them. */
  const ask = async <T>(msg: Record<string, unknown>): Promise<T> => {
    const page = await openPopup(b);
    try {
      const r = await page.evaluate((m) => (globalThis as unknown as ChromeRuntime).chrome.runtime.sendMessage(m), msg);
      if (!r.ok) throw new Error(r.error);
      return r.value as T;
    } finally {
      await page.close();
    }
  };
  const timeline = (text: string) =>
    ask<{ items: { id: string; participants: { name: string; country?: string | null }[]; sources: unknown[] }[] }>({
      type: 'queryTimeline',
      filter: { text },
    });

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await servePages(PAGES);
    server.put(
      '/lisbon-talks.html',
      article({
        outlet: 'Tagus Post',
        published: '2026-06-06',
        title: 'Pakistan and Portugal talk migration in Lisbon',
        paragraphs: [
          'LISBON: Pakistan’s Interior Minister Mohsin Naqvi met Portuguese Internal Administration Minister Rui Valadares in Lisbon on Saturday.',
          'The two ministers discussed illegal migration, the return of rejected asylum seekers and human trafficking networks.',
        ],
      }),
    );
    server.put(
      '/brussels-rossini.html',
      article({
        outlet: 'Canal Courier',
        published: '2026-05-14',
        title: 'Ministers meet on smuggling routes',
        paragraphs: [
          'BRUSSELS: Interior Minister Aldo Rossini met Pakistan’s Interior Minister Mohsin Naqvi in Brussels on Thursday.',
          'Rossini and Naqvi agreed to share information on migrant smuggling networks.',
        ],
      }),
    );
    server.put(
      '/rossini-later.html',
      article({
        outlet: 'Canal Courier',
        published: '2026-05-20',
        title: 'Rossini speaks on border checks',
        paragraphs: [
          'BRUSSELS: Interior Minister Aldo Rossini told a press conference on Wednesday that border checks would continue through the summer.',
        ],
      }),
    );
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-corrections-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('says what a capture stored, in the closed root, and its Undo takes it back', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/lisbon-talks.html'));
    await waitForMarks(page, 2);
    const ui = await waitForPageUi(page, (u) => !!u.notice?.includes('Added to your timeline'), 15_000);
    expect(ui.notice).toContain('Naqvi – Valadares, Lisbon, 6 Jun');
    expect(ui.roles.notice).toBe('status');
    expect(ui.buttons.filter((x) => x.within === 'notice').map((x) => x.text)).toEqual(['Undo', 'Edit', '×']);
    // Nothing of it is in the page's own DOM: no text, no link, no attribute.
    const seen = await page.evaluate(() => ({
      text: document.documentElement.innerText.includes('Added to your timeline'),
      html: document.documentElement.outerHTML.includes('Valadares, Lisbon'),
      extensionLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('chrome-extension:')).length,
    }));
    expect(seen).toEqual({ text: false, html: false, extensionLinks: 0 });
    await page.screenshot({ path: join(SHOTS, 'capture-notice.png') });
    expect((await timeline('Valadares')).items).toHaveLength(1);

    await clickPageUi(page, 'Undo', 'notice');
    await waitForPageUi(page, (u) => !!u.notice?.includes('Removed from your timeline'));
    expect((await timeline('Valadares')).items).toHaveLength(0);
    await page.close();
  });

  it('Edit in the notice opens the timeline on that engagement with its editor', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/brussels-rossini.html'));
    await waitForMarks(page, 2);
    await waitForPageUi(page, (u) => !!u.notice?.includes('Added to your timeline'), 15_000);
    const opened = b.context.waitForEvent('page');
    await clickPageUi(page, 'Edit', 'notice');
    const popup = await opened;
    await popup.waitForLoadState();
    expect(popup.url()).toContain('tab=timeline&engagement=');
    await popup.locator('.pinned form.draft').waitFor();
    expect(await popup.locator('.pinned').textContent()).toContain('Rossini');
    await popup.close();
    await page.close();
  });

  it("corrects a participant's country in the popup, and the next page's hover card shows it", async () => {
    const before = await b.context.newPage();
    await before.goto(server.url('/rossini-later.html'));
    await waitForMarks(before, 1);
    const mark = before.locator('counterpart-mark', { hasText: 'Rossini' }).first();
    await mark.hover();
    const card = (await waitForPageUi(before, (u) => !!u.card?.includes('Aldo Rossini'), 5000)).card ?? '';
    expect(card).not.toContain('Italy');
    await before.close();

    const popup = await openPopup(b, '?tab=timeline');
    const entry = popup.locator('.engagements > li', { hasText: 'Aldo Rossini' }).first();
    await entry.getByRole('button', { name: /^Edit / }).click();
    const rows = entry.locator('[data-testid="participant-row"]');
    await rows.first().waitFor();
    const names = await rows.evaluateAll((rs) => rs.map((r) => (r.querySelector('input') as HTMLInputElement).value));
    expect(names).toContain('Aldo Rossini');
    await rows.nth(names.indexOf('Aldo Rossini')).getByLabel('Country').fill('IT');
    await entry.getByRole('button', { name: 'Save changes' }).click();
    await popup.locator('.undo-bar', { hasText: 'Aldo Rossini corrected in every engagement' }).waitFor();
    await popup.close();
    const stored = (await timeline('Rossini')).items[0].participants.find((p) => p.name === 'Aldo Rossini');
    expect(stored?.country).toBe('IT');

    const after = await b.context.newPage();
    await after.goto(server.url('/rossini-later.html'));
    await waitForMarks(after, 1);
    await after.locator('counterpart-mark', { hasText: 'Rossini' }).first().hover();
    const corrected = await waitForPageUi(after, (u) => !!u.card?.includes('Aldo Rossini'), 5000);
    expect(corrected.card).toContain('Italy');
    await after.close();
  });

  it('deletes an example engagement in the popup and Undo brings it back', async () => {
    const popup = await openPopup(b, '?tab=timeline');
    const examples = popup.locator('.engagements > li', { has: popup.locator('.example') });
    await examples.first().waitFor();
    const n = await examples.count();
    expect(n).toBe(2);
    await popup.screenshot({ path: join(SHOTS, 'popup-timeline-corrections.png') });
    const first = examples.first();
    const heading = (await first.locator('h3').textContent()) ?? '';
    await first.getByRole('button', { name: /^Delete / }).click();
    await popup.locator('.undo-bar', { hasText: 'Deleted' }).waitFor();
    await expect.poll(() => examples.count()).toBe(n - 1);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => examples.count()).toBe(n);
    expect(await examples.first().locator('h3').textContent()).toBe(heading);

    // The editor open, for the README screenshot.
    await examples
      .first()
      .getByRole('button', { name: /^Edit / })
      .click();
    await popup.locator('form.draft').waitFor();
    // A tall window rather than a full-page capture, which would paint the sticky tab strip mid-page.
    await popup.setViewportSize({ width: 400, height: 1500 });
    await popup.screenshot({ path: join(SHOTS, 'popup-timeline-edit.png') });
    await popup.close();
  });
});
