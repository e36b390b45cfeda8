/**
 * The Firefox build in Firefox ESR: `web-ext lint` is clean of our own warnings, and in headless Firefox
 * (WebDriver BiDi, `scripts/firefox.ts`) the temporarily installed extension marks a page, its popup shows the
 * seeded timeline, and "On this page" describes the tab it is pointed at, also after that tab navigates.
 * `npm run test:e2e` builds the Firefox package first. Without Firefox this file fails: it never skips.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS } from '../../lib/data/seed';
import { type PageServer, ROOT, servePages } from '../../scripts/browser';
import { FIREFOX_EXTENSION_DIR, type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox';

const run = promisify(execFile);
const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

interface Manifest {
  browser_specific_settings: {
    gecko: { id: string; strict_min_version?: string; data_collection_permissions?: unknown };
    gecko_android?: { strict_min_version?: string };
  };
}

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/** Our own source files, to show that a lint warning about markup assignment cannot come from them. */
async function sources(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await sources(path, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

async function manifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
}

describe('the Firefox package', () => {
  it('passes web-ext lint without errors, and every warning is about bundled library code', async () => {
    const { stdout } = await run(
      'npx',
      ['web-ext', 'lint', '-s', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { errors: LintMessage[]; warnings: LintMessage[] };
    expect(report.errors).toEqual([]);
    // Preact (for `dangerouslySetInnerHTML`, unused here), Readability and linkedom assign `innerHTML`; that is
    // the one warning a bundle may carry (`UNSAFE_VAR_ASSIGNMENT`), and only while no file of ours assigns it.
    const ours = report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT');
    expect(ours.map((w) => `${w.code}: ${w.message} (${w.file ?? ''})`)).toEqual([]);
    if (report.warnings.length > 0) {
      const files = (await Promise.all(['lib', 'entrypoints', 'components'].map((d) => sources(join(ROOT, d))))).flat();
      for (const file of files) {
        expect(await readFile(file, 'utf8'), `${file} assigns markup`).not.toMatch(
          /\.(innerHTML|outerHTML)\s*\+?=(?!=)/,
        );
      }
    }
  }, 180_000);

  it('declares that it collects no data, for every Firefox version that reads the declaration', async () => {
    const gecko = (await manifest()).browser_specific_settings;
    expect(gecko.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // Firefox reads `data_collection_permissions` from 140 (Android 142): an older minimum would ignore it.
    expect(Number.parseFloat(gecko.gecko.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(gecko.gecko_android?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(142);
  });
});

/** The tab id the background filed `url`'s report under, read from the extension's session storage. */
const TAB_OF_URL = (url: string) => `browser.storage.session.get(null).then((all) => {
  const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab-') && v && v.report && v.report.url === ${JSON.stringify(url)});
  return hit ? { id: Number(hit[0].slice(4)), names: hit[1].report.entities.map((e) => e.name) } : null;
})`;

describe('the extension in Firefox ESR', () => {
  let server: PageServer;
  let ff: FirefoxWithExtension;
  let page: string;

  beforeAll(async () => {
    server = await servePages(PAGES);
    const { gecko } = (await manifest()).browser_specific_settings;
    ff = await launchFirefoxWithExtension({ geckoId: gecko.id });
    const tree = await ff.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    page = tree.contexts[0].context;
  }, 90_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  /** JavaScript errors of the extension's own pages and scripts, as Firefox prints them. */
  const extensionErrors = () =>
    ff
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('JavaScript error: moz-extension://'));

  it('installs the extension under its gecko id and marks officials, countries and topics on a page', async () => {
    expect(ff.extensionId).toBe((await manifest()).browser_specific_settings.gecko.id);
    await ff.navigate(page, server.url('/demo-article.html'));
    const marks = await ff.waitFor<number>(page, "document.querySelectorAll('counterpart-mark').length", (n) => n >= 5);
    expect(marks).toBeGreaterThanOrEqual(5);
    const inArticle = await ff.evaluate<boolean>(
      page,
      "[...document.querySelectorAll('counterpart-mark')].every((m) => m.closest('article'))",
    );
    expect(inArticle).toBe(true);
  });

  it("shows the seeded timeline in the popup's Timeline", async () => {
    const popup = await ff.newTab();
    await ff.navigate(popup, `${ff.origin}/popup.html?tab=timeline`);
    const text = await ff.waitFor<string>(popup, 'document.body.innerText', (t) =>
      SEED_ENGAGEMENTS.every((e) => t.includes(e.summary)),
    );
    expect(text).toContain(`${SEED_ENGAGEMENTS.length} engagements`);
    await ff.bidi.send('browsingContext.close', { context: popup });
  });

  it('describes the tab it is opened on in "On this page", and the new page after the tab navigates', async () => {
    const first = server.url('/demo-article.html');
    const second = server.url('/rome-talks-wire.html');
    const popup = await ff.newTab();
    await ff.navigate(popup, `${ff.origin}/popup.html?tab=timeline`);
    const before = await ff.waitFor<{ id: number; names: string[] } | null>(popup, TAB_OF_URL(first), (v) => !!v);
    if (!before) throw new Error('unreachable');
    await ff.navigate(popup, `${ff.origin}/popup.html?tabId=${before.id}`);
    const shown = await ff.waitFor<string>(popup, 'document.body.innerText', (t) => t.includes('Pakistan and Belgium'));
    for (const name of before.names) expect(shown).toContain(name);

    // The tab goes to another article; a popup opened at once may say it is still reading the page, but every
    // screen it shows until the new page's report arrives must not describe the article before.
    await ff.navigate(page, second);
    await ff.navigate(popup, `${ff.origin}/popup.html?tabId=${before.id}`);
    const screens: string[] = [];
    await ff.waitFor<string>(popup, 'document.body.innerText', (t) => {
      screens.push(t);
      return t.includes('Italy, Pakistan');
    });
    expect(screens.filter((t) => t.includes('Pakistan and Belgium'))).toEqual([]);
    await ff.bidi.send('browsingContext.close', { context: popup });
  });

  it('logs no JavaScript error from the extension, and would show one', async () => {
    expect(extensionErrors()).toEqual([]);
    const popup = await ff.newTab();
    await ff.navigate(popup, `${ff.origin}/popup.html?tab=timeline`);
    // A deliberate error proves the channel: if Firefox stopped printing them, the check above could never fail.
    await ff.evaluate(popup, "setTimeout(() => { throw new Error('counterpart-probe-error'); }); 0");
    await expect.poll(() => extensionErrors().join('\n'), { timeout: 5_000 }).toContain('counterpart-probe-error');
  });
});
