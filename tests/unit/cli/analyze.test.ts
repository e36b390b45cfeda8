import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../../lib/cli/analyze-file';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const FIELDS = ['title', 'published', 'outlet', 'people', 'countries', 'topics', 'engagements', 'figures'];

async function cli(args: string[], input?: string) {
  const child = run('node', ['--import', 'tsx', join(ROOT, 'scripts', 'analyze.ts'), ...args], { cwd: ROOT });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return child;
}

describe('analyze command', () => {
  it.each([
    ['an empty file', 'empty.html', ''],
    ['an HTML fragment', 'frag.html', '<p>Interior Minister Mohsin Naqvi met the Turkish Ambassador on Monday.</p>'],
    ['plain text', 'note.txt', 'ROME: Italian Interior Minister Matteo Piantedosi met his Libyan counterpart.'],
    ['binary noise', 'noise.txt', '\u0000\u0001<<<>>>\uffff'],
  ])('always prints every field for %s', (_what, name, body) => {
    const out = analyzeSource(name, body);
    expect(Object.keys(out)).toEqual(FIELDS);
    for (const k of ['people', 'countries', 'topics', 'engagements', 'figures'] as const) {
      expect(Array.isArray(out[k])).toBe(true);
    }
  });

  it('prints one JSON line per file in input order, stdin included', async () => {
    const { stdout } = await cli(
      [join(PAGES, 'dark.html'), '-', join(PAGES, 'demo-article.html')],
      'ISLAMABAD: Interior Minister Mohsin Naqvi received the Chinese Ambassador Jiang Zaidong on Tuesday.',
    );
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].title).toBe('UK and France agree new Channel plan');
    expect(lines[1].people.map((p: { name: string }) => p.name)).toContain('Jiang Zaidong');
    expect(lines[2].people.map((p: { name: string }) => p.name)).toContain('Bernard Quintin');
    expect(lines[2].engagements[0]).toMatchObject({ kind: 'meeting', place: 'Brussels', date: '2025-12-12' });
  });

  it.each([
    ['a missing file', ['/nonexistent/article.html'], /cannot read \/nonexistent\/article.html: no such file/],
    ['a directory', [PAGES], /it is a directory/],
  ])('fails with a clear message for %s', async (_what, args, message) => {
    const err = await cli(args).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toMatch(message);
    expect(err?.stdout).toBe('');
  });
});
