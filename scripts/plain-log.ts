/**
 * A terminal's view of a progress log, as plain lines: for `npm start`'s log when its output is not a terminal
 * (a file, CI, a pipe). WXT's build spinner writes its frames and colours whatever the output is; a log file
 * would otherwise hold every frame and escape code. A line keeps what a terminal would finally show on it: text
 * after a carriage return replaces the text before, and a spinner's frame (which ends by erasing the rest of the
 * line, `ESC [ K`) gives way to what is written after it.
 */

/** Escape sequences: CSI (colours, cursor, erase) and the rare two-byte ones. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape codes are what this removes.
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the erase-to-end-of-line code.
const ERASE_LINE_END = /\x1b\[0?K/g;
/** Where a spinner frame ended on the line (a character no log contains). */
const FRAME_END = '\u0000';

/** One line of raw output (without its newline) as a terminal would finally show it. */
export function plainLine(raw: string): string {
  const marked = raw.replace(ERASE_LINE_END, FRAME_END).replace(CSI, '');
  const shown = marked.slice(marked.lastIndexOf('\r') + 1);
  return shown.slice(shown.lastIndexOf(FRAME_END) + 1).trimEnd();
}

/**
 * A stream filter: feed it chunks, get plain complete lines back (with their newlines). Lines that only ever held
 * a spinner or escape codes are dropped; blank lines the program meant to print stay. `end()` returns the rest.
 */
export function plainLog() {
  let pending = '';
  const take = (raw: string): string => {
    const line = plainLine(raw);
    return line || raw === '' ? `${line}\n` : '';
  };
  return {
    write(chunk: string): string {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      return lines.map(take).join('');
    },
    end(): string {
      const rest = pending;
      pending = '';
      return rest ? take(rest) : '';
    },
  };
}
