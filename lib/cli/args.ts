/** The analyze command's arguments: `-h`/`--help` before `--`; after `--`, every argument is a file (even "-h"). */
export type Args = { help: true } | { help: false; files: string[]; unknown: string | null };

/** Options before `--` ("-h", "--help"); everything after it, and `-` anywhere, is a file. */
export function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let unknown: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return { help: true };
    if (a.startsWith('-') && a !== '-') unknown ??= a;
    else files.push(a);
  }
  return { help: false, files, unknown };
}

/** Runs a command's `main` with the process's arguments: its result is the exit code, a crash is one line. */
export function runCommand(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
