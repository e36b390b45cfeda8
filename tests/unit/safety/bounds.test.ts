/**
 * The background's and the CLI's work limits on hostile pages: sentences cut to a bounded length, a bounded number
 * of engagements per article, a bounded text, a time budget that ends extraction with what it has, markup refused
 * before parsing when it is too big or too deep, and Readability skipped or stopped on trees it would take minutes
 * over. Behaviour only: how long the hostile pages take is a figure in `npm run bench -- --only=hostile`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../lib/article';
import {
  blockText,
  MAX_READABILITY_DEPTH,
  mainText,
  READABILITY_HOT_METHODS,
  READABILITY_MAX_MS,
  readabilityBudget,
} from '../../../lib/article/main-text';
import {
  htmlOverLimits,
  htmlShape,
  MAX_HTML_CHARS,
  MAX_HTML_DEPTH,
  parseDocument,
} from '../../../lib/article/parse-html';
import { createDetector } from '../../../lib/detect';
import { engagementSteps, extractEngagements, findDates, MAX_ENGAGEMENTS } from '../../../lib/extract';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../lib/extract/sentences';
import { analyzeText, analyzeTextInSteps, MAX_ANALYSED_CHARS } from '../../../lib/pipeline';
import type { ArticleMeta } from '../../../lib/types';
import { type FakeGazetteer, type FakeOfficial, fakeDetect } from '../extract/fake-detection';

const META: ArticleMeta = {
  title: null,
  outlet: null,
  author: null,
  published: '2026-03-06',
  url: null,
  dateline: null,
  isArticle: true,
};

/** Our own clauses, chained by commas into one sentence that never ends. */
const CLAUSES = [
  'Interior Minister Mohsin Naqvi met the Belgian minister Bernard Quintin on Monday',
  'the two ministers talked about illegal migration and border security at length',
  'officials from both sides said the working groups would report back in the spring',
];
function runOnSentence(chars: number): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `${CLAUSES[i % CLAUSES.length]}, `;
  return s.slice(0, chars);
}

/** Letters only, so whole-word search never finds one name inside another. */
const letters = (i: number): string =>
  String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + (Math.floor(i / 26) % 26));

/** `n` pairs of made-up officials of two countries, each pair meeting once: `n` separate engagements. */
function manyPairs(n: number): { text: string; gazetteer: FakeGazetteer } {
  const officials: FakeOfficial[] = [];
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = { id: `official:a-${i}`, name: `Arlo Q${letters(i)}x`, country: 'PK', role: 'Interior Minister' };
    const b = { id: `official:b-${i}`, name: `Bea Z${letters(i)}y`, country: 'BE', role: 'Interior Minister' };
    officials.push(a, b);
    sentences.push(`${a.name} met ${b.name} in Rome on ${1 + (i % 28)} March ${2000 + Math.floor(i / 28)}.`);
  }
  return { text: sentences.join(' '), gazetteer: { officials } };
}

describe('sentence length', () => {
  it('cuts a sentence without full stops into pieces no longer than the limit, at clause breaks', () => {
    const text = runOnSentence(290_000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThanOrEqual(text.length / MAX_SENTENCE_CHARS);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(s.paragraph).toBe(0);
    }
    // In order, never overlapping, and all but the last end at a comma.
    for (let i = 1; i < sentences.length; i++) expect(sentences[i].start).toBeGreaterThanOrEqual(sentences[i - 1].end);
    expect(sentences.slice(0, -1).every((s) => s.text.endsWith(','))).toBe(true);
  });

  it.each([
    ['a real long sentence stays whole', `${'The ministers spoke about many things, '.repeat(35)}and left.`, 1],
    ['one enormous word is cut at the limit', 'x'.repeat(MAX_SENTENCE_CHARS * 2 + 10), 3],
    ['an abbreviation still does not end a sentence', 'Lt. Gen. Asim met Mr. Quintin. They talked.', 2],
    ['a long word ending in an abbreviation does', `The code was ${'q'.repeat(30)}mr. Then it stopped.`, 2],
  ])('%s', (_why, text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('still finds the meeting in one 290,000-character sentence', () => {
    const text = runOnSentence(290_000);
    const detection = createDetector().detect(text, { date: META.published });
    const found = extractEngagements(text, detection, META);
    expect(found.some((e) => e.participants.map((p) => p.name).includes('Bernard Quintin'))).toBe(true);
  });

  it('finds every date in a sentence of hundreds of them, without comparing each pair', () => {
    const text = 'on Monday '.repeat(300);
    expect(findDates(text, { published: META.published })).toHaveLength(300);
  });
});

describe('engagements per article', () => {
  it(`reports at most ${MAX_ENGAGEMENTS} engagements, the first ones`, () => {
    const { text, gazetteer } = manyPairs(150);
    const found = extractEngagements(text, fakeDetect(text, gazetteer), META);
    expect(found).toHaveLength(MAX_ENGAGEMENTS);
    expect(found[0].participants.map((p) => p.name)).toEqual(['Arlo Qaax', 'Bea Zaay']);
  });

  it('leaves an article with a few engagements alone', () => {
    const { text, gazetteer } = manyPairs(12);
    expect(extractEngagements(text, fakeDetect(text, gazetteer), META)).toHaveLength(12);
  });
});

describe('extraction in steps', () => {
  it('yields before every sentence, and a stop finishes the engagements found so far', () => {
    const { text, gazetteer } = manyPairs(10);
    const steps = engagementSteps(text, fakeDetect(text, gazetteer), META);
    let step = steps.next();
    // Three sentences read, then the budget is spent.
    for (let i = 0; i < 3; i++) step = steps.next(false);
    step = steps.next(true);
    while (!step.done) step = steps.next(true);
    expect(step.value.map((e) => e.participants[0].name)).toEqual(['Arlo Qaax', 'Arlo Qbax', 'Arlo Qcax']);
  });

  it('runs to the end like extractEngagements when never stopped', () => {
    const { text, gazetteer } = manyPairs(5);
    const detection = fakeDetect(text, gazetteer);
    const steps = engagementSteps(text, detection, META);
    let step = steps.next();
    while (!step.done) step = steps.next(false);
    expect(step.value).toEqual(extractEngagements(text, detection, META));
  });
});

/** A clock that moves `by` ms at every reading: any budget runs out after a few steps. */
const ticking = (by: number) => {
  let t = 0;
  return () => (t += by);
};

describe('analysis budget and text size', () => {
  const detector = createDetector();
  const text = Array.from({ length: 40 }, (_, i) => `Mohsin Naqvi met Bernard Quintin in Brussels on ${i + 1} March.`)
    .join('\n\n')
    .replace(/^/, 'ISLAMABAD: ');

  it('stops extraction when its time budget is spent and says so', () => {
    const full = analyzeText(text, META, detector);
    expect(full.limits).toEqual([]);
    const cut = analyzeText(text, META, detector, { budgetMs: 50, now: ticking(10) });
    expect(cut.limits).toEqual(['time']);
    expect(cut.engagements.length).toBeGreaterThan(0);
    expect(cut.engagements.length).toBeLessThan(full.engagements.length);
  });

  it('pauses between slices of work, counts only its own time, and stops when cancelled', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const whole = await analyzeTextInSteps(text, META, detector, { pause, sliceMs: 5, now: ticking(1) });
    expect(pauses).toBeGreaterThan(3);
    expect(whole.limits).toEqual([]);
    expect(whole.engagements).toEqual(analyzeText(text, META, detector).engagements);
    await expect(
      analyzeTextInSteps(text, META, detector, { pause, sliceMs: 5, now: ticking(1), cancelled: () => true }),
    ).rejects.toThrow(/newer analysis/);
  });

  it(`analyses at most ${MAX_ANALYSED_CHARS.toLocaleString('en')} characters, cut at a paragraph`, () => {
    const para = 'Officials met in the capital and talked about the weather for a long while. '.repeat(20);
    const huge = Array.from({ length: 200 }, () => para).join('\n');
    const a = analyzeText(huge, META, detector);
    expect(a.limits).toEqual(['text']);
    expect(a.text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(huge.startsWith(a.text)).toBe(true);
    expect(huge[a.text.length]).toBe('\n');
  });
});

const nested = (depth: number, tag = 'div') =>
  `<!doctype html><html><head><title>Deep</title></head><body>${`<${tag}>`.repeat(depth)}<p>At the very bottom, Mohsin Naqvi met Bernard Quintin.</p>${`</${tag}>`.repeat(depth)}</body></html>`;

describe('markup limits, checked before parsing', () => {
  it.each([
    ['nested divs', '<div><div><section></section></div></div>', 3, 3],
    ['elements whose end is optional do not nest', '<ul><li>a<li>b<li>c</ul><p>x<p>y', 6, 1],
    ['void and self-closing elements', '<div><br><img src=a><input><svg/></div>', 5, 1],
    ['tags inside scripts, styles and comments are text', '<script>"<div><div>"</script><!-- <div> --><b></b>', 2, 1],
    ['end tags in any case', '<DIV><Div></DIV></div><span></span>', 3, 2],
  ])('%s', (_why, html, elements, depth) => {
    expect(htmlShape(html)).toEqual({ elements, depth });
  });

  it('refuses markup that is too big or too deep, and accepts a normal page', () => {
    expect(htmlOverLimits(nested(30))).toBeNull();
    expect(htmlOverLimits(nested(MAX_HTML_DEPTH + 1))).toMatch(/levels deep/);
    expect(htmlOverLimits(`<p>${'x'.repeat(MAX_HTML_CHARS)}</p>`)).toMatch(/characters of HTML/);
    expect(htmlOverLimits('<b></b>'.repeat(60_000))).toMatch(/elements/);
  });
});

describe('Readability limits', () => {
  it('the helpers the deadline wraps are still Readability’s', () => {
    for (const name of READABILITY_HOT_METHODS)
      expect(typeof (Readability.prototype as unknown as Record<string, unknown>)[name]).toBe('function');
  });

  it('reads 2,000 nested divs from the body, without Readability', () => {
    const a = readArticle(parseDocument(nested(2_000)));
    expect(a.limit).toMatch(new RegExp(`deeper than ${MAX_READABILITY_DEPTH}`));
    expect(a.text).toContain('Mohsin Naqvi met Bernard Quintin');
  });

  it('gives up on Readability past its time budget and reads the body', () => {
    const article = `<article><h1>Talks</h1>${'<p>Mohsin Naqvi met Bernard Quintin in Brussels and they talked about many things at length.</p>'.repeat(20)}</article>`;
    const doc = parseDocument(`<html><body><nav>Home</nav>${article}</body></html>`);
    expect(mainText(doc).limit).toBeNull();
    const late = mainText(doc, { budgetMs: 100, now: ticking(50) });
    expect(late.limit).toMatch(/time budget/);
    expect(late.text).toContain('Mohsin Naqvi met Bernard Quintin');
  });

  it('gives a page more time the more text it has, up to a ceiling', () => {
    expect(readabilityBudget(0)).toBeLessThan(readabilityBudget(100_000));
    expect(readabilityBudget(10_000_000)).toBe(READABILITY_MAX_MS);
  });

  it('collects text under a tree deeper than the call stack', () => {
    const { document } = parseHTML('<html><body></body></html>');
    let cur: Element = document.body;
    for (let i = 0; i < 50_000; i++) {
      const el = document.createElement(i % 2 ? 'span' : 'div');
      cur.appendChild(el);
      cur = el;
    }
    cur.appendChild(document.createTextNode('the bottom line'));
    expect(blockText(document.body as unknown as Node)).toBe('the bottom line');
  });
});
