/**
 * The CLI's view of the pipeline: read an article file (.html or .txt), run exactly what the extension
 * runs, return the JSON report. Node only (linkedom stands in for the browser's DOM).
 */
import { readFile } from 'node:fs/promises';
import { readArticle, readPlainText } from '../article';
import { parseDocument } from '../article/parse-html';
import type { Detector } from '../detect';
import { type AnalysisJson, analyzeText, toJson } from '../pipeline';

export class InputError extends Error {}

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
  if (looksLikeHtml(name, body)) {
    const { meta, text } = readArticle(parseDocument(body));
    return toJson(analyzeText(text, meta, detector));
  }
  const { meta, text } = readPlainText(body);
  return toJson(analyzeText(text, meta, detector));
}

export async function readInput(path: string, stdin: () => Promise<string>): Promise<string> {
  if (path === '-') return stdin();
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
}

export async function analyzeFile(path: string, detector?: Detector): Promise<AnalysisJson> {
  const body = await readInput(path, async () => {
    throw new InputError('stdin is not available here');
  });
  return analyzeSource(path, body, detector);
}
