import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SET = join(ROOT, 'tests', 'fixtures', 'multi-outlet');

function timeline(args: string[]) {
  return run('node', ['--import', 'tsx', join(ROOT, 'scripts', 'timeline.ts'), ...args], { cwd: ROOT });
}

describe('timeline command', () => {
  it('prints one JSON line per engagement, merging two outlets’ reports and keeping a later trip apart', async () => {
    const files = ['01-e1-capital-post.html', '04-e1-tiber-courier.html', '14-d1-capital-post.html'].map((f) =>
      join(SET, f),
    );
    const { stdout } = await timeline(files);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual(['kind', 'participants', 'place', 'date', 'sources']);
    expect(lines[0]).toMatchObject({ kind: 'meeting', place: 'Rome', date: '2026-01-14' });
    expect(lines[0].sources.map((s: { file: string }) => s.file)).toEqual(files.slice(0, 2));
    expect(lines[0].sources[0]).toEqual({
      file: files[0],
      // The page's og:url, without its www.
      url: 'https://capitalpost.example/pakistan/naqvi-piantedosi-rome-migration-talks',
      outlet: 'Capital Post',
      title: 'Naqvi, Piantedosi agree to widen cooperation against human smuggling',
      published: '2026-01-14',
    });
    expect(lines[1]).toMatchObject({ place: 'Islamabad', date: '2026-02-16' });
    expect(lines[1].sources).toHaveLength(1);
  }, 60_000);

  it('reads a directory in name order and refuses a missing file before printing anything', async () => {
    const { stdout } = await timeline(['--', SET]);
    expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(8);
    await expect(timeline([join(SET, 'missing.html')])).rejects.toMatchObject({ code: 2, stdout: '' });
  }, 60_000);
});
