/**
 * The page as an attacker: its own scripts forge marks and events, read every shadow root and attribute they can
 * reach, watch every mutation and listen for the extension's events, while the reader really hovers, saves and
 * reads. They must learn nothing about what the reader's timeline holds. What the reader sees is checked through
 * the DevTools protocol, which (unlike the page) sees inside the extension's closed shadow root.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickPageUi,
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  type PageServer,
  readPageUi,
  saveSelectionInTab,
  servePages,
  tabIdOf,
  waitForMarks,
  waitForPageUi,
} from '../../scripts/browser';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

/**
 * The page's spy, in its own world from the first script on: every mutation with its attributes, a set of
 * event names an extension might use, and a scan of everything reachable (DOM, attributes, open shadow roots).
 */
const SPY = `<script>
(function () {
  var log = [];
  window.__log = log;
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === 'attributes') log.push('attr ' + r.attributeName + '=' + r.target.getAttribute(r.attributeName));
      if (r.type === 'characterData') log.push('text ' + r.target.data);
      r.addedNodes.forEach(function (n) {
        if (!(n.hasAttribute && n.hasAttribute('data-forged'))) log.push('add ' + (n.outerHTML || n.textContent));
      });
    });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  ['counterpart:marked', 'counterpart', 'marked', 'message', 'counterpart-marked'].forEach(function (t) {
    var note = function (e) { log.push('event ' + t + ' ' + JSON.stringify(e.detail || e.data || '')); };
    document.addEventListener(t, note, true);
    window.addEventListener(t, note, true);
  });
  window.__scan = function () {
    // The page's own scripts (this spy among them) are not what it learned.
    var copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script').forEach(function (el) { el.remove(); });
    var out = [copy.outerHTML];
    var els = document.querySelectorAll('*');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.shadowRoot) out.push('shadow ' + el.shadowRoot.innerHTML);
      for (var j = 0; j < el.attributes.length; j++) out.push(el.attributes[j].name + '=' + el.attributes[j].value);
    }
    out.push('dataset ' + JSON.stringify(document.documentElement.dataset));
    return out.join('\\n') + '\\n' + log.join('\\n');
  };
  window.__forge = function () {
    var article = document.querySelector('article') || document.body;
    ['country:BE', 'official:mohsin-naqvi', 'country:PK'].forEach(function (id) {
      var m = document.createElement('counterpart-mark');
      m.setAttribute('data-forged', '');
      m.setAttribute('data-entity', id);
      m.setAttribute('data-kind', id.split(':')[0]);
      m.setAttribute('tabindex', '0');
      m.textContent = 'Belgium';
      article.appendChild(m);
      m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      m.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      m.remove();
    });
    // Synthetic events on the extension's real marks too.
    document.querySelectorAll('counterpart-mark').forEach(function (m) {
      m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      m.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
  };
})();
</script>`;

/** Words that only the reader's timeline (seed engagements, other outlets, the extension) could have put there. */
const SECRETS = [
  'Quintin',
  'Brunner',
  'Brussels',
  'engagement',
  'timeline',
  'Lahore Ledger',
  'ledger.html',
  'chrome-extension',
  'data-entity',
  'data-passage',
  'data-counterpart',
  'official:',
  'country:',
  'topic:',
  'counterpart-ui',
];

/** Each secret the page saw, with where it saw it. */
function leaks(seen: string, extensionId: string): string[] {
  return [...SECRETS, extensionId].flatMap((s) => {
    const at = seen.indexOf(s);
    return at < 0 ? [] : [`${s}: …${seen.slice(Math.max(0, at - 80), at + 80)}…`];
  });
}

describe('a hostile page learns nothing about the stored data', () => {
  let server: PageServer;
  let b: ExtensionBrowser;
  let profileDir: string;

  const withSpy = (html: string) => html.replace(/<head>/i, `<head>${SPY}`);
  const scan = (page: Page) => page.evaluate(() => (window as unknown as { __scan(): string }).__scan());
  const engagementCount = async () => {
    const popup = await openPopup(b, '?tab=passages');
    const n = await popup.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const r = (await chrome.runtime.sendMessage({ type: 'queryTimeline', filter: { limit: 500 } })) as {
        value: { items: unknown[] };
      };
      return r.value.items.length;
    });
    await popup.close();
    return n;
  };

  beforeAll(async () => {
    server = await servePages(PAGES);
    profileDir = await mkdtemp(join(tmpdir(), 'counterpart-hostile-'));
    b = await launchWithExtension({ profileDir });
    // A plain article that names seed officials and countries but none of the timeline's details.
    server.put(
      '/h/plain.html',
      withSpy(
        '<!doctype html><html><head><title>Interior talks</title></head><body><article><h1>Interior talks</h1>' +
          '<p>Pakistan and Belgium agreed on Tuesday to widen police cooperation, Mohsin Naqvi told reporters.</p>' +
          '<p>Officials said illegal migration and human trafficking would be on the agenda of the next round.</p>' +
          '</article></body></html>',
      ),
    );
    for (const name of ['rome-talks-ledger', 'rome-talks-wire']) {
      server.put(`/h/${name}.html`, withSpy(await readFile(join(PAGES, `${name}.html`), 'utf8')));
    }
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('forged marks and synthetic events open no card; the reader’s own hover shows one the page cannot read', async () => {
    const page = await b.context.newPage();
    await page.goto(server.url('/h/plain.html'));
    expect(await waitForMarks(page, 3)).toBeGreaterThan(2);
    await page.evaluate(() => (window as unknown as { __forge(): void }).__forge());
    await page.waitForTimeout(1_000);
    expect((await readPageUi(page)).card).toBeNull();

    // A real hover: the card shows the timeline to the reader…
    await page.locator('counterpart-mark', { hasText: 'Belgium' }).first().hover();
    const ui = await waitForPageUi(page, (u) => !!u.card?.includes('Quintin'));
    expect(ui.card).toMatch(/\d+ engagements? in your timeline/);
    // …and the page, scanning everything it can reach while the card is open, finds none of it.
    expect(leaks(await scan(page), b.extensionId)).toEqual([]);
    // The host the page can see is an empty element whose shadow root it cannot open.
    const host = await page.evaluate(() => {
      const el = document.documentElement.lastElementChild as HTMLElement;
      return { tag: el.tagName, shadow: el.shadowRoot, children: el.childElementCount, attrs: el.getAttributeNames() };
    });
    expect(host).toEqual({ tag: 'DIV', shadow: null, children: 0, attrs: [] });
    // Marks name no entity: nothing but the page's own words, a style and (first of each) a tab stop.
    const attrs = await page.evaluate(() => [
      ...new Set([...document.querySelectorAll('counterpart-mark')].flatMap((m) => m.getAttributeNames())),
    ]);
    expect(attrs.sort()).toEqual(['role', 'style', 'tabindex']);
    await page.close();
  });

  it('reading history stays hidden: the banner’s outlets and links are not in the page, and the extension opens them', async () => {
    const first = await b.context.newPage();
    await first.goto(server.url('/h/rome-talks-ledger.html'));
    await waitForMarks(first, 3);
    await expect.poll(async () => (await engagementCount()) >= 3, { timeout: 10_000 }).toBe(true);
    await first.close();

    const second = await b.context.newPage();
    await second.goto(server.url('/h/rome-talks-wire.html'));
    await waitForPageUi(second, (u) => !!u.banner?.includes('The Lahore Ledger'), 10_000);
    expect(leaks(await scan(second), b.extensionId)).toEqual([]);
    // The reader clicks the other outlet: the extension opens it (the page never had its URL).
    const opened = b.context.waitForEvent('page');
    await clickPageUi(second, 'The Lahore Ledger', 'banner');
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(server.url('/h/rome-talks-ledger.html'));
    await tab.close();
    await second.close();
  });

  it('saved passages are painted outside the page: its DOM is the same with and without them', async () => {
    const url = server.url('/h/plain.html');
    const page = await b.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 3);
    const body = () => page.evaluate(() => document.body.innerHTML.replace(/<script[\s\S]*?<\/script>/g, ''));
    const before = await body();
    await page.evaluate(() => {
      const p = document.querySelectorAll('article p')[1];
      if (p) getSelection()?.selectAllChildren(p);
    });
    const saved = await saveSelectionInTab(b, await tabIdOf(b, url));
    expect(saved.ok).toBe(true);
    await waitForPageUi(page, (u) => u.highlights.length > 0 && !!u.notice?.includes('Saved'));
    expect(leaks(await scan(page), b.extensionId)).toEqual([]);
    expect(await body()).toBe(before);
    await page.reload();
    await waitForMarks(page, 3);
    await waitForPageUi(page, (u) => u.highlights.length > 0);
    expect(await body()).toBe(before);
    expect(leaks(await scan(page), b.extensionId)).toEqual([]);
    await page.close();
  });

  it('a page that defines the extension’s element names first does not silence its notices', async () => {
    server.put(
      '/h/squatter.html',
      '<!doctype html><html><head><title>Squatter</title><script>' +
        'class Trap extends HTMLElement { constructor() { super(); throw new Error("trap"); } }' +
        'customElements.define("counterpart-ui", Trap);' +
        'customElements.define("counterpart-notice", class extends HTMLElement { constructor() { super(); throw new Error("trap"); } });' +
        'const realAttach = Element.prototype.attachShadow;' +
        'Element.prototype.attachShadow = function () { throw new Error("no shadow for you"); };' +
        '</script></head><body><article><h1>Talks</h1>' +
        '<p>Mohsin Naqvi met his counterpart from Belgium on Tuesday to talk about human trafficking.</p>' +
        '</article></body></html>',
    );
    const url = server.url('/h/squatter.html');
    const page = await b.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 2);
    await page.evaluate(() => {
      const p = document.querySelector('article p');
      if (p) getSelection()?.selectAllChildren(p);
    });
    expect((await saveSelectionInTab(b, await tabIdOf(b, url))).ok).toBe(true);
    await waitForPageUi(page, (u) => !!u.notice?.includes('Saved to your Counterpart timeline'));
    await page.close();
  });

  it('a document replaced with document.open() and document.write() is marked like any other', async () => {
    server.put(
      '/h/rewrite.html',
      '<!doctype html><html><head><title>Loading</title></head><body><p>Loading…</p><script>' +
        'addEventListener("load", () => setTimeout(() => {' +
        'document.open();' +
        'document.write("<!doctype html><html><head><title>Rewritten</title></head><body><article><h1>Rewritten</h1>' +
        '<p>Mohsin Naqvi discussed illegal migration with officials from Belgium on Monday.</p></article></body></html>");' +
        'document.close(); }, 800));</script></body></html>',
    );
    const page = await b.context.newPage();
    await page.goto(server.url('/h/rewrite.html'));
    await expect.poll(() => page.evaluate(() => document.title), { timeout: 5_000 }).toBe('Rewritten');
    expect(await waitForMarks(page, 2)).toBeGreaterThanOrEqual(2);
    // The rewritten page has a working card too (its listeners were erased with the old document).
    await page.locator('counterpart-mark', { hasText: 'Belgium' }).first().hover();
    await waitForPageUi(page, (u) => !!u.card?.includes('Belgium'));
    await page.close();
  });

  it('pages built to stall the background do not hold back another tab’s marks', async () => {
    // One sentence of 290,000 characters with no full stop, and 2,000 nested divs: each once cost every tab 30 s.
    const clause = 'Mohsin Naqvi met Bernard Quintin and officials of Belgium to talk about human trafficking and ';
    server.put(
      '/h/stall-sentence.html',
      `<!doctype html><html><head><title>One sentence</title></head><body><article><p>${clause.repeat(
        Math.ceil(290_000 / clause.length),
      )}</p></article></body></html>`,
    );
    server.put(
      '/h/stall-divs.html',
      `<!doctype html><html><head><title>Divs</title></head><body>${'<div>Pakistan '.repeat(2_000)}${'</div>'.repeat(
        2_000,
      )}</body></html>`,
    );
    const stallers = [await b.context.newPage(), await b.context.newPage()];
    await Promise.all([
      stallers[0].goto(server.url('/h/stall-sentence.html')),
      stallers[1].goto(server.url('/h/stall-divs.html')),
    ]);
    // Marked first, then sent to the background to be read once the page is idle (within a second).
    for (const p of stallers) await waitForMarks(p, 1, 15_000);
    await stallers[0].waitForTimeout(1_500);
    // While the background reads them, an ordinary article in another tab still gets its marks promptly.
    const page = await b.context.newPage();
    await page.goto(server.url('/demo-article.html'));
    expect(await waitForMarks(page, 5, 10_000)).toBeGreaterThanOrEqual(5);
    for (const p of [page, ...stallers]) await p.close();
  });

  it('forty history-API navigations, each to a new meeting, add a few engagements, not forty', async () => {
    server.put(
      '/h/restless.html',
      '<!doctype html><html><head><title>Live</title><meta property="og:type" content="article"></head><body>' +
        '<article id="story"></article><script>' +
        'const cities = ["Rome", "Madrid", "Vienna", "Lisbon", "Athens"];' +
        'window.__go = (n, ms) => new Promise((done) => { let i = 0; (function step() {' +
        ' if (i >= n) return done(i); i++;' +
        ' history.pushState({}, "", "/h/restless/" + i);' +
        ' document.getElementById("story").innerHTML = "<h1>Talks " + i + "</h1><p>ISLAMABAD: Interior Minister ' +
        'Mohsin Naqvi met Italian Interior Minister Matteo Piantedosi in " + cities[i % 5] + " on " + (i % 27 + 1) + ' +
        '" March 2026 to discuss illegal migration and human trafficking.</p>";' +
        ' setTimeout(step, ms); })(); });' +
        '</script></body></html>',
    );
    const before = await engagementCount();
    const page = await b.context.newPage();
    await page.goto(server.url('/h/restless.html'));
    await page.waitForTimeout(1_000);
    await page.evaluate(() => (window as unknown as { __go(n: number, ms: number): Promise<number> }).__go(40, 250));
    await page.waitForTimeout(4_000);
    const added = (await engagementCount()) - before;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(3);
    // The last story is marked: the reader still gets the page they ended on.
    expect(await waitForMarks(page, 2)).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
