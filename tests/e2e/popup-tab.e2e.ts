/**
 * The popup describes the tab it opens on, never the page that tab showed before. A reader who follows a link
 * and opens the popup at once used to see the previous article's entities (2 of 6 quick opens): the tab's record
 * outlived its page until the new page's analysis replaced it, a second or more later.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  servePages,
  tabIdOf,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

/** Three articles of the fixtures, each told apart in the popup by the start of its headline. */
const ARTICLES = [
  { path: '/demo-article.html', headline: 'Pakistan and Belgium agree' },
  { path: '/rome-talks-wire.html', headline: 'Italy, Pakistan pledge' },
  { path: '/wire-naqvi-brunner.html', headline: 'Pakistan, EU vow' },
];

/** Opens the popup on `tabId` and records every screen it paints (from its very first) until `done` holds. */
async function popupScreens(b: ExtensionBrowser, tabId: number, done: string, from: Page): Promise<string[]> {
  // In a window of its own, like the real popup over its tab: a second tab in the article's window would hide the
  // article, and a hidden tab's timers are throttled to one a second.
  const cdp = await b.context.newCDPSession(from);
  const opened = b.context.waitForEvent('page');
  await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
  const popup: Page = await opened;
  await cdp.detach();
  await popup.addInitScript(`(() => {
    const screens = (window.__screens = []);
    const record = () => {
      const t = document.body ? document.body.innerText : '';
      if (screens[screens.length - 1] !== t) screens.push(t);
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
  try {
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForFunction((d) => document.body.innerText.includes(d), done, { timeout: 40_000 });
    return await popup.evaluate(() => (window as unknown as { __screens: string[] }).__screens);
  } finally {
    await popup.close();
  }
}

describe('the popup after the tab navigates', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;

  beforeAll(async () => {
    server = await servePages(PAGES);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-popup-tab-'));
    b = await launchWithExtension({ profileDir });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('never shows the previous page, in six quick opens after navigations', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url(ARTICLES[0].path));
    const tabId = await tabIdOf(b, server.url(ARTICLES[0].path));
    expect((await popupScreens(b, tabId, ARTICLES[0].headline, page)).at(-1)).toContain(ARTICLES[0].headline);

    const wrong: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const now = ARTICLES[i % ARTICLES.length];
      const before = ARTICLES[(i - 1) % ARTICLES.length];
      // Half the opens come as soon as the new page commits, half once it has loaded; none waits for the marks.
      await page.goto(server.url(now.path), { waitUntil: i % 2 ? 'commit' : 'load' });
      const screens = await popupScreens(b, tabId, now.headline, page);
      expect(screens.at(-1)).toContain(now.headline);
      for (const s of screens)
        if (s.includes(before.headline)) wrong.push(`open ${i}: ${before.path} shown on ${now.path}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
