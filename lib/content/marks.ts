/**
 * Turns a detection over the article's text into marks on the page, a chunk at a time so a long page never
 * blocks the main thread for long.
 */
import { MARK_KIND_STYLE } from '../../components/page/styles';
import type { Detection, Mention } from '../types';
import { markTemplate, type NodePiece, unwrap, wrapPieces } from './highlighter';
import { buildTextIndex, type IndexScope, type TextIndex } from './text-index';

export interface MarkTiming {
  indexMs: number;
  detectMs: number;
  /** Time spent waiting for a detection made elsewhere: not main-thread work. */
  detectWaitMs: number;
  wrapMs: number;
  /** Main-thread time spent, not counting the pauses given to the page. */
  busyMs: number;
  longestSliceMs: number;
  /** Main-thread time until the marks in and near the viewport were in place (the rest follow). */
  visibleMs: number;
  /** `now()` when they were. */
  visibleAt: number;
}

/** What a mark stands for. Kept in the content script's memory only: the mark in the page carries none of it. */
export interface MarkInfo {
  entityId: string;
  kind: Mention['kind'];
}

export interface MarkSet {
  index: TextIndex;
  detection: Detection;
  elements: HTMLElement[];
  /** The entity of a mark this pass made; undefined for any other element (a lookalike the page made). */
  infoOf(el: Element): MarkInfo | undefined;
  timing: MarkTiming;
  remove(): void;
}

export type Yield = () => Promise<void>;

export const yieldToMain: Yield = () =>
  new Promise((resolve) => {
    const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (s?.yield) s.yield().then(resolve);
    else setTimeout(resolve, 0);
  });

/**
 * Waits until the page has rendered a frame (so the layout our last writes dirtied is done before we dirty
 * more), or for a plain yield when the page is hidden and renders no frames.
 */
export function yieldToFrame(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win || doc.visibilityState === 'hidden' || typeof win.requestAnimationFrame !== 'function') return yieldToMain();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    // rAF runs just before the frame's style and layout; a task posted from it runs after them.
    win.requestAnimationFrame(() => setTimeout(finish, 0));
    const fallback = setTimeout(finish, 100);
  });
}

/**
 * Only the first mark of each entity is a tab stop: keyboard readers reach every entity's card once, without
 * tabbing through every repetition of a country's name. Nothing names the entity: the page could read it.
 */
function attrsFor(m: Mention, first: boolean): Record<string, string> {
  const style = MARK_KIND_STYLE[m.kind];
  const attrs: Record<string, string> = style ? { style } : {};
  return first ? { ...attrs, tabindex: '0', role: 'button' } : attrs;
}

/** How long one slice of work may run before giving the page its turn, in ms. */
const BUDGET_MS = 8;
/**
 * Wrapping slices are shorter, and touch a bounded number of text nodes: the frame after them re-lays out every
 * paragraph they touched, and that layout is part of the task the page sees.
 */
const WRAP_BUDGET_MS = 5;
const NODES_PER_FRAME = 100;

/**
 * Longer texts are detected a chunk at a time with a pause between chunks, so a 150,000-word page never holds
 * the main thread for one long task. Chunks end at block boundaries (mentions never cross blocks); a 1,500-word
 * article is one chunk, so what the detector sees there is unchanged.
 */
export const DETECT_CHUNK_CHARS = 40_000;

/** `[start, end)` pieces of `text`, each ending at a line break (a block boundary) or whitespace when it can. */
export function chunkBounds(text: string, size: number = DETECT_CHUNK_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start) end = nl + 1;
      else {
        const space = text.lastIndexOf(' ', end);
        if (space > start) end = space + 1;
        else {
          // One enormous word: never cut inside it, or a glued name ("PakistanBelgium…") would match at the cut.
          const next = text.slice(end).search(/\s/);
          end = next === -1 ? text.length : end + next + 1;
        }
      }
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** One detection from the detections of consecutive chunks, first mentions first. */
export function mergeDetections(parts: { offset: number; detection: Detection }[]): Detection {
  if (parts.length === 1 && parts[0].offset === 0) return parts[0].detection;
  const out: Detection = { mentions: [], officials: [], countries: [], blocs: [], topics: [] };
  const officials = new Map<string, Detection['officials'][number]>();
  const firstOf = <T>(seen: Set<string>, key: string, list: T[], item: T) => {
    if (seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  const countries = new Set<string>();
  const blocs = new Set<string>();
  const topics = new Set<string>();
  for (const { offset, detection: d } of parts) {
    for (const m of d.mentions) out.mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
    for (const o of d.officials) {
      const known = officials.get(o.entityId);
      if (known) {
        known.variants = [...new Set([...known.variants, ...o.variants])];
        known.role ??= o.role;
        known.country ??= o.country;
      } else {
        const copy = { ...o, variants: [...o.variants] };
        officials.set(o.entityId, copy);
        out.officials.push(copy);
      }
    }
    for (const c of d.countries) firstOf(countries, c.code, out.countries, c);
    for (const b of d.blocs) firstOf(blocs, b.id, out.blocs, b);
    for (const t of d.topics) firstOf(topics, t.id, out.topics, t);
  }
  return out;
}

/**
 * Beyond these, more marks help no reader and only cost the page: text that repeats a name thousands of times
 * in one node would make wrapping quadratic (every split copies the rest of the node).
 */
export const MAX_MARKS = 20_000;
export const MAX_MARKS_PER_NODE = 64;

export interface MarkPlan {
  /** The mentions to wrap, in document order: at most `MAX_MARKS_PER_NODE` starting in one text node. */
  kept: Mention[];
  /** Indices into `index.segments` of the nodes to wrap, in document order, with their pieces. */
  nodes: number[];
  pieces: NodePiece[][];
}

/**
 * Decides what to wrap in one pass over the mentions in document order, walking the segments alongside them
 * (no search per mention, no DOM reads): which mentions are kept under the caps, and which pieces of which
 * nodes they cover. `template` gives the mark to copy for a kept mention (`first`: its entity's first mark).
 */
export function planMarks(
  index: TextIndex,
  mentions: readonly Mention[],
  template: (m: Mention, first: boolean) => HTMLElement,
): MarkPlan {
  const segs = index.segments;
  let sorted = mentions as Mention[];
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].start) {
      sorted = [...mentions].sort((x, y) => x.start - y.start);
      break;
    }
  }
  const kept: Mention[] = [];
  const nodes: number[] = [];
  const pieces: NodePiece[][] = [];
  const slot = new Map<number, NodePiece[]>();
  const counts = new Map<number, number>();
  const seen = new Set<string>();
  let seg = 0;
  for (const m of sorted) {
    if (kept.length >= MAX_MARKS) break;
    if (m.end <= m.start) continue;
    // The first segment that ends after the mention starts (mentions never start inside a separator's node).
    while (seg < segs.length && segs[seg].end <= m.start) seg++;
    if (seg >= segs.length) break;
    if (segs[seg].start >= m.end) continue;
    const n = counts.get(seg) ?? 0;
    if (n >= MAX_MARKS_PER_NODE) continue;
    counts.set(seg, n + 1);
    kept.push(m);
    const first = !seen.has(m.entityId);
    seen.add(m.entityId);
    // A mention split over several text nodes ("Mohsin <b>Naqvi</b>") is one tab stop: only its first piece.
    let mark = template(m, first);
    for (let j = seg; j < segs.length && segs[j].start < m.end; j++) {
      if (j > seg && first) mark = template(m, false);
      const s = Math.max(m.start, segs[j].start) - segs[j].start;
      const e = Math.min(m.end, segs[j].end) - segs[j].start;
      if (e <= s) continue;
      let list = slot.get(j);
      if (!list) {
        list = [];
        slot.set(j, list);
        nodes.push(j);
        pieces.push(list);
      }
      list.push({ start: s, end: e, template: mark });
    }
  }
  // Pieces of a later mention can land in an earlier node only if mentions overlap; keep document order anyway.
  if (nodes.some((v, i) => i > 0 && v < nodes[i - 1])) {
    const order = nodes.map((_, i) => i).sort((x, y) => nodes[x] - nodes[y]);
    return { kept, nodes: order.map((i) => nodes[i]), pieces: order.map((i) => pieces[i]) };
  }
  return { kept, nodes, pieces };
}

/** The mentions to wrap, in document order: at most `MAX_MARKS_PER_NODE` starting in one text node. */
export function capMentions(index: TextIndex, mentions: readonly Mention[]): Mention[] {
  const none = null as unknown as HTMLElement;
  return planMarks(index, mentions, () => none).kept;
}

/** One template per entity and tab-stop role, made on first use; `info` says which entity each stands for. */
function templateMaker(doc: Document, info: Map<HTMLElement, MarkInfo>): (m: Mention, first: boolean) => HTMLElement {
  const templates = new Map<string, HTMLElement>();
  return (m, first) => {
    const key = `${first ? 1 : 0}\u0000${m.kind}\u0000${m.entityId}`;
    let template = templates.get(key);
    if (!template) {
      template = markTemplate(attrsFor(m, first), doc);
      templates.set(key, template);
      info.set(template, { entityId: m.entityId, kind: m.kind });
    }
    return template;
  };
}

type Box = { top: number; bottom: number } | null;

/**
 * The order to wrap `n` nodes in, given in document order: first those within a screen of the viewport, then
 * the ones after them, then the ones before. Document order is taken as top-to-bottom order, so a binary search
 * needs only a few dozen rect reads, all made before any write (the layout is still clean). A page where that
 * does not hold (columns, floats) only gets a less useful order, never fewer marks.
 */
export function viewportOrder(
  n: number,
  box: (i: number) => Box,
  doc: Document,
): { indices: number[]; visible: number } {
  const height = doc.defaultView?.innerHeight ?? 0;
  const all = Array.from({ length: n }, (_, i) => i);
  if (n === 0 || height <= 0) return { indices: all, visible: n };
  const firstWhere = (pred: (b: NonNullable<Box>) => boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = box(mid);
      if (!b || pred(b)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = firstWhere((b) => b.bottom >= -height);
  const to = Math.max(
    from,
    firstWhere((b) => b.top > 2 * height),
  );
  if (from === 0 && to === n) return { indices: all, visible: n };
  return { indices: [...all.slice(from, to), ...all.slice(to), ...all.slice(0, from)], visible: to - from };
}

export async function placeMarks(
  root: Element,
  detect: (text: string) => Detection | Promise<Detection>,
  opts: {
    signal?: AbortSignal;
    yieldFn?: Yield;
    doc?: Document;
    now?: () => number;
    chunkChars?: number;
    /** Called once before the first mark is written, and never when there is nothing to mark. */
    beforeWrap?: () => void;
    /** Only these parts of `root` are marked (the story); all of it when absent. */
    scope?: IndexScope;
  } = {},
): Promise<MarkSet> {
  const doc = opts.doc ?? root.ownerDocument;
  const now = opts.now ?? (() => performance.now());
  const yieldFn = opts.yieldFn ?? yieldToMain;
  const timing: MarkTiming = {
    indexMs: 0,
    detectMs: 0,
    detectWaitMs: 0,
    wrapMs: 0,
    busyMs: 0,
    longestSliceMs: 0,
    visibleMs: 0,
    visibleAt: 0,
  };
  let sliceStart = now();
  const pause = async () => {
    timing.longestSliceMs = Math.max(timing.longestSliceMs, now() - sliceStart);
    await yieldFn();
    sliceStart = now();
  };

  let t = now();
  const index = buildTextIndex(root, doc, opts.scope);
  timing.indexMs = now() - t;

  const parts: { offset: number; detection: Detection }[] = [];
  const chunks = chunkBounds(index.text, opts.chunkChars);
  for (const [start, end] of chunks) {
    if (opts.signal?.aborted) break;
    if (now() - sliceStart > BUDGET_MS) await pause();
    t = now();
    const text = chunks.length === 1 ? index.text : index.text.slice(start, end);
    const pending = detect(text);
    // A detection in another thread (the background) costs this page only the time to send it.
    const sent = now();
    timing.detectMs += sent - t;
    const detection = await pending;
    timing.detectWaitMs += now() - sent;
    sliceStart = now();
    parts.push({ offset: start, detection });
  }
  const detection = parts.length
    ? mergeDetections(parts)
    : { mentions: [], officials: [], countries: [], blocs: [], topics: [] };

  const elements: HTMLElement[] = [];
  // Receiving a large detection already cost this task its deserialization: give the page its turn first.
  if (detection.mentions.length > 500 || now() - sliceStart > BUDGET_MS) await pause();
  t = now();
  const templateInfo = new Map<HTMLElement, MarkInfo>();
  const owned = new WeakMap<Element, MarkInfo>();
  const plan = planMarks(index, detection.mentions, templateMaker(doc, templateInfo));
  const nodes = plan.nodes.map((i) => index.segments[i].node);
  // What the reader sees is marked first; the rest follows in document order below it, then above it.
  const order = viewportOrder(nodes.length, (i) => nodes[i].parentElement?.getBoundingClientRect() ?? null, doc);
  const visibleEnd = order.visible;
  timing.wrapMs += now() - t;
  // Each slice of wrapping dirties the layout of the paragraphs it touched; waiting for a frame between slices
  // keeps each style and layout pass small, instead of one pass over the whole page at the end.
  const frameYield = opts.yieldFn ?? (() => yieldToFrame(doc));
  const byNode: HTMLElement[][] = new Array(nodes.length);
  let wrote = 0;
  t = now();
  if (nodes.length && !opts.signal?.aborted) opts.beforeWrap?.();
  for (let k = 0; k < order.indices.length; k++) {
    if (opts.signal?.aborted) break;
    if (k === visibleEnd) {
      timing.visibleMs = timing.indexMs + timing.detectMs + timing.wrapMs + (now() - t);
      timing.visibleAt = now();
    }
    if (wrote >= NODES_PER_FRAME || now() - sliceStart > WRAP_BUDGET_MS) {
      timing.wrapMs += now() - t;
      timing.longestSliceMs = Math.max(timing.longestSliceMs, now() - sliceStart);
      await frameYield();
      sliceStart = now();
      t = now();
      wrote = 0;
    }
    const i = order.indices[k];
    byNode[i] = wrapPieces(nodes[i], plan.pieces[i], doc, (mark, piece) => {
      const info = templateInfo.get(piece.template);
      if (info) owned.set(mark, info);
    });
    wrote++;
  }
  // Marks in document order, whatever order they were written in.
  for (const list of byNode) if (list) for (const el of list) elements.push(el);
  timing.wrapMs += now() - t;
  timing.longestSliceMs = Math.max(timing.longestSliceMs, now() - sliceStart);
  timing.busyMs = timing.indexMs + timing.detectMs + timing.wrapMs;
  if (timing.visibleAt === 0) {
    timing.visibleMs = timing.busyMs;
    timing.visibleAt = now();
  }
  return {
    index,
    detection,
    elements,
    infoOf: (el) => owned.get(el),
    timing,
    remove: () => unwrap(elements.splice(0)),
  };
}
