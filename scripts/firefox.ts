/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi directly (no geckodriver; playwright-core's Firefox
 * mode does not work with a stock Firefox). Used by the Firefox e2e smoke test. Firefox listens on loopback only,
 * and the pages it opens are the tests' own, served from 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './browser';

/** The Firefox build (`wxt build -b firefox`). */
export const FIREFOX_EXTENSION_DIR =
  process.env.COUNTERPART_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output', 'firefox-mv2');

const CANDIDATES = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** `name` on the PATH, as `command -v` in `.ci/run` finds it. */
const onPath = (name: string) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name));

export function findFirefox(): string {
  const found = [...CANDIDATES, ...onPath('firefox-esr'), ...onPath('firefox')].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!found) {
    throw new Error(
      'No Firefox found. Install it (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.',
    );
  }
  return found;
}

/** A fixed extension origin, so tests can open `moz-extension://<uuid>/popup.html` (Firefox picks one at random). */
export const EXTENSION_UUID = '6c0a55e3-4f0e-4d39-9d0b-5d1f2a7c0b11';

/**
 * Preferences of the test profile. The remote agent already applies its recommended automation preferences
 * (no updates, telemetry or first-run pages); these keep the rest of Firefox's own traffic off as well.
 */
function userJs(geckoId: string): string {
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.region.network.url': '',
    'extensions.getAddons.cache.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.normandy.enabled': false,
    // Errors of extension pages reach stderr as "JavaScript error: …" lines (BiDi does not report them).
    'devtools.console.stdout.chrome': true,
  };
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

/** One WebDriver BiDi connection: commands by id, events to listeners. */
export class Bidi {
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Set<(e: BidiEvent) => void>();

  constructor(private socket: WebSocket) {
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        id?: number;
        type: string;
        result?: unknown;
        error?: string;
        message?: string;
        method?: string;
        params?: Record<string, unknown>;
      };
      if (msg.type === 'event' && msg.method) {
        for (const l of this.listeners) l({ method: msg.method, params: msg.params ?? {} });
        return;
      }
      const waiting = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!waiting || msg.id === undefined) return;
      this.pending.delete(msg.id);
      if (msg.type === 'success') waiting.resolve(msg.result);
      else waiting.reject(new Error(`BiDi ${msg.error}: ${msg.message}`));
    });
    socket.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('The BiDi connection closed.'));
      this.pending.clear();
    });
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(listener: (e: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}

/** A remote value from `script.evaluate`, turned back into plain data (strings, numbers, booleans, arrays, objects). */
export type Remote = { type: string; value?: unknown };

export function fromRemote(v: Remote): unknown {
  switch (v.type) {
    case 'undefined':
    case 'null':
      return v.type === 'null' ? null : undefined;
    case 'array':
      return (v.value as Remote[]).map(fromRemote);
    case 'object':
      return Object.fromEntries((v.value as [string | Remote, Remote][]).map(([k, x]) => [k, fromRemote(x)]));
    default:
      return v.value;
  }
}

export interface FirefoxWithExtension {
  bidi: Bidi;
  /** The gecko id Firefox installed the extension under. */
  extensionId: string;
  /** `moz-extension://<uuid>` of the installed extension. */
  origin: string;
  /** Everything Firefox wrote to stderr so far (JavaScript errors of extension pages show up here). */
  stderr(): string;
  /** A new tab; returns its browsing context id. */
  newTab(): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Evaluates `expression` (awaiting a promise) in the tab and returns the plain value. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Polls `expression` in the tab until `check` accepts its value; returns it. */
  waitFor<T>(context: string, expression: string, check: (v: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Reads `WebDriver BiDi listening on ws://…` from Firefox's stderr. */
function bidiAddress(child: ChildProcess, log: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Firefox did not open WebDriver BiDi within ${timeoutMs} ms. Its stderr:\n${log()}`));
    }, timeoutMs);
    const onData = () => {
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(log());
      if (!m) return;
      finish();
      resolve(m[1]);
    };
    const onExit = (code: number | null) => {
      finish();
      reject(new Error(`Firefox exited (${code}) before opening WebDriver BiDi. Its stderr:\n${log()}`));
    };
    const finish = () => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

/**
 * Starts headless Firefox with a fresh profile, installs the extension temporarily (as `about:debugging` would)
 * and returns a small driver. `geckoId` is the extension's `browser_specific_settings.gecko.id`.
 */
export async function launchFirefoxWithExtension(opts: {
  geckoId: string;
  extensionDir?: string;
  timeoutMs?: number;
}): Promise<FirefoxWithExtension> {
  const ext = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json')))
    throw new Error(`No Firefox build at ${ext}: run npm run build:firefox first.`);
  const binary = findFirefox();
  const profile = await mkdtemp(join(tmpdir(), 'counterpart-firefox-'));
  await writeFile(join(profile, 'user.js'), userJs(opts.geckoId));
  const child = spawn(
    binary,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port=0',
      // Without it Firefox refuses to navigate to moz-extension:// pages over the remote protocol.
      '--remote-allow-system-access',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  let log = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    log += d;
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const address = await bidiAddress(child, () => log, opts.timeoutMs ?? 30_000);
    const socket = new WebSocket(`${address}/session`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const bidi = new Bidi(socket);
    await bidi.send('session.new', { capabilities: {} });
    const { extension } = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: ext },
    });
    const evaluate = async <T>(context: string, expression: string): Promise<T> => {
      const r = await bidi.send<{ type: string; result?: Remote; exceptionDetails?: { text: string } }>(
        'script.evaluate',
        { expression, target: { context }, awaitPromise: true, serializationOptions: { maxObjectDepth: 10 } },
      );
      if (r.type === 'exception') throw new Error(`In the page: ${r.exceptionDetails?.text}`);
      return fromRemote(r.result as Remote) as T;
    };
    return {
      bidi,
      extensionId: extension,
      origin: `moz-extension://${EXTENSION_UUID}`,
      stderr: () => log,
      newTab: async () => (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context,
      navigate: async (context, url) => {
        await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      },
      evaluate,
      waitFor: async <T>(context: string, expression: string, check: (v: T) => boolean, timeoutMs = 15_000) => {
        const until = Date.now() + timeoutMs;
        let last: T | undefined;
        for (;;) {
          last = await evaluate<T>(context, expression).catch(() => undefined);
          if (last !== undefined && check(last)) return last;
          if (Date.now() > until)
            throw new Error(
              `Timed out after ${timeoutMs} ms waiting on ${expression}; last value ${JSON.stringify(last)}`,
            );
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      close: async () => {
        await bidi.send('browser.close').catch(() => {});
        bidi.close();
        await cleanUp();
      },
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}
