// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MARK_TAG, markTemplate, removeAllMarks, wrapPieces, wrapSlices } from '../../../lib/content/highlighter';
import { placeMarks, viewportOrder } from '../../../lib/content/marks';
import { buildTextIndex, offsetOf, sliceNodes } from '../../../lib/content/text-index';
import type { Detection, Mention } from '../../../lib/types';

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

describe('placeMarks', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  const detectWords =
    (words: string[]) =>
    (text: string): Detection => {
      const mentions: Mention[] = [];
      for (const w of words) {
        for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
          mentions.push({ start: i, end: i + w.length, text: w, kind: 'country', entityId: `e:${w}` });
        }
      }
      return { mentions, officials: [], countries: [], blocs: [], topics: [] };
    };

  it('makes a first mention split over two nodes one tab stop, not two', async () => {
    document.body.innerHTML = '<article><p>Minister <b>Belg</b>ium met Belgium.</p></article>';
    const set = await placeMarks(document.body, detectWords(['Belgium']), { doc: document, yieldFn: async () => {} });
    expect(set.elements.map((e) => e.textContent)).toEqual(['Belg', 'ium', 'Belgium']);
    expect(set.elements.map((e) => e.getAttribute('tabindex'))).toEqual(['0', null, null]);
    // Every piece still belongs to its entity (a hover on any piece opens the card).
    expect(set.elements.map((e) => set.infoOf(e)?.entityId)).toEqual(['e:Belgium', 'e:Belgium', 'e:Belgium']);
    set.remove();
  });

  it('wraps many mentions of one node and across nodes in document order, one tab stop per entity', async () => {
    document.body.innerHTML = '<article><p>Pakistan, Belgium and Pakistan again; <b>Belg</b>ium too.</p></article>';
    const before = document.body.innerHTML;
    const set = await placeMarks(document.body, detectWords(['Pakistan', 'Belgium']), {
      doc: document,
      yieldFn: async () => {},
    });
    expect(set.elements.map((e) => e.textContent)).toEqual(['Pakistan', 'Belgium', 'Pakistan', 'Belg', 'ium']);
    expect(set.elements.map((e) => e.getAttribute('tabindex'))).toEqual(['0', '0', null, null, null]);
    expect(document.querySelectorAll(`${MARK_TAG} ${MARK_TAG}`)).toHaveLength(0);
    expect(document.body.textContent).toBe('Pakistan, Belgium and Pakistan again; Belgium too.');
    set.remove();
    expect(document.body.innerHTML).toBe(before);
  });

  it('never wraps overlapping mentions twice', async () => {
    document.body.innerHTML = '<p>Bernard Quintin spoke.</p>';
    const set = await placeMarks(document.body, detectWords(['Bernard Quintin', 'Quintin']), {
      doc: document,
      yieldFn: async () => {},
    });
    expect(set.elements.map((e) => e.textContent)).toEqual(['Bernard Quintin']);
  });

  it('yields between slices of a long page and still marks all of it', async () => {
    const paras = Array.from({ length: 400 }, (_, i) => `<p>Para ${i}: Pakistan met Belgium.</p>`).join('');
    document.body.innerHTML = `<article>${paras}</article>`;
    let yields = 0;
    const set = await placeMarks(document.body, detectWords(['Pakistan', 'Belgium']), {
      doc: document,
      yieldFn: async () => {
        yields++;
      },
    });
    expect(set.elements).toHaveLength(800);
    expect(yields).toBeGreaterThan(1);
    set.remove();
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
  });
});

describe('wrapPieces', () => {
  it('skips pieces past the end of the node and leaves the node alone when nothing fits', () => {
    document.body.innerHTML = '<p>short</p>';
    const node = document.querySelector('p')!.firstChild as Text;
    const template = markTemplate({ 'data-entity': 'x' }, document);
    expect(wrapPieces(node, [{ start: 2, end: 50, template }], document)).toEqual([]);
    expect(document.body.innerHTML).toBe('<p>short</p>');
    const els = wrapPieces(node, [{ start: 0, end: 5, template }], document);
    expect(els.map((e) => e.outerHTML)).toEqual([`<${MARK_TAG} data-entity="x">short</${MARK_TAG}>`]);
    expect(els[0].firstChild).toBe(node);
  });
});

describe('viewportOrder', () => {
  // Ten paragraphs 500px tall, stacked; the window is `innerHeight` tall and scrolled by `scroll`.
  const boxes = (scroll: number) => (i: number) => ({ top: i * 500 - scroll, bottom: (i + 1) * 500 - scroll });
  const docOf = (innerHeight: number) => ({ defaultView: { innerHeight } }) as unknown as Document;
  it.each([
    ['at the top: the first screens, then the rest', 0, 800, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4],
    ['scrolled down: near the viewport, then below, then above', 3000, 800, [4, 5, 6, 7, 8, 9, 0, 1, 2, 3], 6],
    ['no window height: document order', 0, 0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10],
  ])('%s', (_name, scroll, height, indices, visible) => {
    const order = viewportOrder(10, boxes(scroll), docOf(height));
    expect(order.indices).toEqual(indices);
    expect(order.visible).toBe(visible);
    expect([...order.indices].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
