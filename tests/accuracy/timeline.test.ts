/**
 * The timeline command's merge, end to end, on the multi-outlet fixture set (tests/fixtures/multi-outlet, pages
 * written for the project): every pair of articles is scored. Pairs that report one event must end in one
 * engagement; pairs of different events (the near misses: the same people a month later, a call before a visit,
 * deputies the same week, the same minister two days later with someone else) must not.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline, expandInputs } from '../../lib/cli/timeline';
import { createDetector } from '../../lib/detect';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'multi-outlet');

interface Expected {
  events: Record<string, string>;
  files: Record<string, string>;
}

/** Same-event pairs merged, and different-event pairs merged, over every pair of files. */
function pairScores(eventOf: (f: string) => string, engagementOf: (f: string) => string | null, files: string[]) {
  let same = 0;
  let sameMerged = 0;
  let different = 0;
  let differentMerged = 0;
  const misses: string[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      const [a, b] = [files[i], files[j]];
      const merged = engagementOf(a) !== null && engagementOf(a) === engagementOf(b);
      if (eventOf(a) === eventOf(b)) {
        same++;
        if (merged) sameMerged++;
        else misses.push(`apart: ${a} / ${b}`);
      } else {
        different++;
        if (merged) {
          differentMerged++;
          misses.push(`merged: ${a} / ${b}`);
        }
      }
    }
  }
  return { same, sameMerged, different, differentMerged, misses };
}

describe('npm run timeline on the multi-outlet fixture set', () => {
  it('merges reports of one event and keeps near misses apart', async () => {
    const expected = JSON.parse(await readFile(join(DIR, 'expected.json'), 'utf8')) as Expected;
    const paths = await expandInputs([DIR]);
    const inputs = await Promise.all(paths.map(async (file) => ({ file, body: await readFile(file, 'utf8') })));
    const run = await buildTimeline(inputs, createDetector());

    const files = paths.map((p) => basename(p));
    expect(files.sort()).toEqual(Object.keys(expected.files).sort());
    expect(new Set(Object.values(expected.files)).size).toBeGreaterThanOrEqual(8 + 3);
    const byFile = new Map(run.files.map((f) => [basename(f.file), f]));
    const s = pairScores(
      (f) => expected.files[f],
      (f) => byFile.get(f)?.engagementId ?? null,
      files,
    );
    const found = run.files.filter((f) => f.engagementId).length;
    const sameRate = s.sameMerged / s.same;
    const differentRate = s.differentMerged / s.different;
    console.log(
      [
        `multi-outlet timeline: ${files.length} articles, ${Object.keys(expected.events).length} events, ${found} articles captured, ${run.engagements.length} engagements`,
        `same-event pairs merged ${s.sameMerged}/${s.same} = ${sameRate.toFixed(3)}`,
        `different-event pairs merged ${s.differentMerged}/${s.different} = ${differentRate.toFixed(3)}`,
        ...s.misses.map((m) => `  ${m}`),
      ].join('\n'),
    );
    expect(sameRate).toBeGreaterThanOrEqual(0.9);
    expect(differentRate).toBeLessThanOrEqual(0.05);
    // Each engagement lists its sources with the fields the command prints.
    for (const e of run.engagements) {
      expect(Object.keys(e)).toEqual(['kind', 'participants', 'place', 'date', 'sources']);
      for (const src of e.sources) expect(Object.keys(src)).toEqual(['file', 'url', 'outlet', 'title', 'published']);
    }
  }, 120_000);
});
