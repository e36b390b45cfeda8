/**
 * Related coverage in real Chromium with the built extension: three outlets' pages of one meeting become one
 * engagement with three sources, the banner naming the others on the second and third; a report in the grey zone
 * asks "Same meeting as …?" on the page and obeys the answer; the same article opened under two tracking
 * addresses stays one source.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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

const SET = join(import.meta.dirname, '..', 'fixtures', 'multi-outlet');

interface ChromeRuntime {
  chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } };
}

interface Item {
  id: string;
  place: string | null;
  sources: { outlet: string | null; url: string }[];
}

describe('related coverage in real Chromium', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;

  const ask = async (msg: Record<string, unknown>): Promise<Reply> => {
    const page = await openPopup(b);
    try {
      return await page.evaluate((m) => (globalThis as unknown as ChromeRuntime).chrome.runtime.sendMessage(m), msg);
    } finally {
      await page.close();
    }
  };
  const timeline = async (text: string): Promise<Item[]> =>
    ((await ask({ type: 'queryTimeline', filter: { text } })).value as { items: Item[] }).items;

  /** Opens a page and waits until the background has read it (its marks are placed, its report is in). */
  const open = async (path: string) => {
    const page = await b.context.newPage();
    await page.goto(server.url(path));
    await waitForMarks(page, 2);
    return page;
  };

  beforeAll(async () => {
    server = await servePages(SET);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-related-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('three outlets of one meeting: one engagement, three sources, the banner on the second and third', async () => {
    const first = await open('/01-e1-capital-post.html');
    await expect.poll(async () => (await timeline('Piantedosi')).length, { timeout: 10_000 }).toBe(1);
    expect((await waitForPageUiSettled(first)).banner).toBeNull();
    await first.close();

    // Another spelling of the Pakistani minister, the Italian outlet's own wording.
    const second = await open('/04-e1-tiber-courier.html');
    await waitForPageUi(second, (u) => !!u.banner?.includes('Capital Post'), 10_000);
    await second.close();

    // No date anywhere on the page.
    const third = await open('/12-e1-migrant-watch-undated.html');
    const ui = await waitForPageUi(third, (u) => !!u.banner?.includes('already in your timeline'), 10_000);
    expect(ui.banner).toContain('Capital Post');
    expect(ui.banner).toContain('Tiber Courier');
    await third.close();

    const items = await timeline('Piantedosi');
    expect(items).toHaveLength(1);
    expect(items[0].sources.map((s) => s.outlet).sort()).toEqual(['Capital Post', 'Migrant Watch', 'Tiber Courier']);
  });

  it('asks about a report in the grey zone and obeys the answer', async () => {
    const [rome] = await timeline('Piantedosi');
    // Written for this test: the Pakistani minister with an Italian police chief in Rome the same day.
    const page = (await readFile(join(SET, '04-e1-tiber-courier.html'), 'utf8'))
      .replace('Tiber Courier', 'Harbour Daily')
      .replace(
        /<div class="article-body">[\s\S]*?<\/div>/,
        '<div class="article-body"><p>Pakistan’s Interior Minister Mohsin Naqvi met Italian police chief Vittorio Pisani in Rome on Wednesday.</p><p>They discussed illegal migration and the return of migrants.</p></div>',
      );
    server.put('/grey.html', page);
    const grey = await open('/grey.html');
    const question = await waitForPageUi(grey, (u) => !!u.banner?.includes('Same meeting as'), 10_000);
    expect(question.banner).toContain('Capital Post');
    // Buttons only: the page cannot follow a link to the reader's timeline.
    expect(question.buttons.filter((x) => x.within === 'banner').map((x) => x.text)).toEqual(['Yes', 'No', '×']);
    expect(await grey.evaluate(() => document.body.innerHTML.includes('Capital Post'))).toBe(false);
    // Kept apart until the reader answers.
    expect((await timeline('Naqvi')).filter((e) => e.place === 'Rome')).toHaveLength(2);

    await clickPageUi(grey, 'Yes', 'banner');
    await waitForPageUi(grey, (u) => !!u.banner?.includes('already in your timeline'), 10_000);
    const inRome = (await timeline('Naqvi')).filter((e) => e.place === 'Rome');
    expect(inRome).toHaveLength(1);
    expect(inRome[0].id).toBe(rome.id);
    expect(inRome[0].sources).toHaveLength(4);
    await grey.close();

    // Opened again: nothing asked, the answer stands.
    const again = await open('/grey.html');
    const ui = await waitForPageUi(again, (u) => !!u.banner?.includes('already in your timeline'), 10_000);
    expect(ui.banner).not.toContain('Same meeting as');
    await again.close();
  });

  it('keeps one source for the same article opened with tracking parameters', async () => {
    const a = await open('/13-e3-bosphorus-agency.html?utm_source=newsletter&utm_medium=email');
    await expect.poll(async () => (await timeline('Fidan')).length, { timeout: 10_000 }).toBe(1);
    await a.close();
    const bPage = await open('/13-e3-bosphorus-agency.html?fbclid=abc123#comments');
    await waitForPageUiSettled(bPage);
    await bPage.close();
    const items = await timeline('Fidan');
    expect(items).toHaveLength(1);
    expect(items[0].sources).toHaveLength(1);
    expect(items[0].sources[0].url).toBe(server.url('/13-e3-bosphorus-agency.html'));
  });
});

/** The page's UI once the background has answered for it (its report arrived and any banner is shown). */
async function waitForPageUiSettled(page: import('playwright-core').Page) {
  await page.waitForTimeout(1500);
  return waitForPageUi(page, () => true);
}
