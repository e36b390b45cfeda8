/**
 * `npm run timeline -- FILE...` — runs article files (.html/.txt, or directories of them) in the given order
 * through the extension's pipeline and same-event merge into an empty in-memory timeline, then prints one JSON
 * object per resulting engagement, one per line:
 * `{"kind","participants":[names],"place","date","sources":[{"file","url","outlet","title","published"}]}`.
 * A file that cannot be read stops the run with exit code 2 before anything is printed; a page the pipeline can
 * only read in part is left out with a message, and the run exits with code 1.
 */
import { InputError, MAX_INPUT_BYTES, readBounded, readInput } from '../lib/cli/analyze-file';
import { parseArgs, runCommand } from '../lib/cli/args';
import { buildTimeline, expandInputs } from '../lib/cli/timeline';
import { createDetector } from '../lib/detect';

const USAGE = `usage: npm run timeline -- [--] FILE|DIR... (.html or .txt, in order; - for stdin; at most ${MAX_INPUT_BYTES / 1024 / 1024} MB each)\n`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.unknown) {
    process.stderr.write(`timeline: unknown option ${args.unknown} (a file of that name goes after --)\n${USAGE}`);
    return 2;
  }
  const files = await expandInputs(args.files);
  if (files.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const inputs: { file: string; body: string }[] = [];
  try {
    for (const file of files)
      inputs.push({ file, body: await readInput(file, () => readBounded(process.stdin, 'stdin')) });
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`timeline: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const run = await buildTimeline(inputs, createDetector());
  let failed = 0;
  for (const f of run.files) {
    if (f.error) {
      failed++;
      process.stderr.write(`timeline: ${f.file}: ${f.error}\n`);
    } else if (f.askedAbout) {
      const other = run.ids.indexOf(f.askedAbout);
      process.stderr.write(`timeline: ${f.file} may be the same meeting as engagement ${other + 1}; kept apart\n`);
    }
  }
  for (const e of run.engagements) process.stdout.write(`${JSON.stringify(e)}\n`);
  return failed > 0 ? 1 : 0;
}

runCommand('timeline', main);
