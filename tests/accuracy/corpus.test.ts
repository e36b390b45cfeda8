/**
 * Runs the whole pipeline (lib/cli/analyze-file.ts) over every page in tests/fixtures/corpus and compares it
 * with the hand annotations next to each page. Prints a per-category report; fails under the agreed thresholds.
 * The other corpora (tuning sets, held-out 2, unseen) are scored and printed the same way, never gated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyAnalysis } from '../../lib/cli/analyze-file';
import { TOPIC_IDS as ALL_TOPIC_IDS } from '../../lib/data/topics';
import {
  type ActualAnalysis,
  aggregate,
  CATEGORIES,
  type Category,
  type ExpectedAnalysis,
  type FileScore,
  isNoisy,
  namesPerson,
  prf,
  roleTokens,
  scoreFile,
} from './score';

type AnalyzeFile = (path: string) => Promise<ActualAnalysis>;

const fixtureDir = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const CORPUS_DIR = fixtureDir('corpus');
/** Never read by anyone changing lib/ (see its README); once it is, relabel it a tuning set and write a new one. */
const UNSEEN_DIR = fixtureDir('corpus-unseen');
/**
 * Sets whose scores are printed, never gated. Only `unseen` estimates accuracy on pages nobody tuned against; the
 * tuning sets were read while rules were written, and `holdout-2` was not, but its scores have been looked at.
 */
const REPORTED_SETS = [
  { label: 'tuning set 2 (read while tuning)', path: fixtureDir('corpus-tuning-2') },
  { label: 'held-out 2 (scores seen)', path: fixtureDir('corpus-holdout-2') },
  { label: 'tuning set 3 (read while tuning)', path: fixtureDir('corpus-tuning-3') },
  { label: 'tuning set 3-pairs (read while tuning)', path: fixtureDir('corpus-tuning-3-pairs') },
  { label: 'unseen', path: UNSEEN_DIR },
];
// Imported lazily through a computed path so this file still loads (and the fixture checks still run) while the
// pipeline is being written.
const ANALYZER = fileURLToPath(new URL('../../lib/cli/analyze-file.ts', import.meta.url));

const THRESHOLDS: Record<Category, number> = { countries: 0.9, topics: 0.9, people: 0.85, pairs: 0.85 };
/** At most this many off-topic pages may report any people, topics or engagements. */
const MAX_NOISY_OFF_TOPIC_PAGES = 1;

const TOPIC_IDS = new Set<string>(ALL_TOPIC_IDS);
const KINDS = new Set(['meeting', 'call', 'visit', 'planned_visit', 'agreement', 'statement', 'other']);

const pagesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(html|txt)$/.test(f))
        .sort()
    : [];
const pages = pagesIn(CORPUS_DIR);

function expectedFor(page: string, dir = CORPUS_DIR): ExpectedAnalysis {
  const path = dir + page.replace(/\.(html|txt)$/, '.expected.json');
  return JSON.parse(readFileSync(path, 'utf8')) as ExpectedAnalysis;
}

describe('corpus fixtures', () => {
  it('has enough on-topic and off-topic pages in both formats', () => {
    const all = pages.map((p) => expectedFor(p));
    expect(all.filter((e) => !e.offTopic).length).toBeGreaterThanOrEqual(34);
    expect(all.filter((e) => e.offTopic).length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.endsWith('.html')).length).toBeGreaterThanOrEqual(15);
    expect(pages.filter((p) => p.endsWith('.txt')).length).toBeGreaterThanOrEqual(15);
  });

  it('keeps an unseen set of at least 20 on-topic and 6 off-topic pages', () => {
    const all = pagesIn(UNSEEN_DIR).map((p) => expectedFor(p, UNSEEN_DIR));
    expect(all.filter((e) => !e.offTopic).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((e) => e.offTopic).length).toBeGreaterThanOrEqual(6);
  });

  const everyPage = [CORPUS_DIR, ...REPORTED_SETS.map((s) => s.path)].flatMap((dir) =>
    pagesIn(dir).map((page) => ({ dir, page, name: `${dir.split('/').filter(Boolean).pop()}/${page}` })),
  );

  it.each(everyPage)('$name has a well-formed expected file', ({ dir, page }) => {
    const path = dir + page.replace(/\.(html|txt)$/, '.expected.json');
    expect(existsSync(path), `${page} needs ${path}`).toBe(true);
    const e = expectedFor(page, dir);
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    if (e.published !== null) expect(e.published).toMatch(iso);
    for (const c of e.countries) expect(c.code).toMatch(/^[A-Z]{2}$/);
    for (const t of e.topics) expect(TOPIC_IDS.has(t.id), t.id).toBe(true);
    for (const p of e.people) {
      const roles = Array.isArray(p.role) ? p.role : [p.role];
      for (const r of roles)
        if (r !== null) expect(roleTokens(r).size, `role "${r}" normalises to nothing`).toBeGreaterThan(0);
      for (const q of e.people) if (q !== p) expect(namesPerson(p, q.name), `${p.name} ~ ${q.name}`).toBe(false);
    }
    for (const g of e.engagements) {
      expect(KINDS.has(g.kind), g.kind).toBe(true);
      if (g.date !== null) expect(g.date).toMatch(iso);
      for (const t of g.topics) expect(TOPIC_IDS.has(t), t).toBe(true);
      for (const n of g.participants)
        expect(
          e.people.some((p) => p.name === n),
          `${n} is not in people`,
        ).toBe(true);
    }
    if (e.offTopic) {
      expect(e.people).toEqual([]);
      expect(e.topics).toEqual([]);
      expect(e.engagements).toEqual([]);
    }
  });
});

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

function report(files: FileScore[], errors: Map<string, string>, label = 'corpus'): string {
  const lines: string[] = [];
  const total = aggregate(files);
  lines.push('', `Counterpart accuracy on ${files.length} ${label} pages`, '');
  lines.push('category    precision  recall      F1     tp   fp   fn  threshold');
  for (const c of CATEGORIES) {
    const t = total[c];
    lines.push(
      `${c.padEnd(10)} ${pct(t.precision)}  ${pct(t.recall)} ${pct(t.f1)}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${THRESHOLDS[c]}`,
    );
  }
  for (const c of CATEGORIES) {
    const worst = files
      .filter((f) => f.scores[c].fp + f.scores[c].fn > 0)
      .sort(
        (a, b) =>
          prf(a.scores[c]).f1 - prf(b.scores[c]).f1 ||
          b.scores[c].fn + b.scores[c].fp - (a.scores[c].fn + a.scores[c].fp),
      )
      .slice(0, 5);
    if (worst.length === 0) continue;
    lines.push('', `worst files — ${c}`);
    for (const f of worst) {
      const s = f.scores[c];
      lines.push(`  ${f.file}  F1 ${pct(prf(s).f1).trim()}`);
      if (s.missed.length) lines.push(`    missed: ${s.missed.join('; ')}`);
      if (s.extra.length) lines.push(`    extra:  ${s.extra.join('; ')}`);
    }
  }
  const noisy = files.filter((f) => f.noise && isNoisy(f.noise));
  lines.push('', `off-topic pages with noise: ${noisy.length} (allowed ${MAX_NOISY_OFF_TOPIC_PAGES})`);
  for (const f of noisy) lines.push(`  ${f.file}  ${JSON.stringify(f.noise)}`);
  const details = files.flatMap((f) => f.details);
  if (details.length) {
    const share = (k: 'kind' | 'date' | 'place') => pct(details.filter((d) => d[k]).length / details.length).trim();
    lines.push(
      '',
      `engagements found by pair: ${details.length} — kind ${share('kind')}, date ${share('date')}, place ${share('place')} (informational)`,
    );
  }
  const meta = (k: 'title' | 'published' | 'outlet') =>
    pct(files.filter((f) => f.meta[k]).length / files.length).trim();
  lines.push(
    `metadata agreement: title ${meta('title')}, published ${meta('published')}, outlet ${meta('outlet')} (informational)`,
  );
  if (errors.size) {
    lines.push('', 'pages the pipeline failed on:');
    for (const [file, err] of errors) lines.push(`  ${file}: ${err}`);
  }
  return lines.join('\n');
}

async function loadAnalyzer(): Promise<AnalyzeFile> {
  const mod = (await import(/* @vite-ignore */ ANALYZER)) as { analyzeFile?: AnalyzeFile };
  if (typeof mod.analyzeFile !== 'function') throw new Error('lib/cli/analyze-file.ts does not export analyzeFile');
  return mod.analyzeFile;
}

/** Runs the pipeline over every page of `dir` and scores it against the annotations beside it. */
async function evaluate(analyzeFile: AnalyzeFile, dir: string, files: FileScore[], errors: Map<string, string>) {
  for (const page of pagesIn(dir)) {
    let actual: ActualAnalysis;
    try {
      actual = await analyzeFile(dir + page);
    } catch (err) {
      errors.set(page, err instanceof Error ? err.message : String(err));
      actual = emptyAnalysis();
    }
    files.push(scoreFile(page, expectedFor(page, dir), actual));
  }
}

describe('pipeline accuracy on the corpus', () => {
  const files: FileScore[] = [];
  const errors = new Map<string, string>();
  let loadError: unknown = null;

  beforeAll(async () => {
    let analyzeFile: AnalyzeFile;
    try {
      analyzeFile = await loadAnalyzer();
    } catch (err) {
      loadError = err;
      return;
    }
    await evaluate(analyzeFile, CORPUS_DIR, files, errors);
    console.log(report(files, errors));
  }, 300_000);

  function requirePipeline(): void {
    if (loadError) throw new Error(`cannot load the pipeline from ${ANALYZER}: ${String(loadError)}`);
  }

  it('runs on every page without throwing', () => {
    requirePipeline();
    expect([...errors.keys()]).toEqual([]);
  });

  it.each(CATEGORIES)('%s F1 meets its threshold', (c) => {
    requirePipeline();
    const f1 = aggregate(files)[c].f1;
    expect(f1, `${c} F1 ${f1.toFixed(3)} < ${THRESHOLDS[c]}`).toBeGreaterThanOrEqual(THRESHOLDS[c]);
  });

  it('off-topic pages report no people, topics or engagements', () => {
    requirePipeline();
    const noisy = files.filter((f) => f.noise && isNoisy(f.noise)).map((f) => `${f.file} ${JSON.stringify(f.noise)}`);
    expect(noisy.length, noisy.join('\n')).toBeLessThanOrEqual(MAX_NOISY_OFF_TOPIC_PAGES);
  });
});

describe('pipeline accuracy on the tuning, held-out and unseen corpora (reported, not gated)', () => {
  it.each(REPORTED_SETS.filter((s) => pagesIn(s.path).length > 0))(
    'runs on every page of $label without throwing',
    async ({ label, path }) => {
      const files: FileScore[] = [];
      const errors = new Map<string, string>();
      await evaluate(await loadAnalyzer(), path, files, errors);
      console.log(report(files, errors, label));
      expect([...errors.keys()]).toEqual([]);
    },
    300_000,
  );
});
