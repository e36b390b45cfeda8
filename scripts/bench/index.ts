/**
 * `npm run bench`: every benchmark, each with its baseline measured in the same run, printed as tables and
 * written as JSON to bench-results/latest.json (and a timestamped copy, so runs can be compared).
 *
 *   npm run bench [-- --only=detect,db,page,popup,chromium-db,backup,hostile] [--runs=N] [--count=N]
 *
 * Browser benchmarks run one Chromium at a time. Nothing talks to anything but 127.0.0.1.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../browser';

type Bench = 'detect' | 'db' | 'page' | 'popup' | 'chromium-db' | 'backup' | 'hostile';
const ALL: Bench[] = ['detect', 'db', 'page', 'popup', 'chromium-db', 'backup', 'hostile'];

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

async function runOne(name: Bench, runs: number | undefined, count: number | undefined): Promise<unknown> {
  switch (name) {
    case 'detect': {
      // Written alongside this file by the detector's owner; loaded by path so a missing file is a skip, not a crash.
      const path = './detect-bench.ts';
      const mod = (await import(path)) as { runDetectBench?: (o?: { runs?: number }) => Promise<unknown> };
      if (!mod.runDetectBench) throw new Error('scripts/bench/detect-bench.ts has no runDetectBench export');
      return mod.runDetectBench(runs ? { runs } : {});
    }
    case 'db': {
      const { runDbBench } = await import('./db-bench');
      return runDbBench({ runs, count });
    }
    case 'page': {
      const { runPageBench } = await import('./page-bench');
      return runPageBench({ runs });
    }
    case 'popup': {
      const { runPopupBench } = await import('./popup-bench');
      return runPopupBench({ runs });
    }
    case 'backup':
      return (await import('./backup-bench')).runBackupBench({ count });
    case 'hostile':
      return (await import('./hostile-bench')).runHostileBench({ runs });
    case 'chromium-db': {
      const { runChromiumDbBench } = await import('./chromium-db-bench');
      return runChromiumDbBench({ runs, count });
    }
  }
}

async function main(): Promise<number> {
  const only = (arg('only')?.split(',') ?? ALL).filter((b): b is Bench => (ALL as string[]).includes(b));
  const runs = Number(arg('runs')) || undefined;
  const count = Number(arg('count')) || undefined;
  const startedAt = new Date();
  const dir = join(ROOT, 'bench-results');
  const latest = join(dir, 'latest.json');
  // A partial run (--only) updates its own sections and keeps the others from the last full run.
  const previous =
    only.length < ALL.length
      ? ((await readFile(latest, 'utf8').then(JSON.parse, () => null)) as { results?: Record<string, unknown> } | null)
      : null;
  const results: Record<string, unknown> = { ...(previous?.results ?? {}) };
  const failures: string[] = [];
  for (const name of only) {
    console.log(`\n== ${name} ==`);
    const t0 = performance.now();
    try {
      results[name] = await runOne(name, runs, count);
      console.log(`== ${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      results[name] = { error: message };
      failures.push(name);
      console.error(`== ${name} failed: ${message}`);
    }
  }
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
    },
    results,
  };
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(latest, json);
  await writeFile(join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`), json);
  console.log(`\nResults written to ${relative(process.cwd(), latest)}`);
  console.log(`${only.length - failures.length} passed, ${failures.length} failed`);
  return failures.length;
}

main()
  .then((failed) => {
    process.exitCode = failed > 0 ? 1 : 0;
  })
  .catch((e: unknown) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  });
