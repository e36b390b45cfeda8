/**
 * The content script's work limits on huge or odd pages: detection in block-aligned chunks whose results merge
 * back into one detection, and caps on how many marks one text node or one page gets.
 */
import { describe, expect, it } from 'vitest';
import { capMentions, chunkBounds, MAX_MARKS_PER_NODE, mergeDetections } from '../../../lib/content/marks';
import type { TextIndex } from '../../../lib/content/text-index';
import type { Detection, Mention } from '../../../lib/types';

const covers = (text: string, bounds: [number, number][]) =>
  bounds.map(([s, e]) => text.slice(s, e)).join('') === text && bounds.every(([s, e]) => e > s);

describe('chunkBounds', () => {
  it.each([
    ['short text is one chunk', 'Pakistan and Belgium.', 100, 1],
    ['cuts at block boundaries', 'aaaa bbbb\ncccc dddd\neeee ffff\n', 12, 3],
    ['falls back to whitespace inside one block', 'aaaa bbbb cccc dddd eeee', 7, 5],
    ['never cuts inside one enormous word', `${'x'.repeat(50)} tail`, 10, 2],
    ['empty text has no chunks', '', 10, 0],
  ])('%s', (_name, text, size, n) => {
    const bounds = chunkBounds(text, size);
    expect(bounds).toHaveLength(n);
    if (n > 0) expect(covers(text, bounds)).toBe(true);
  });

  it('keeps glued names whole: no chunk ends inside a word', () => {
    const text = 'PakistanBelgium'.repeat(1000);
    for (const [, end] of chunkBounds(text, 100)) expect(end === text.length || /\s/.test(text[end - 1])).toBe(true);
  });
});

function mention(start: number, text: string, entityId: string): Mention {
  return { start, end: start + text.length, text, kind: 'country', entityId };
}

describe('mergeDetections', () => {
  it('shifts mentions by their chunk offset and keeps first-seen order without duplicates', () => {
    const a: Detection = {
      mentions: [mention(0, 'Pakistan', 'country:PK')],
      officials: [{ entityId: 'official:x', name: 'X', role: null, country: null, discovered: false, variants: ['X'] }],
      countries: [{ code: 'PK', name: 'Pakistan' }],
      blocs: [],
      topics: [{ id: 'narcotics', label: 'Narcotics' }],
    };
    const b: Detection = {
      mentions: [mention(5, 'Belgium', 'country:BE')],
      officials: [
        { entityId: 'official:x', name: 'X', role: 'Minister', country: 'PK', discovered: false, variants: ['Mr X'] },
      ],
      countries: [
        { code: 'BE', name: 'Belgium' },
        { code: 'PK', name: 'Pakistan' },
      ],
      blocs: [],
      topics: [{ id: 'narcotics', label: 'Narcotics' }],
    };
    const merged = mergeDetections([
      { offset: 0, detection: a },
      { offset: 100, detection: b },
    ]);
    expect(merged.mentions.map((m) => [m.start, m.end])).toEqual([
      [0, 8],
      [105, 112],
    ]);
    expect(merged.countries.map((c) => c.code)).toEqual(['PK', 'BE']);
    expect(merged.topics).toHaveLength(1);
    expect(merged.officials).toEqual([
      {
        entityId: 'official:x',
        name: 'X',
        role: 'Minister',
        country: 'PK',
        discovered: false,
        variants: ['X', 'Mr X'],
      },
    ]);
  });
});

describe('capMentions', () => {
  it('wraps at most a fixed number of mentions per text node, in document order', async () => {
    const { Window } = await import('happy-dom');
    const doc = new Window().document as unknown as Document;
    const node = doc.createTextNode('Pakistan-'.repeat(500));
    const index: TextIndex = { text: node.data, segments: [{ node, start: 0, end: node.data.length }] };
    const mentions = Array.from({ length: 500 }, (_, i) => mention(i * 9, 'Pakistan', 'country:PK'));
    const kept = capMentions(index, mentions.reverse());
    expect(kept).toHaveLength(MAX_MARKS_PER_NODE);
    expect(kept[0].start).toBe(0);
  });
});
