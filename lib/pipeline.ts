/**
 * The whole pipeline for one article, as the CLI and the background run it:
 * document → main text + metadata → detection → engagement extraction → a plain JSON report.
 *
 * Every stage is bounded (see lib/extract/README.md, "Limits"): the text analysed, the sentence length, the
 * engagements per article, and a time budget after which extraction stops with what it has. The background runs
 * it in steps (`analyzeTextInSteps`) and pauses between them, so other tabs' questions are answered meanwhile.
 */
import { readArticle } from './article';
import { createDetector, type Detector } from './detect';
import { engagementSteps, extractFigures } from './extract';
import type { ArticleMeta, Detection, EngagementDraft, Figure } from './types';

/** What `npm run analyze` prints for one file: stable field names, empty arrays when nothing is found. */
export interface AnalysisJson {
  title: string | null;
  published: string | null;
  outlet: string | null;
  people: { name: string; role: string | null; country: string | null }[];
  countries: { code: string; name: string }[];
  topics: { id: string; label: string }[];
  engagements: { kind: string; participants: string[]; place: string | null; date: string | null; topics: string[] }[];
  figures: { text: string }[];
}

/** A limit that cut the analysis short: the text was cut at `MAX_ANALYSED_CHARS`, or the time budget ran out. */
export type AnalysisLimit = 'text' | 'time';

export interface Analysis {
  meta: ArticleMeta;
  text: string;
  detection: Detection;
  engagements: EngagementDraft[];
  figures: Figure[];
  /** Limits that cut this analysis short (empty for every normal article). */
  limits: AnalysisLimit[];
}

/**
 * Longest text analysed, in characters; the rest of a longer page is left out. Detection cannot be split without
 * changing what it finds (corroboration, follow-ups), and costs about 100 ms per 200,000 characters here; the
 * longest real article in the test sets is 135,000 characters (Wikipedia), news reports under 20,000.
 */
export const MAX_ANALYSED_CHARS = 200_000;

/**
 * Work one analysis may do, in milliseconds of its own time (pauses for other work do not count); then extraction
 * stops and reports the engagements found so far. A normal article takes 20–60 ms; this is for pages built to stall.
 */
export const ANALYSIS_BUDGET_MS = 2_000;

/** How long the background works before it pauses for other messages: well under what a reader notices. */
export const SLICE_MS = 20;

export interface StepOptions {
  /** Work allowed in ms (default `ANALYSIS_BUDGET_MS`). */
  budgetMs?: number;
  now?: () => number;
}

export interface SteppedOptions extends StepOptions {
  /** Hands the thread to other work; the default waits for a macrotask (a timer), which lets queued messages in. */
  pause?: () => Promise<void>;
  /** Work between pauses, in ms (default `SLICE_MS`). */
  sliceMs?: number;
  /** Checked at every pause: true stops the analysis (a newer request for the same tab replaced it). */
  cancelled?: () => boolean;
}

/** Thrown by `analyzeTextInSteps` when `cancelled` says so. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('A newer analysis replaced this one.');
  }
}

/** `text` cut at `MAX_ANALYSED_CHARS`, at the last paragraph or sentence break before it when there is one. */
export function analysedText(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  const head = text.slice(0, MAX_ANALYSED_CHARS);
  const para = head.lastIndexOf('\n');
  if (para > MAX_ANALYSED_CHARS / 2) return head.slice(0, para);
  const stop = head.lastIndexOf('. ');
  return stop > MAX_ANALYSED_CHARS / 2 ? head.slice(0, stop + 1) : head;
}

/**
 * The analysis as steps: it yields between stages and before every sentence of the extraction; `next(true)`
 * stops the extraction where it is (the budget is spent), after which the analysis finishes with what it has.
 */
function* analysisSteps(
  fullText: string,
  meta: ArticleMeta,
  detector: Detector,
  limits: AnalysisLimit[],
): Generator<void, Analysis, boolean | undefined> {
  const text = analysedText(fullText);
  if (text.length < fullText.length) limits.push('text');
  const detection = detector.detect(text, { date: meta.published, outlet: { url: meta.url, outlet: meta.outlet } });
  let engagements: EngagementDraft[] = [];
  if (meta.isArticle || detection.officials.length > 0) {
    const steps = engagementSteps(text, detection, meta);
    let stop = (yield) ?? false;
    for (;;) {
      const step = steps.next(stop);
      if (step.done) {
        engagements = step.value;
        break;
      }
      if (stop && !limits.includes('time')) limits.push('time');
      stop = (yield) ?? false;
    }
  }
  yield;
  return { meta, text, detection, engagements, figures: extractFigures(text), limits };
}

/** Runs detection and extraction over article text whose metadata is already known, in one go. */
export function analyzeText(
  text: string,
  meta: ArticleMeta,
  detector: Detector = createDetector(),
  options: StepOptions = {},
): Analysis {
  const now = options.now ?? (() => performance.now());
  const deadline = now() + (options.budgetMs ?? ANALYSIS_BUDGET_MS);
  const steps = analysisSteps(text, meta, detector, []);
  for (let step = steps.next(); ; step = steps.next(now() > deadline)) if (step.done) return step.value;
}

/** Waits for a macrotask (a timer), which lets messages queued meanwhile be handled first. */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `analyzeText` for the background: pauses every `sliceMs` of work so the service worker can answer other tabs
 * (their marks wait on `detect`), counts only its own time against the budget, and gives up when cancelled.
 */
export async function analyzeTextInSteps(
  text: string,
  meta: ArticleMeta,
  detector: Detector,
  options: SteppedOptions = {},
): Promise<Analysis> {
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? yieldToEvents;
  const budget = options.budgetMs ?? ANALYSIS_BUDGET_MS;
  const slice = options.sliceMs ?? SLICE_MS;
  const steps = analysisSteps(text, meta, detector, []);
  let spent = 0;
  let sliceStart = now();
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    const t = now();
    if (t - sliceStart >= slice) {
      spent += t - sliceStart;
      await pause();
      if (options.cancelled?.()) throw new AnalysisCancelled();
      sliceStart = now();
    }
    step = steps.next(spent + (now() - sliceStart) > budget);
  }
}

/** A draft is worth keeping when it names at least one official and says what happened. */
export function capturable(d: EngagementDraft | undefined): d is EngagementDraft {
  return !!d && d.participants.length > 0 && d.kind !== 'other';
}

/** The engagement an analysed article would be captured as (the background and `npm run timeline`), or null. */
export function captureDraft(a: Analysis): EngagementDraft | null {
  return a.engagements.find(capturable) ?? null;
}

/** Runs the whole pipeline over a parsed page. */
export function analyzeDocument(doc: Document, url?: string, detector?: Detector): Analysis {
  const { meta, text } = readArticle(doc, url);
  return analyzeText(text, meta, detector);
}

export function toJson(a: Analysis): AnalysisJson {
  return {
    title: a.meta.title,
    published: a.meta.published,
    outlet: a.meta.outlet,
    people: a.detection.officials.map((o) => ({ name: o.name, role: o.role, country: o.country })),
    countries: a.detection.countries.map((c) => ({ code: c.code, name: c.name })),
    topics: a.detection.topics.map((t) => ({ id: t.id, label: t.label })),
    engagements: a.engagements.map((e) => ({
      kind: e.kind,
      participants: e.participants.map((p) => p.name),
      place: e.place,
      date: e.date,
      topics: [...e.topics],
    })),
    figures: a.figures.map((f) => ({ text: f.text })),
  };
}
