/**
 * Install and start give feedback; analysis prints its results only. `npm install` printed nothing for a minute
 * while `.npmrc` silenced npm for every command; the JSON lines of `npm run -s analyze` (what scorers run) are kept
 * clean by the script itself. `npm start` writes plain lines when its output is not a terminal.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainLine, plainLog } from '../../../scripts/plain-log';
import { build } from '../../../scripts/start';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const FILES = [join(PAGES, 'demo-article.html'), join(PAGES, 'dark.html')];

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { title: string | null });

describe('npm install and npm run analyze', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-quiet-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves npm's own messages on for this project (install shows its progress and warnings)", async () => {
    const { stdout } = await run('npm', ['config', 'get', 'loglevel'], { cwd: ROOT });
    expect(stdout.trim()).not.toBe('silent');
  });

  it('prints one JSON line per file and nothing else on stdout, as `npm run -s analyze` (the scorers’ command)', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'analyze', '--', ...FILES], { cwd: ROOT, timeout: 60_000 });
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(FILES.length);
    expect(lines[0].title).toMatch(/Pakistan and Belgium/);
  }, 60_000);

  it("without -s, npm's banner is all that stands before the JSON lines", async () => {
    const { stdout } = await run('npm', ['run', 'analyze', '--', FILES[0]], { cwd: ROOT, timeout: 60_000 });
    const [banner, json] = [stdout.slice(0, stdout.indexOf('{')), stdout.slice(stdout.indexOf('{'))];
    for (const line of banner.split('\n')) expect(line === '' || line.startsWith('> ')).toBe(true);
    expect(jsonLines(json)).toHaveLength(1);
  }, 60_000);

  it('sends what a library logs during the analysis to stderr, not among the results', async () => {
    // A module loaded before the script that logs once the results are being written, as a chatty library would.
    const chatty = join(dir, 'chatty.mjs');
    await writeFile(
      chatty,
      [
        'const write = process.stdout.write.bind(process.stdout);',
        'let once = false;',
        'process.stdout.write = (...args) => {',
        "  if (!once) { once = true; console.log('chatty library'); console.info('more chatter'); }",
        '  return write(...args);',
        '};',
      ].join('\n'),
    );
    const { stdout, stderr } = await run(
      'node',
      ['--import', 'tsx', '--import', chatty, join(ROOT, 'scripts', 'analyze.ts'), ...FILES],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(jsonLines(stdout)).toHaveLength(FILES.length);
    expect(stderr).toContain('chatty library');
    expect(stderr).toContain('more chatter');
  }, 60_000);
});

// What WXT's build spinner writes (hide the cursor, frames redrawn after a carriage return and erased to the end
// of the line, colours, show the cursor), and what a log file should hold instead.
const HIDE = '\x1b[?25l';
const SHOW = '\x1b[?25h';
const frame = (f: string, text: string) => `\r\x1b[36m${f}\x1b[39m ${text}\x1b[K`;

describe('plainLine', () => {
  it.each([
    ['a plain line', 'Building the extension…', 'Building the extension…'],
    ['colours', '\x1b[1m\x1b[90mWXT 0.21.4\x1b[39m\x1b[22m', 'WXT 0.21.4'],
    [
      'spinner frames ending in the final message',
      `${HIDE}${frame('⠋', 'Preparing...')}${frame('⠙', '[1/4] background')}\r\x1b[K${SHOW}\x1b[32m✔\x1b[39m Built extension in 2.5 s`,
      '✔ Built extension in 2.5 s',
    ],
    [
      'a warning printed in the middle of a spinner',
      `${frame('⠧', '[3/4] options, popup')}a script in popup.html cannot be bundled`,
      'a script in popup.html cannot be bundled',
    ],
    ['a line that only ever held a spinner', `${HIDE}${frame('⠋', 'Preparing...')}\r\x1b[K${SHOW}`, ''],
  ])('%s', (_what, raw, plain) => {
    expect(plainLine(raw)).toBe(plain);
  });
});

describe('plainLog', () => {
  it('gives the same plain lines however the output is cut into chunks, with no escape code or carriage return', () => {
    const raw = `\nWXT 0.21.4\n${HIDE}${frame('⠋', 'Preparing...')}${frame('⠙', '[1/4] background')}\r\x1b[K${SHOW}✔ Built\n  manifest.json 1 kB\ntail`;
    for (const size of [1, 3, 7, raw.length]) {
      const log = plainLog();
      let out = '';
      for (let i = 0; i < raw.length; i += size) out += log.write(raw.slice(i, i + size));
      out += log.end();
      expect(out).toBe('\nWXT 0.21.4\n✔ Built\n  manifest.json 1 kB\ntail\n');
    }
  });
});

describe("npm start's build step", () => {
  /** A stream that is not a terminal, collecting what is written to it. */
  const collector = () => {
    let text = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    }) as unknown as NodeJS.WriteStream;
    return { stream, text: () => text };
  };

  it('writes a spinning build as plain lines when its output is not a terminal', async () => {
    const spinner = [
      `process.stdout.write(${JSON.stringify(`${HIDE}${frame('⠋', 'Preparing...')}${frame('⠙', '[1/2] background')}`)});`,
      `process.stdout.write(${JSON.stringify(`\r\x1b[K${SHOW}\x1b[32m✔\x1b[39m Built extension\n`)});`,
      `process.stderr.write(${JSON.stringify('\x1b[33mwarning\x1b[39m: a hint\n')});`,
    ].join('');
    const out = collector();
    const err = collector();
    await build(['node', '-e', spinner], out.stream, err.stream);
    expect(out.text()).toBe('✔ Built extension\n');
    expect(err.text()).toBe('warning: a hint\n');
  });

  it('fails when the build fails', async () => {
    const out = collector();
    await expect(build(['node', '-e', 'process.exit(3)'], out.stream, out.stream)).rejects.toThrow(/exit code 3/);
  });
});
