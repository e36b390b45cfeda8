/**
 * `npm run analyze -- FILE...` — prints one JSON object per file, one per line, in input order.
 * `-` reads stdin; `--` ends the options, so `npm run analyze -- -- -h` reads a file named `-h`.
 * A file that cannot be read (missing, not a regular file, over the size limit, not UTF-8 text) stops the run with
 * a message and exit code 2 before anything is printed. A page the pipeline can only read in part (over its
 * limits) gets an empty report with an `error` field, and the run exits with code 1.
 * Stdout carries those lines only (scorers parse it line by line): anything a library logs goes to stderr, and
 * `npm run -s analyze` keeps npm's own two-line banner out of it.
 */
import {
  analyzeSource,
  emptyAnalysis,
  InputError,
  MAX_INPUT_BYTES,
  readBounded,
  readInput,
} from '../lib/cli/analyze-file';
import { parseArgs, runCommand } from '../lib/cli/args';
import { createDetector } from '../lib/detect';

// Whatever a library prints while a page is analysed is a diagnostic, never a result: it goes to stderr.
for (const method of ['log', 'info', 'debug'] as const) console[method] = console.error;

const USAGE = `usage: npm run analyze -- [--] FILE... (.html or .txt; - for stdin; at most ${MAX_INPUT_BYTES / 1024 / 1024} MB each)\n`;

function readStdin(): Promise<string> {
  return readBounded(process.stdin, 'stdin');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.unknown) {
    process.stderr.write(`analyze: unknown option ${args.unknown} (a file of that name goes after --)\n${USAGE}`);
    return 2;
  }
  const { files } = args;
  if (files.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  // Read everything first, so a bad path fails before any output and the output stays in input order.
  let bodies: string[];
  try {
    bodies = [];
    for (const f of files) bodies.push(await readInput(f, readStdin));
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`analyze: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const detector = createDetector();
  let failed = 0;
  for (let i = 0; i < files.length; i++) {
    try {
      process.stdout.write(`${JSON.stringify(analyzeSource(files[i], bodies[i], detector))}\n`);
    } catch (e) {
      // One page the pipeline cannot handle must not cost the others their line: print an empty report for it.
      failed++;
      const error = e instanceof Error ? e.message : String(e);
      process.stderr.write(`analyze: ${files[i]}: ${error}\n`);
      process.stdout.write(`${JSON.stringify({ ...emptyAnalysis(), error })}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

runCommand('analyze', main);
