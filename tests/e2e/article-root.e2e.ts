/**
 * The story, not the page: on a page whose <main> wraps the story with rails, related links, a gallery, a bio,
 * a newsletter box, comments and text hidden by its style sheet, marks land only in the story and its headline.
 * The hover card keeps clear of the marks after the one it belongs to, and the keyboard reaches every entity
 * once, goes into its card, and comes back.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  entityIdsOn,
  launchWithExtension,
  type PageServer,
  servePages,
  waitForMarks,
  waitForPageUi,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

type Rect = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The hover card's box in the viewport, read through the DevTools protocol (the card is in a closed root). */
async function cardRect(page: Page): Promise<Rect | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    let found: Node | null = null;
    const walk = (n: Node) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'class' && a[i + 1].split(' ').includes('card')) found = n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    if (!found) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: (found as Node).nodeId })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border;
    return { left: x1, top: y1, right: x3, bottom: y3 };
  } finally {
    await cdp.detach();
  }
}

/** Every mark's text and viewport boxes (one per line it spans), and the paragraph it sits in. */
const markBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('counterpart-mark')].map((m, i) => ({
      i,
      text: m.textContent ?? '',
      block: [...document.querySelectorAll('p,h1')].indexOf(m.closest('p,h1') as Element),
      rects: [...m.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
    })),
  );

/** What has focus: one of our marks (its text), the card (the extension's host), or another element. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.tagName === 'COUNTERPART-MARK') return `mark:${el.textContent}`;
    if (el.parentElement === document.documentElement && el.tagName === 'DIV' && !el.id) return 'card';
    return el.tagName.toLowerCase();
  });

describe('the story, not the page', () => {
  let server: PageServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await servePages(PAGES);
    b = await launchWithExtension();
  });

  afterAll(async () => {
    await b?.close(true);
    await server?.close();
  });

  it('marks the story and its headline, never the rails, captions, bio, comments or hidden text', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/story-with-rails.html'));
    await waitForMarks(page, 6);
    const marks = await page.evaluate(() =>
      [...document.querySelectorAll('counterpart-mark')].map((m) => ({
        text: m.textContent ?? '',
        where: m.closest('h1') ? 'headline' : m.closest('.article-body > p:not(.print-only)') ? 'story' : 'elsewhere',
      })),
    );
    expect(marks.filter((m) => m.where === 'elsewhere')).toEqual([]);
    expect(marks.some((m) => m.where === 'headline' && m.text === 'Pakistan')).toBe(true);
    const texts = marks.map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['Mohsin Naqvi', 'Bernard Quintin']));
    expect(texts.join(' ')).not.toMatch(/Italy|Tunisia/);
    const entities = await entityIdsOn(b, page.url());
    expect(entities).toEqual(expect.arrayContaining(['country:PK', 'country:BE', 'topic:counterterrorism']));
    expect(entities.filter((e) => e === 'country:IT' || e === 'country:TN')).toEqual([]);
    await page.close();
  });

  it('places the hover card clear of the marks after its own, wherever the mark is in the window', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url('/story-with-rails.html'));
    await waitForMarks(page, 6);
    // The first mark of the story's first paragraph, with more marks after it on its line and the lines below.
    const all = await markBoxes(page);
    const first = all.find((m) => m.block > 0 && all.filter((n) => n.block === m.block).length >= 3)!;
    expect(first).toBeDefined();
    for (const scrollTo of ['natural', 'mark at the top']) {
      await page.mouse.move(0, 0);
      await page.keyboard.press('Escape');
      if (scrollTo === 'mark at the top')
        await page.evaluate((i) => {
          const m = document.querySelectorAll('counterpart-mark')[i];
          window.scrollBy(0, m.getBoundingClientRect().top - 30);
        }, first.i);
      const mark = page.locator('counterpart-mark').nth(first.i);
      await mark.hover();
      await waitForPageUi(page, (u) => !!u.card);
      const card = await cardRect(page);
      expect(card).not.toBeNull();
      const boxes = await markBoxes(page);
      const after = boxes.filter((m) => m.block === first.block && m.i >= first.i);
      expect(after.length).toBeGreaterThanOrEqual(3);
      const covered = after.filter((m) => m.rects.some((r) => overlaps(card as Rect, r))).map((m) => m.text);
      expect({ scrollTo, covered }).toEqual({ scrollTo, covered: [] });
    }
    await page.close();
  });

  it('gives each entity one Tab stop, Tab goes into its card and on past it, Escape comes back', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/story-with-rails.html'));
    await waitForMarks(page, 6);
    const entities = await entityIdsOn(b, page.url());
    const markCount = await page.evaluate(() => document.querySelectorAll('counterpart-mark').length);
    expect(markCount).toBeGreaterThan(entities.length);
    const stops: string[] = [];
    for (let k = 0; k < 120; k++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now === 'body' && stops.length) break;
      stops.push(now);
      // The card opens on focus: wait for it before the next Tab.
      if (now.startsWith('mark:')) await waitForPageUi(page, (u) => !!u.card);
    }
    const markStops = stops.filter((s) => s.startsWith('mark:'));
    expect(markStops).toHaveLength(entities.length);
    // Every mark stop is followed by its card (the timeline link), then by something that is not that mark.
    for (let i = 0; i < stops.length; i++) {
      if (!stops[i].startsWith('mark:')) continue;
      expect(stops[i + 1]).toBe('card');
      expect(stops[i + 2]).not.toBe(stops[i]);
    }

    // Into the card and back: Shift+Tab and Escape both give focus back to the mark.
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const firstMark = markStops[0];
    for (let k = 0; k < 60 && (await focused(page)) !== firstMark; k++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(firstMark);
    await waitForPageUi(page, (u) => !!u.card);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('card');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(firstMark);
    await page.keyboard.press('Escape');
    await waitForPageUi(page, (u) => !u.card);
    await page.keyboard.press('Tab');
    // With the card closed, focus goes from the mark straight on through the page.
    expect(await focused(page)).not.toBe(firstMark);
    await page.close();
  });
});
