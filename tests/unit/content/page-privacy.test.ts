// @vitest-environment happy-dom
/**
 * What the page's own scripts can see of the extension: marks that name nothing, a UI host with a closed
 * shadow root, passages painted outside the page's DOM, labels without bidi tricks, restarts that a restless
 * page cannot multiply.
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KnownBanner } from '../../../components/page/KnownBanner';
import { RESTART_QUIET_MS, startLifecycle } from '../../../lib/content/lifecycle';
import { placeMarks } from '../../../lib/content/marks';
import { highlightPassages } from '../../../lib/content/passages';
import { isOwnUiHost, mountUiHost } from '../../../lib/content/ui-host';
import type { Detection, Mention, Passage } from '../../../lib/types';
import { cleanLabel } from '../../../lib/ui/label';

const ARTICLE = '<article><p>Mohsin Naqvi met officials from Belgium to discuss human trafficking.</p></article>';

function detectionFor(text: string): Detection {
  const at = (s: string, entityId: string, kind: Mention['kind']): Mention => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, text: s, entityId, kind } as Mention;
  };
  return {
    mentions: [
      at('Mohsin Naqvi', 'official:mohsin-naqvi', 'official'),
      at('Belgium', 'country:BE', 'country'),
      at('human trafficking', 'topic:human-trafficking', 'topic'),
    ],
    officials: [],
    countries: [],
    blocs: [],
    topics: [],
  };
}

describe('marks name no entity', () => {
  beforeEach(() => {
    document.body.innerHTML = ARTICLE;
  });

  it('carries no data attribute; only the content script knows what each mark stands for', async () => {
    const marks = await placeMarks(document.body, detectionFor, { yieldFn: async () => {} });
    expect(marks.elements.map((m) => m.textContent)).toEqual(['Mohsin Naqvi', 'Belgium', 'human trafficking']);
    const attributes = new Set(marks.elements.flatMap((m) => m.getAttributeNames()));
    expect([...attributes].filter((a) => a.startsWith('data-') || a === 'id' || a === 'class')).toEqual([]);
    expect(document.body.innerHTML).not.toMatch(/official:|country:|topic:/);
    expect(marks.elements.map((m) => marks.infoOf(m)?.entityId)).toEqual([
      'official:mohsin-naqvi',
      'country:BE',
      'topic:human-trafficking',
    ]);
  });

  it.each([
    ['a lookalike the page made', () => document.createElement('counterpart-mark')],
    [
      'a lookalike with forged attributes',
      () => {
        const el = document.createElement('counterpart-mark');
        el.setAttribute('data-entity', 'country:BE');
        el.setAttribute('data-kind', 'country');
        return el;
      },
    ],
    ['a copy of a real mark', () => document.querySelector('counterpart-mark')!.cloneNode(true) as Element],
  ])('is not one of ours: %s', async (_, make) => {
    const marks = await placeMarks(document.body, detectionFor, { yieldFn: async () => {} });
    const fake = make();
    document.body.append(fake);
    expect(marks.infoOf(fake)).toBeUndefined();
  });
});

describe('the UI host', () => {
  afterEach(() => {
    for (const d of document.documentElement.querySelectorAll(':scope > div')) d.remove();
  });

  it('is a plain div whose closed shadow root the page cannot open', () => {
    const ui = mountUiHost(document);
    expect(ui.host.tagName).toBe('DIV');
    expect(ui.host.shadowRoot).toBeNull();
    expect(ui.host.childElementCount).toBe(0);
    expect(ui.host.getAttributeNames()).toEqual([]);
    render(h('p', null, 'secret timeline text'), ui.card);
    expect(document.documentElement.outerHTML).not.toContain('secret timeline text');
    expect(isOwnUiHost(ui.host)).toBe(true);
    expect(isOwnUiHost(document.createElement('div'))).toBe(false);
    ui.destroy();
    expect(isOwnUiHost(ui.host)).toBe(false);
  });

  it('comes back when the page removes it', () => {
    const ui = mountUiHost(document);
    ui.host.remove();
    ui.ensureAttached();
    expect(ui.host.parentNode).toBe(document.documentElement);
    ui.destroy();
  });
});

describe('saved passages', () => {
  const passage = (exact: string, id = 'p1'): Passage =>
    ({
      id,
      url: 'https://news.example/a',
      title: null,
      outlet: null,
      published: null,
      selectors: { quote: { exact, prefix: '', suffix: '' }, position: { start: -1, end: -1 } },
      entityIds: [],
      note: '',
      tags: [],
      createdAt: 0,
    }) as unknown as Passage;

  beforeEach(() => {
    document.body.innerHTML = ARTICLE;
  });

  it('are found without touching the page’s DOM, and the missing ones are listed', () => {
    const before = document.body.innerHTML;
    const layer = document.createElement('div');
    const found = highlightPassages(
      document.body,
      [passage('met officials from Belgium'), passage('a sentence that is not there at all', 'p2')],
      layer,
    );
    expect([...found.found.keys()]).toEqual(['p1']);
    expect(
      found.found
        .get('p1')!
        .map((r) => r.toString())
        .join(''),
    ).toBe('met officials from Belgium');
    expect(found.orphans.map((p) => p.id)).toEqual(['p2']);
    expect(document.body.innerHTML).toBe(before);
    found.remove();
    expect(layer.childElementCount).toBe(0);
  });
});

describe('page-supplied labels', () => {
  it.each([
    ['Pakistan\u202eyadoT', 'PakistanyadoT'],
    ['The\u200b Ledger', 'The Ledger'],
    ['\u2067Dawn\u2069', 'Dawn'],
    ['  Daily\n\tMail  ', 'Daily Mail'],
    ['Ab\u00adcd', 'Abcd'],
    [null, ''],
  ])('%j → %j', (raw, clean) => {
    expect(cleanLabel(raw)).toBe(clean);
  });

  it('keeps a label to a line', () => {
    expect(cleanLabel('x'.repeat(500)).length).toBeLessThanOrEqual(200);
  });
});

describe('the banner', () => {
  it('holds no link the page could read; only web URLs can be opened, through the extension', () => {
    const root = document.createElement('div');
    const onOpen = vi.fn();
    render(
      h(KnownBanner, {
        known: {
          engagementId: 'e1',
          summary: '',
          otherSources: [
            { outlet: 'Daily\u202eTimes', url: 'https://daily.example/a', title: null },
            { outlet: 'Evil', url: 'javascript:alert(1)', title: null },
            { outlet: null, url: 'data:text/html,hi', title: null },
          ],
        },
        onOpen,
        onDismiss: () => {},
      }),
      root,
    );
    expect(root.querySelectorAll('a, [href]')).toHaveLength(0);
    expect(root.textContent).toContain('DailyTimes');
    const buttons = [...root.querySelectorAll('button.link')];
    expect(buttons.map((b) => b.textContent)).toEqual(['DailyTimes']);
    (buttons[0] as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledWith('https://daily.example/a');
  });
});

describe('restarts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a burst of URL changes is one restart; a page that keeps changing waits longer each time', () => {
    const runs: AbortSignal[] = [];
    const life = startLifecycle({ doc: document, run: (s) => void runs.push(s), now: () => Date.now() });
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 40; i++) life.restart();
    expect(runs[0].aborted).toBe(true);
    vi.advanceTimersByTime(RESTART_QUIET_MS);
    expect(runs).toHaveLength(2);
    // Changes right after each run: the quiet time doubles, so forty more changes 300 ms apart cost few runs.
    for (let i = 0; i < 40; i++) {
      life.restart();
      vi.advanceTimersByTime(300);
    }
    vi.advanceTimersByTime(60_000);
    expect(runs.length).toBeLessThanOrEqual(5);
    expect(runs.at(-1)!.aborted).toBe(false);
    life.stop();
    expect(runs.at(-1)!.aborted).toBe(true);
  });

  it('starts again when the page replaces its document (document.open)', async () => {
    vi.useRealTimers();
    const runs: AbortSignal[] = [];
    const life = startLifecycle({ doc: document, run: (s) => void runs.push(s), setTimer: (fn) => fn() });
    const old = document.documentElement;
    old.remove();
    document.appendChild(document.createElement('html'));
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toHaveLength(2);
    expect(runs[0].aborted).toBe(true);
    life.stop();
    document.documentElement.remove();
    document.appendChild(old);
  });
});

describe('labels in the popup', () => {
  it('an outlet with a bidi override and zero-width characters is shown clean', async () => {
    const { EngagementItem } = await import('../../../components/popup/EngagementItem');
    const root = document.createElement('div');
    const engagement = {
      id: 'e1',
      kind: 'meeting',
      participants: [],
      countries: [],
      place: null,
      date: '2025-12-12',
      datePrecision: 'day',
      topics: [],
      figures: [],
      summary: 'A meeting',
      origin: 'captured',
      createdAt: 0,
      updatedAt: 0,
      sources: [
        {
          id: 's1',
          engagementId: 'e1',
          url: 'https://x.example/a',
          outlet: 'Daily\u202e\u200bTimes',
          title: 'T\u2066itle',
          published: null,
          capturedAt: 0,
        },
      ],
    };
    render(h(EngagementItem, { engagement } as never), root);
    expect(root.textContent).toContain('DailyTimes');
    expect(root.innerHTML).not.toMatch(/[\u202e\u200b\u2066]/);
  });
});
