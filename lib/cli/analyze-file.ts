/**
 * The CLI's view of the pipeline: read an article file (.html or .txt), run exactly what the extension
 * runs, return the JSON report. Node only (linkedom stands in for the browser's DOM).
 *
 * Bounded like the background (see lib/extract/README.md, "Limits"), and stricter about its input: only regular
 * files are read (a FIFO or a device could block or never end), at most `MAX_INPUT_BYTES`, as UTF-8 text; a page
 * the pipeline could only read in part (markup over the parser's limits, text cut, time budget spent) is an error
 * for that file rather than a silently partial report.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { readArticle, readPlainText } from '../article';
import { htmlOverLimits, parseDocument } from '../article/parse-html';
import { declaredUrls } from '../db/url';
import type { Detector } from '../detect';
import { type Analysis, type AnalysisJson, analyzeText, MAX_ANALYSED_CHARS, toJson } from '../pipeline';

/** A file that cannot be read as an article (missing, not a regular file, too big, not text). */
export class InputError extends Error {}

/** A page the pipeline could only have read in part: reported as an error for that file. */
export class LimitError extends Error {}

/**
 * Largest input read, in bytes. A saved news page is well under 2 MB (the largest in the real-page set is 1.6 MB);
 * the markup parser stops at 2.5 million characters anyway.
 */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * Time budgets of the CLI, far above what any real page needs (under a second), so reports do not depend on the
 * machine's speed, yet bounded: a page built to stall the pipeline ends with an error, not a hang.
 */
export const CLI_READABILITY_BUDGET_MS = 10_000;
export const CLI_ANALYSIS_BUDGET_MS = 10_000;

/** The report of a page where nothing could be read: every field present, nothing found. */
export function emptyAnalysis(): AnalysisJson {
  return {
    title: null,
    published: null,
    outlet: null,
    people: [],
    countries: [],
    topics: [],
    engagements: [],
    figures: [],
  };
}

function looksLikeHtml(name: string, body: string): boolean {
  if (/\.html?$/i.test(name)) return true;
  if (/\.txt$/i.test(name)) return false;
  return /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(body);
}

/** Analyses one document's contents; `name` only decides how it is parsed and which URL it claims. */
export function analyzeSource(name: string, body: string, detector?: Detector): AnalysisJson {
  return toJson(readSource(name, body, detector).analysis);
}

/**
 * The whole analysis of one document, with the addresses the page declares for itself (`rel=canonical`, then
 * `og:url`), for the timeline command.
 */
export function readSource(
  name: string,
  body: string,
  detector?: Detector,
): { analysis: Analysis; declaredUrls: string[] } {
  const budget = { budgetMs: CLI_ANALYSIS_BUDGET_MS };
  let read: { meta: Parameters<typeof analyzeText>[1]; text: string };
  let declared: string[] = [];
  if (looksLikeHtml(name, body)) {
    const over = htmlOverLimits(body);
    if (over) throw new LimitError(`${over}; it is not read`);
    const doc = parseDocument(body);
    declared = declaredUrls(doc);
    const article = readArticle(doc, undefined, { budgetMs: CLI_READABILITY_BUDGET_MS });
    if (article.limit === 'took longer than its time budget')
      throw new LimitError(`reading the article took longer than ${CLI_READABILITY_BUDGET_MS / 1000} s`);
    read = article;
  } else {
    read = readPlainText(body);
  }
  const analysis = analyzeText(read.text, read.meta, detector, budget);
  if (analysis.limits.includes('text'))
    throw new LimitError(
      `the article text is ${read.text.length.toLocaleString('en')} characters; at most ${MAX_ANALYSED_CHARS.toLocaleString('en')} are analysed`,
    );
  if (analysis.limits.includes('time'))
    throw new LimitError(`the analysis took longer than ${CLI_ANALYSIS_BUDGET_MS / 1000} s and was stopped`);
  return { analysis, declaredUrls: declared };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` as text: NUL bytes or invalid UTF-8 mean a binary (or differently encoded) file. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InputError(`cannot read ${name}: it is a binary file (it contains NUL bytes)`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`cannot read ${name}: it is not UTF-8 text (convert it first, e.g. with iconv)`);
  }
}

const tooBig = (name: string) =>
  new InputError(`cannot read ${name}: it is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, the limit`);

/** What kind of file system object this is, when it is not a regular file. */
function notAFile(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return 'it is a directory';
  if (stat.isFIFO()) return 'it is a FIFO (named pipe), not a regular file';
  if (stat.isSocket()) return 'it is a socket, not a regular file';
  return 'it is a device, not a regular file';
}

/** Reads at most `MAX_INPUT_BYTES` from an async byte stream (stdin). */
export async function readBounded(chunks: AsyncIterable<Uint8Array>, name: string): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size > MAX_INPUT_BYTES) throw tooBig(name);
    parts.push(c);
  }
  return decodeText(Buffer.concat(parts), name);
}

export async function readInput(path: string, stdin: () => Promise<string>): Promise<string> {
  if (path === '-') return stdin();
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting for one; the checks
    // on the open file (not the path) leave no gap for the path to be swapped in between.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ENXIO'
              ? 'it is a device or socket, not a regular file'
              : (e as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputError(`cannot read ${path}: ${notAFile(stat)}`);
    if (stat.size > MAX_INPUT_BYTES) throw tooBig(path);
    // Read in chunks up to the limit, whatever the size said: a file can grow while it is read (or, like files
    // under /proc, report no size at all).
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_INPUT_BYTES) throw tooBig(path);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    const buffer = Buffer.concat(chunks, length);
    return decodeText(buffer, path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
  } finally {
    await handle.close();
  }
}

export async function analyzeFile(path: string, detector?: Detector): Promise<AnalysisJson> {
  const body = await readInput(path, async () => {
    throw new InputError('stdin is not available here');
  });
  return analyzeSource(path, body, detector);
}
