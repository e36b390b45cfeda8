/**
 * The analyze command on inputs it must refuse or bound: files over the size limit, FIFOs and devices (which would
 * block or never end), binary and non-UTF-8 files, markup nested too deep, text too long, and a file named like an
 * option. Each runs the real script in a child process, with a timeout so a hang is a failure, not a stuck run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH } from '../../../lib/article/parse-html';
import { MAX_INPUT_BYTES } from '../../../lib/cli/analyze-file';
import { parseArgs } from '../../../lib/cli/args';
import { MAX_ANALYSED_CHARS } from '../../../lib/pipeline';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const DIR = mkdtempSync(join(tmpdir(), 'analyze-limits-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in DIR (so relative names like "-h" are files there); gives up after 15 s. */
function cli(args: string[], input?: string | Buffer): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts', 'analyze.ts'), ...args],
      { cwd: DIR, timeout: 15_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? (err.killed ? -1 : 1)) : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

const file = (name: string, body: string | Buffer): string => {
  writeFileSync(join(DIR, name), body);
  return name;
};

const ARTICLE =
  '<p>Interior Minister Mohsin Naqvi met Belgian Interior Minister Bernard Quintin in Brussels on Monday.</p>';
const nested = (depth: number) =>
  `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}${ARTICLE}${'</div>'.repeat(depth)}</body></html>`;
const people = (line: string): string[] =>
  (JSON.parse(line) as { people: { name: string }[] }).people.map((p) => p.name);

describe('analyze command: arguments', () => {
  it.each([
    ['files', ['a.html', 'b.txt'], { help: false, files: ['a.html', 'b.txt'], unknown: null }],
    ['stdin', ['-'], { help: false, files: ['-'], unknown: null }],
    ['help', ['a.html', '-h'], { help: true }],
    ['a file named -h after --', ['--', '-h', '--help'], { help: false, files: ['-h', '--help'], unknown: null }],
    ['an unknown option', ['-x', 'a.html'], { help: false, files: ['a.html'], unknown: '-x' }],
  ])('%s', (_what, argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it('reads a file literally named -h when it comes after --, and prints help without --', async () => {
    file('-h', ARTICLE);
    const run = await cli(['--', '-h']);
    expect(run.code).toBe(0);
    expect(people(run.stdout.trim())).toContain('Bernard Quintin');
    const help = await cli(['-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage:/);
  });
});

describe('analyze command: inputs it refuses', () => {
  it.each([
    [
      'a file over the size limit',
      () => {
        const name = file('huge.html', '');
        truncateSync(join(DIR, name), MAX_INPUT_BYTES + 1);
        return name;
      },
      /larger than 4 MB/,
    ],
    [
      'a FIFO (without waiting for a writer)',
      () => {
        const name = 'pipe';
        execFileSync('mkfifo', [join(DIR, name)]);
        return name;
      },
      /FIFO/,
    ],
    ['/dev/zero', () => '/dev/zero', /device/],
    ['/dev/urandom', () => '/dev/urandom', /device/],
    ['a binary file', () => file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a])), /binary/],
    ['a file that is not UTF-8', () => file('latin1.txt', Buffer.from('caf\xe9 cr\xe8me', 'latin1')), /not UTF-8/],
  ])('refuses %s with a clear message, before any output', async (_what, make, message) => {
    const name = make();
    const run = await cli([name, file('fine.html', ARTICLE)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('refuses stdin over the size limit', async () => {
    const run = await cli(['-'], Buffer.alloc(MAX_INPUT_BYTES + 10, 'a'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/stdin: it is larger than/);
  });
});

describe('analyze command: pages over the pipeline’s limits', () => {
  it('reads 2,000 nested divs in bounded time, from the body', async () => {
    const run = await cli([file('deep.html', nested(2_000))]);
    expect(run.code).toBe(0);
    expect(people(run.stdout.trim())).toContain('Bernard Quintin');
  });

  it('reports markup nested deeper than the parser’s limit as that file’s error, and goes on', async () => {
    const run = await cli([file('deeper.html', nested(MAX_HTML_DEPTH + 100)), file('ok.html', ARTICLE)]);
    expect(run.code).toBe(1);
    const [bad, good] = run.stdout.trim().split('\n');
    expect(JSON.parse(bad)).toMatchObject({ people: [], engagements: [], error: expect.stringMatching(/levels deep/) });
    expect(people(good)).toContain('Bernard Quintin');
    expect(run.stderr).toMatch(/deeper\.html: the page nests elements/);
  });

  it('reports text longer than is analysed as an error, not a silently partial report', async () => {
    const sentence = 'The committee met again and talked about the weather for a long while. ';
    const text = `${sentence.repeat(Math.ceil((MAX_ANALYSED_CHARS * 1.2) / sentence.length))}`;
    const run = await cli([file('long.txt', text)]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.trim()).error).toMatch(/at most 200,000 are analysed/);
  });
});
