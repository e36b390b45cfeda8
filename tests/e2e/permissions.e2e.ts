/**
 * The built packages ask for nothing they do not use, and the Firefox package passes `web-ext lint`.
 * Builds the Firefox package itself (the e2e script builds only Chrome); no browser is started.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from '../../scripts/browser';

const run = promisify(execFile);
const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

/** What each permission is for, and a source pattern that proves the code uses it. */
const USES: Record<string, RegExp> = {
  storage: /wxt\/utils\/storage|browser\.storage|storage\.(local|sync|session)/,
  contextMenus: /contextMenus\.create/,
  // The timeline must not be evicted or capped at the default quota; persistence is asked for explicitly.
  unlimitedStorage: /navigator\.storage\?*\.persist|indexedDB|Dexie/,
};

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: unknown;
}

async function sources(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await sources(path, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(await readFile(path, 'utf8'));
  }
  return out;
}

describe('permissions of the built packages', () => {
  let chrome: Manifest;
  let firefox: Manifest;
  let code: string;

  beforeAll(async () => {
    await run('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, timeout: 120_000 });
    chrome = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    firefox = JSON.parse(await readFile(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    code = (await Promise.all(['lib', 'entrypoints', 'components'].map((d) => sources(join(ROOT, d)))))
      .flat()
      .join('\n');
  }, 180_000);

  it.each([
    ['chrome-mv3', () => chrome],
    ['firefox-mv2', () => firefox],
  ])('%s asks only for permissions the code uses, and no hosts beyond its content script', (_name, manifest) => {
    const m = manifest();
    const permissions = m.permissions ?? [];
    const matches = new Set((m.content_scripts ?? []).flatMap((c) => c.matches));
    const named = permissions.filter((p) => !p.includes('://') && p !== '<all_urls>');
    const hosts = [
      ...(m.host_permissions ?? []),
      ...permissions.filter((p) => p.includes('://') || p === '<all_urls>'),
    ];
    expect(named.sort()).toEqual(['contextMenus', 'storage', 'unlimitedStorage']);
    for (const p of named) expect(code, `nothing in the code uses "${p}"`).toMatch(USES[p]);
    for (const h of hosts) expect(matches, `host permission ${h} is not a content script match`).toContain(h);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('web-ext lint passes for the Firefox package', async () => {
    const { stdout } = await run(
      'npx',
      ['web-ext', 'lint', '-s', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'],
      {
        cwd: ROOT,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    expect(report.errors).toEqual([]);
    // Warnings are printed so a reader sees them; the only ones tolerated are about bundled library code.
    for (const w of report.warnings) console.log(`web-ext warning ${w.code}: ${w.message} (${w.file ?? ''})`);
  }, 180_000);
});
