// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MARK_TAG, removeAllMarks, wrapSlices } from '../../../lib/content/highlighter';
import { buildTextIndex, offsetOf, sliceNodes } from '../../../lib/content/text-index';

const PAGE = `
  <nav>Pakistan Belgium World</nav>
  <article>
    <h1>Naqvi meets Quintin</h1>
    <p>Interior Minister <b>Mohsin Naqvi</b> met Belgian counterpart Bernard Quintin in Brussels.</p>
    <p contenteditable="true">Pakistan draft</p>
    <form><input value="Pakistan"><label>Pakistan</label></form>
    <p>Talks covered <i>human</i> trafficking.</p>
    <pre>Pakistan code</pre>
  </article>`;

describe('text index', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('skips navigation, forms, editable areas and code', () => {
    const { text } = buildTextIndex(document.body);
    expect(text).toContain('Mohsin Naqvi met Belgian');
    expect(text).not.toContain('World');
    expect(text).not.toContain('draft');
    expect(text).not.toContain('code');
    expect(text.match(/Pakistan/g)).toBeNull();
  });

  it('keeps paragraphs apart and maps offsets back to nodes across inline elements', () => {
    const index = buildTextIndex(document.body);
    expect(index.text).toContain('Quintin\nInterior');
    const start = index.text.indexOf('Minister Mohsin');
    const slices = sliceNodes(index, start, start + 'Minister Mohsin'.length);
    expect(slices.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['Minister ', 'Mohsin']);
    expect(offsetOf(index, slices[1].node, 0)).toBe(index.text.indexOf('Mohsin'));
  });
});

describe('highlighter', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('wraps a span across element boundaries and restores the page exactly', () => {
    const before = document.body.innerHTML;
    const index = buildTextIndex(document.body);
    const start = index.text.indexOf('human trafficking');
    const h = wrapSlices(
      sliceNodes(index, start, start + 'human trafficking'.length),
      { 'data-entity': 't' },
      document,
    );
    expect(h.elements).toHaveLength(2);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(2);
    expect(h.elements.map((e) => e.textContent).join('')).toBe('human trafficking');
    removeAllMarks(document.body);
    expect(document.body.innerHTML).toBe(before);
  });

  it('wraps several spans in one text node when applied right to left', () => {
    const index = buildTextIndex(document.body);
    const spans = ['Belgian', 'Bernard Quintin', 'Brussels'].map((w) => {
      const s = index.text.indexOf(w, index.text.indexOf('met'));
      return [s, s + w.length] as const;
    });
    for (const [s, e] of [...spans].reverse()) wrapSlices(sliceNodes(index, s, e), {}, document);
    expect([...document.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual([
      'Belgian',
      'Bernard Quintin',
      'Brussels',
    ]);
  });
});
