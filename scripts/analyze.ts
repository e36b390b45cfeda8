/**
 * `npm run analyze -- FILE...` — prints one JSON object per file, one per line, in input order.
 * `-` reads stdin. A missing or unreadable file stops the run with a message and exit code 2.
 */
import { analyzeSource, emptyAnalysis, InputError, readInput } from '../lib/cli/analyze-file';
import { createDetector } from '../lib/detect';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((a) => a !== '--');
  if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
    process.stderr.write('usage: npm run analyze -- FILE... (.html or .txt; - for stdin)\n');
    return files.length === 0 ? 2 : 0;
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`analyze: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
