/**
 * The reader's experience in real Chromium: marks on several news layouts, hover cards, the banner, saving
 * passages and finding them again on a changed page, popup filters, gazetteer edits, and accessibility.
 * Screenshots land in tests/screenshots/ for the README.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickPageUi,
  coversExactly,
  type ExtensionBrowser,
  entityIdsOn,
  launchWithExtension,
  openPopup,
  type PageServer,
  readPageUi,
  saveSelectionInTab,
  servePages,
  tabIdOf,
  textBoxes,
  waitForMarks,
  waitForPageUi,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const SHOTS = join(import.meta.dirname, '..', 'screenshots');

// Marks name no entity in the page (the page could read it): which entities were found comes from the background.
const marksOf = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('counterpart-mark')].map((m) => ({
      text: m.textContent ?? '',
      attributes: m.getAttributeNames().filter((a) => a !== 'style' && a !== 'tabindex' && a !== 'role'),
      nested: !!m.parentElement?.closest('counterpart-mark'),
    })),
  );

/** The passage highlights cover exactly the boxes of `text` on the page. */
const highlighted = async (page: Page, text: string) =>
  coversExactly((await readPageUi(page)).highlights, await textBoxes(page, text));

/** Selects the first occurrence of `text` in the page, as a reader would with the mouse. */
async function select(page: Page, text: string) {
  await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = (n as Text).data;
      // The passage may cross marks, so look at the paragraph's text and map back.
      const p = n.parentElement?.closest('p');
      if (!p?.textContent?.includes(t)) continue;
      const start = p.textContent.indexOf(t);
      const range = document.createRange();
      let seen = 0;
      let startSet = false;
      const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let m = w.nextNode(); m; m = w.nextNode()) {
        const len = (m as Text).data.length;
        if (!startSet && start < seen + len) {
          range.setStart(m, start - seen);
          startSet = true;
        }
        if (startSet && start + t.length <= seen + len) {
          range.setEnd(m, start + t.length - seen);
          break;
        }
        seen += len;
      }
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return data;
    }
    throw new Error(`text not found: ${t}`);
  }, text);
}

describe('reading news with Counterpart', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;

  const saveSelectionFromBackground = (tabId: number) => saveSelectionInTab(b, tabId);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await servePages(PAGES);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-reader-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('marks the article body only, never menus, sidebars, forms or editable areas', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/layout-sidebar.html'));
    await waitForMarks(page, 4);
    const where = await page.evaluate(() =>
      [...document.querySelectorAll('counterpart-mark')].map((m) => m.closest('article') !== null),
    );
    expect(where.every(Boolean)).toBe(true);
    expect((await marksOf(page)).flatMap((m) => m.attributes)).toEqual([]);
    const entities = new Set(await entityIdsOn(b, page.url()));
    expect(entities).toContain('country:IT');
    expect(entities).toContain('country:TN');
    expect(entities).toContain('topic:human-trafficking');
    expect([...entities].some((e) => e.startsWith('official:') && e.includes('piantedosi'))).toBe(true);
    // The reader's draft in the comment box is untouched.
    expect(await page.inputValue('textarea')).toContain('Italy should talk to Tunisia');
    await page.close();
  });

  it('opens a hover card with the entity, its engagements and a timeline link; Escape closes it', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/demo-article.html'));
    await waitForMarks(page, 5);
    const naqvi = page.locator('counterpart-mark', { hasText: 'Naqvi' }).first();
    await naqvi.hover();
    const ui = await waitForPageUi(page, (u) => !!u.card?.includes('engagement'), 5000);
    const text = ui.card ?? '';
    expect(text).toContain('Mohsin Naqvi');
    expect(text).toContain('Pakistan');
    expect(text).toMatch(/\d+ engagements? in your timeline/);
    expect(text).toContain('Bernard Quintin');
    // The card never covers its mark.
    const markBox = await naqvi.boundingBox();
    const cardBox = await page.evaluate(() => {
      // The card is in a closed shadow root: the page only ever sees the empty host, wherever the card is.
      const host = document.documentElement.lastElementChild as HTMLElement;
      return { shadow: host.shadowRoot, text: host.textContent, children: host.childElementCount };
    });
    expect(cardBox).toEqual({ shadow: null, text: '', children: 0 });
    const open = ui.buttons.find((x) => x.text.startsWith('Open timeline'))!;
    expect(markBox).toBeTruthy();
    expect(open.y > markBox!.y + markBox!.height || open.y < markBox!.y).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'hover-card.png') });
    // The card's link opens the timeline filtered to the entity, through the extension (a real click).
    const opened = b.context.waitForEvent('page');
    await page.mouse.click(open.x, open.y);
    const timeline = await opened;
    await timeline.waitForLoadState();
    expect(timeline.url()).toBe(
      `chrome-extension://${b.extensionId}/popup.html?tab=timeline&entity=official%3Amohsin-naqvi`,
    );
    await expect.poll(() => timeline.textContent('body'), { timeout: 8000 }).toContain('Bernard Quintin');
    await timeline.close();
    await page.bringToFront();
    await naqvi.hover();
    await waitForPageUi(page, (u) => !!u.card);
    await page.keyboard.press('Escape');
    await waitForPageUi(page, (u) => u.card === null);
    // The pointer leaves the text (or it would open the card of whatever mark it rests on).
    await page.mouse.move(1, 1);
    // Keyboard users get the same card by focusing the mark.
    await page.locator('counterpart-mark', { hasText: 'Belgium' }).first().focus();
    await waitForPageUi(page, (u) => !!u.card?.includes('Belgium'));
    // Escape closes it and leaves the keyboard where it was.
    await page.keyboard.press('Escape');
    await waitForPageUi(page, (u) => u.card === null);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Belgium');
    await page.close();
  });

  it('shows a banner naming the other outlets when the page reports a known engagement', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/wire-naqvi-brunner.html'));
    await waitForMarks(page, 3);
    const ui = await waitForPageUi(page, (u) => !!u.banner?.includes('already in your timeline'), 8000);
    expect(ui.banner).toContain('Pakistan Today');
    await page.screenshot({ path: join(SHOTS, 'banner.png') });
    await clickPageUi(page, 'Dismiss', 'banner');
    await waitForPageUi(page, (u) => u.banner === null);
    await page.close();
  });

  it('saves a passage from the selection and highlights it again after the page changed a little', async () => {
    const original = await readFile(join(PAGES, 'layout-sidebar.html'), 'utf8');
    server.put('/story.html', original);
    const url = server.url('/story.html');
    const page = await b.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 3);
    const tabId = await tabIdOf(b, url);
    const passage = 'the accord would also expand joint training for coast guard officers';
    await select(page, passage);
    const saved = (await saveSelectionFromBackground(tabId)) as { ok: boolean; value?: { id: string } };
    expect(saved.ok).toBe(true);
    await expect.poll(() => highlighted(page, passage)).toBe(true);

    // A second passage saved through the keyboard-command path, removed from the page later.
    const doomed = 'Tunisia would not become a border guard for Europe';
    await select(page, doomed);
    expect(((await saveSelectionFromBackground(tabId)) as { ok: boolean }).ok).toBe(true);

    // The outlet edits the story: a word changes, an advert is inserted, and the quote about Europe is cut.
    const edited = original
      .replace('expand joint training', 'expand the joint training')
      .replace('<p>Piantedosi said', '<p class="ad">Advertisement: subscribe today.</p><p>Piantedosi said')
      .replace(/<p>Nouri said[^<]*<\/p>/, '<p>Nouri declined to comment further.</p>');
    server.put('/story.html', edited);
    await page.reload();
    await waitForMarks(page, 3);
    await expect
      .poll(() => highlighted(page, 'the accord would also expand the joint training for coast guard officers'))
      .toBe(true);

    const popup = await openPopup(b, `?tabId=${tabId}`);
    await popup.getByRole('tab', { name: /saved passages/i }).click();
    await expect.poll(() => popup.textContent('body'), { timeout: 8000 }).toContain('Not found on this page');
    expect(await popup.locator('section.orphans').textContent()).toContain('border guard for Europe');
    await popup.screenshot({ path: join(SHOTS, 'popup-passages.png') });
    await popup.close();
    await page.close();
  });

  it('follows a single-page app: late text is marked, a new story replaces the old marks, nothing twice', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/spa.html'));
    await waitForMarks(page, 2);
    expect((await marksOf(page)).map((m) => m.text)).toContain('Spain');
    await page.click('#next');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('counterpart-mark')].some((m) => m.textContent === 'Kenya'),
    );
    const marks = await marksOf(page);
    expect(marks.some((m) => m.text === 'Spain')).toBe(false);
    expect(marks.some((m) => m.nested)).toBe(false);
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('counterpart-mark')].map((m) => m.querySelectorAll('counterpart-mark').length),
    );
    expect(texts.every((n) => n === 0)).toBe(true);
    await page.close();
  });

  it('keeps marks readable on a dark page', async () => {
    const page = await b.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url('/dark.html'));
    await waitForMarks(page, 2);
    await page.screenshot({ path: join(SHOTS, 'dark-page.png') });
    const color = await page.evaluate(() => {
      const m = document.querySelector('counterpart-mark');
      return m ? getComputedStyle(m).color : '';
    });
    // Marks inherit the page's own light text colour instead of forcing a dark one.
    expect(color).toBe('rgb(228, 230, 234)');
    await page.close();
  });

  it('filters the timeline in the popup', async () => {
    const popup = await openPopup(b, '?tab=timeline');
    await expect.poll(() => popup.textContent('body'), { timeout: 8000 }).toContain('Magnus Brunner');
    await popup
      .getByRole('searchbox')
      .or(popup.getByPlaceholder(/search/i))
      .first()
      .fill('Quintin');
    await expect.poll(() => popup.textContent('body')).not.toContain('Magnus Brunner');
    expect(await popup.textContent('body')).toContain('Bernard Quintin');
    await popup.screenshot({ path: join(SHOTS, 'popup-timeline.png') });
    const axe = await new AxeBuilder({ page: popup }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await popup.close();
  });

  it('applies a gazetteer edit from the options page to detection on the next load', async () => {
    server.put(
      '/unknown-official.html',
      '<!doctype html><html><head><title>Talks</title></head><body><article><h1>Talks in Vienna</h1>' +
        '<p>Zarina Okonkwo-Lindqvist arrived in Vienna on Monday for talks on human trafficking.</p>' +
        '<p>Okonkwo-Lindqvist later spoke to reporters about illegal migration routes.</p></article></body></html>',
    );
    const url = server.url('/unknown-official.html');
    const page = await b.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 1);
    expect((await marksOf(page)).some((m) => m.text.includes('Okonkwo'))).toBe(false);

    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Add an official' }).click();
    const form = options.getByRole('form', { name: 'Add an official' });
    await form.getByLabel('Name', { exact: true }).fill('Zarina Okonkwo-Lindqvist');
    await form.getByLabel('Country', { exact: true }).fill('AT');
    await form.getByRole('button', { name: 'Add official' }).click();
    await expect.poll(() => options.textContent('body')).toContain('Zarina Okonkwo-Lindqvist');
    await options.screenshot({ path: join(SHOTS, 'options.png') });
    const axe = await new AxeBuilder({ page: options }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await options.close();

    await page.reload();
    await waitForMarks(page, 1);
    await expect
      .poll(async () => (await marksOf(page)).filter((m) => m.text.includes('Okonkwo')).length, { timeout: 8000 })
      .toBe(2);
    await page.close();
  });

  it('takes the README screenshots of the marked page and the popup', async () => {
    const page = await b.context.newPage();
    const url = server.url('/demo-article.html');
    await page.goto(url);
    await waitForMarks(page, 5);
    await page.screenshot({ path: join(SHOTS, 'page.png') });
    const popup = await openPopup(b, `?tabId=${await tabIdOf(b, url)}`);
    await expect.poll(() => popup.textContent('body')).toContain('Mohsin Naqvi');
    // Counts arrive after the names: the screenshot shows them, as a reader sees them a moment later.
    await expect.poll(() => popup.textContent('body')).toMatch(/\d+ engagements?/);
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    const axe = await new AxeBuilder({ page: popup }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await popup.getByRole('tab', { name: /save this article/i }).click();
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(SHOTS, 'popup-save-article.png') });
    await popup.close();
    await page.close();
  });
});
