/**
 * `npm start`: build the extension, serve the bundled demo article on 127.0.0.1 and open it in Chromium with
 * Counterpart loaded. With a display the browser stays open for you; without one (a server, CI) it runs
 * headless and writes screenshots of the marked page, a hover card and the popup to ./screenshots/.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithExtension, openPopup, ROOT, servePages, tabIdOf, waitForMarks } from './browser';
import { plainLog } from './plain-log';

const SHOTS = join(ROOT, 'screenshots');

/**
 * `wxt build`, its spinner on a terminal; anywhere else (a log file, CI) its output as plain lines, since WXT draws
 * its spinner frames and colours whatever the output is.
 */
export function build(
  [command, ...args]: string[] = ['npx', 'wxt', 'build'],
  out: NodeJS.WriteStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Promise<void> {
  const tty = !!out.isTTY;
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: tty ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: tty ? process.env : { ...process.env, NO_COLOR: '1' },
  });
  for (const [from, to] of [
    [child.stdout, out],
    [child.stderr, err],
  ] as const) {
    if (!from) continue;
    const plain = plainLog();
    from.setEncoding('utf8');
    from.on('data', (chunk: string) => to.write(plain.write(chunk)));
    from.on('end', () => to.write(plain.end()));
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit code ${code}).`)),
    );
  });
}

async function main() {
  console.log('Building the extension…');
  await build();
  const server = await servePages(join(ROOT, 'tests', 'fixtures', 'pages'));
  const headless = !process.env.DISPLAY && process.platform === 'linux';
  const b = await launchWithExtension({ headless });
  const page = await b.context.newPage();
  const url = server.url('/demo-article.html');
  await page.goto(url);
  const marks = await waitForMarks(page, 1, 20_000);
  console.log(`Demo article open at ${url} with ${marks} marks.`);
  if (!headless) {
    console.log('Chromium is open with Counterpart loaded. Close the browser window to stop.');
    await new Promise<void>((r) => b.context.on('close', () => r()));
    await server.close();
    return;
  }
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'page.png') });
  await page.locator('counterpart-mark', { hasText: 'Quintin' }).first().hover();
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SHOTS, 'hover-card.png') });
  const tabId = await tabIdOf(b, url);
  const popup = await openPopup(b, `?tabId=${tabId}`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: join(SHOTS, 'popup.png') });
  const timelineTab = popup.getByRole('tab', { name: /timeline/i });
  if (await timelineTab.count()) {
    await timelineTab.click();
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: join(SHOTS, 'popup-timeline.png') });
  }
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.waitForTimeout(600);
  await options.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
  console.log(`No display: ran headless and wrote screenshots to ${SHOTS}/`);
  await b.close(true);
  await server.close();
}

// Run as `npm start`; imported (by its test) it only lends `build`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
