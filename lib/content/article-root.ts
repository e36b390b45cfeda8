/**
 * Where the story is on the live page, decided once per marking pass: marks go only there. The background reads
 * the article with Readability from the page's markup; running Readability here would hold the page's main
 * thread for 10–700 ms (it rebuilds a copy of the page), so this module scores the live DOM the same way, read
 * only: paragraphs score their ancestors by length and commas, link density and class/id hints weigh the
 * candidates, the best one and its siblings that score well are the story. Inside it, the blocks Readability
 * would clean away (link lists, short bylines, sharing tools, negatively named blocks) and the ones no reader
 * takes for the story (captions, galleries, author bios, newsletters, hidden text) are left out. The headline is
 * added, since Readability leaves it out of the content but a reader reads it as part of the story.
 */
import { BLOCK_TAGS as PARAGRAPH_BLOCK_TAGS, SILENT_TAGS } from '../lexicon/html-tags';
import { ancestorTest } from './ancestor-test';
import { BYLINE, MAYBE_CONTENT, NEGATIVE, NOT_STORY, POSITIVE, SHARE, UNLIKELY, UNLIKELY_ROLES } from './block-hints';

export interface ArticleScope {
  /** The elements holding the story, in document order (the headline first when it lies outside the rest). */
  parts: Element[];
  /** Whether an element inside a part is not the story; asked once per element, ancestors first. */
  excluded(el: Element): boolean;
}

/**
 * Readability's passes: when the story found is shorter than `MIN_STORY_CHARS`, it tries again without leaving out
 * unlikely-named blocks (a page whose main column is called "social-anchor"), then without class weights, then
 * without cleaning, and keeps the first long enough (or the longest).
 */
interface Pass {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}
const PASSES: readonly Pass[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];
/** Readability's default for "an article was found". */
const MIN_STORY_CHARS = 500;

/** Readability's starting scores by tag: containers of prose up, lists and headings down. */
const TAG_SCORE: Record<string, number> = {
  DIV: 5,
  PRE: 3,
  TD: 3,
  BLOCKQUOTE: 3,
  ADDRESS: -3,
  OL: -3,
  UL: -3,
  DL: -3,
  DD: -3,
  DT: -3,
  LI: -3,
  FORM: -3,
  H1: -5,
  H2: -5,
  H3: -5,
  H4: -5,
  H5: -5,
  H6: -5,
  TH: -5,
};

/** What a class or id hint is worth (Readability's weight). */
const HINT_WEIGHT = 25;
/** Paragraphs shorter than this do not score (Readability's cut: a caption or a label, not prose). */
const MIN_PARAGRAPH_CHARS = 25;
/** How far up a paragraph's score reaches (Readability's depth). */
const SCORE_DEPTH = 5;
/** A byline or a sharing bar is short; a story whose container happens to carry such a name is not. */
const MAX_BYLINE_CHARS = 100;
const MAX_SHARE_CHARS = 500;
/** A block of fewer commas than this is judged by its shape (links, lists, images), as Readability does. */
const PROSE_COMMAS = 10;
/** Readability's link-density limits: a little linky for a plain block, mostly links for a well-named one. */
const LINKY = 0.2;
const MOSTLY_LINKS = 0.5;

// A line break is phrasing content, and a table's rows and cells stand inside a TABLE, which counts already.
const INSIDE_A_BLOCK: readonly string[] = ['BR', 'TD', 'TH', 'TR'];

/**
 * Tags that break phrasing content: a div holding none of them reads as one paragraph. The paragraph blocks of
 * `lexicon/html-tags.ts` less `INSIDE_A_BLOCK`, and forms, fieldsets and navs.
 */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  ...PARAGRAPH_BLOCK_TAGS.filter((tag) => !INSIDE_A_BLOCK.includes(tag)),
  'FIELDSET',
  'FORM',
  'NAV',
]);

/** Never the story, whatever their text. */
const FURNITURE_TAGS: ReadonlySet<string> = new Set([
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'MENU',
  'DIALOG',
  ...SILENT_TAGS,
]);
const FURNITURE = [...FURNITURE_TAGS].join(',').toLowerCase();

const commas = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;
const hasComma = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/;

/** Length of `s` without its leading and trailing white space, without making a new string. */
function trimmedLength(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return b - a;
}

function commaCount(s: string): number {
  return hasComma.test(s) ? (s.match(commas)?.length ?? 0) : 0;
}

function hintsOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

function classWeight(el: Element, pass: Pass): number {
  if (!pass.weightClasses) return 0;
  let w = 0;
  for (const part of [el.getAttribute('class') ?? '', el.id]) {
    if (!part) continue;
    if (NEGATIVE.pattern.test(part)) w -= HINT_WEIGHT;
    if (POSITIVE.pattern.test(part)) w += HINT_WEIGHT;
  }
  return w;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Hidden by markup or inline style (before any style sheet is consulted; Readability's test). */
function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // The attribute, not `style`: reading `el.style` builds a declaration object for every element asked.
  const style = el.getAttribute('style');
  return !!style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Hidden by the page's style sheets: what has no box is not read. Asked only of elements a style sheet can
 * single out by name (a class or an id), since the rest inherit the answer from the ancestors asked before them;
 * skipped where the DOM cannot tell.
 */
function hiddenByStyle(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function' || !(el.hasAttribute('class') || el.hasAttribute('id'))) return false;
  return !check.call(el, { visibilityProperty: true });
}

/**
 * Text length, link text and commas of every element under the body, summed up from its text nodes in one
 * pass: the scoring asks for them thousands of times, and reading `textContent` for each would walk the same
 * subtrees again and again. Lengths count a run of white space as one character, as Readability does.
 */
class Measures {
  private texts = new Map<Element, number>();
  private links = new Map<Element, number>();
  private commaCounts = new Map<Element, number>();

  constructor(body: Element) {
    // Children come after their parent in document order: walking it backwards sums every child before its parent.
    const all = [body, ...Array.from(body.getElementsByTagName('*'))];
    for (let i = all.length - 1; i >= 0; i--) {
      const el = all[i];
      if (SILENT.has(el.tagName)) continue;
      let text = 0;
      let link = 0;
      let comma = 0;
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          // Indentation around a node's text is the bulk of a page's white space; runs inside it are rare.
          const data = (c as Text).data;
          text += trimmedLength(data);
          comma += commaCount(data);
        } else if (c.nodeType === 1) {
          const child = c as Element;
          text += this.texts.get(child) ?? 0;
          link += this.links.get(child) ?? 0;
          comma += this.commaCounts.get(child) ?? 0;
        }
      }
      if (el.tagName === 'A') {
        const href = el.getAttribute('href');
        // In-page links count less: they are often footnotes.
        link = text * (href && /^#.+/.test(href) ? 0.3 : 1);
      }
      if (text) this.texts.set(el, text);
      if (link) this.links.set(el, link);
      if (comma) this.commaCounts.set(el, comma);
    }
  }

  length(el: Element): number {
    return this.texts.get(el) ?? 0;
  }

  commas(el: Element): number {
    return this.commaCounts.get(el) ?? 0;
  }

  /** Share of the element's text that is link text. */
  linkDensity(el: Element): number {
    const total = this.length(el);
    return total ? (this.links.get(el) ?? 0) / total : 0;
  }
}

/** Elements whose text nodes are not text a reader sees. */
const SILENT: ReadonlySet<string> = new Set(SILENT_TAGS);

/** Whether the element (not its ancestors) is page furniture to leave out before scoring. */
function unlikely(el: Element, pass: Pass): boolean {
  if (FURNITURE_TAGS.has(el.tagName) || hiddenByMarkup(el)) return true;
  if (!pass.stripUnlikely) return false;
  const role = el.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const tag = el.tagName;
  if (tag === 'BODY' || tag === 'A' || tag === 'HTML') return false;
  const hints = hintsOf(el);
  return UNLIKELY.pattern.test(hints) && !MAYBE_CONTENT.pattern.test(hints) && !el.closest('table,code');
}

/** The runs of phrasing content directly in a div (split where a block child sits): their lengths and commas. */
function directRuns(el: Element, m: Measures): { length: number; commas: number }[] {
  const runs: { length: number; commas: number }[] = [];
  let run = { length: 0, commas: 0 };
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      const data = (c as Text).data;
      run.length += trimmedLength(data);
      run.commas += commaCount(data);
    } else if (c.nodeType === 1) {
      const child = c as Element;
      if (BLOCK_TAGS.has(child.tagName)) {
        if (run.length) runs.push(run);
        run = { length: 0, commas: 0 };
      } else {
        run.length += m.length(child);
        run.commas += m.commas(child);
      }
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

function paragraphScore(length: number, commaCount: number): number {
  return 1 + commaCount + 1 + Math.min(Math.floor(length / 100), 3);
}

/** The story's container: Readability's top candidate over the live DOM, with the siblings it would join. */
interface Candidate {
  parts: Element[];
  /** Characters of prose (the scored paragraphs) inside the parts: Readability's measure of "found an article". */
  prose: number;
}

function topCandidate(body: Element, m: Measures, pass: Pass): Candidate | null {
  const paragraphs: [Element, number][] = [];
  const scores = new Map<Element, number>();
  // An element is left out when it or any ancestor is furniture.
  const furniture = ancestorTest((el) => unlikely(el, pass));
  const isOut = (el: Element | null): boolean => furniture(el, body);
  const credit = (el: Element, score: number) => {
    let level = 0;
    for (let a = el.parentElement; a && level < SCORE_DEPTH && a.parentElement; a = a.parentElement, level++) {
      let s = scores.get(a);
      if (s === undefined) s = (TAG_SCORE[a.tagName] ?? 0) + classWeight(a, pass);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, s + score / divider);
    }
  };
  for (const el of Array.from(body.querySelectorAll('p,pre,td,section,h2,h3,h4,h5,h6,div'))) {
    if (isOut(el)) continue;
    if (el.tagName === 'DIV') {
      let hasBlock = false;
      for (let c = el.firstElementChild; c && !hasBlock; c = c.nextElementSibling) hasBlock = BLOCK_TAGS.has(c.tagName);
      if (hasBlock) {
        // Phrasing runs between a div's blocks are paragraphs of their own, children of the div.
        for (const run of directRuns(el, m)) {
          if (run.length < MIN_PARAGRAPH_CHARS) continue;
          const score = paragraphScore(run.length, run.commas);
          paragraphs.push([el, run.length]);
          let s = scores.get(el);
          if (s === undefined) s = (TAG_SCORE.DIV ?? 0) + classWeight(el, pass);
          scores.set(el, s + score);
          credit(el, score / 2);
        }
        continue;
      }
    }
    const length = m.length(el);
    if (length < MIN_PARAGRAPH_CHARS) continue;
    credit(el, paragraphScore(length, m.commas(el)));
    paragraphs.push([el, length]);
  }
  if (!scores.size) return null;
  const ranked: [Element, number][] = [];
  for (const [el, s] of scores) ranked.push([el, s * (1 - m.linkDensity(el))]);
  ranked.sort((a, b) => b[1] - a[1]);
  const final = new Map(ranked);
  let [top, topScore] = ranked[0];
  const found = (parts: Element[]): Candidate => {
    let prose = 0;
    for (const [p, n] of paragraphs) if (parts.some((part) => part.contains(p))) prose += n;
    return { parts, prose };
  };
  if (top.tagName === 'BODY') return found([top]);
  // Several near-equal candidates under one ancestor: the story is split across them, take the ancestor.
  const rivals = ranked.slice(1, 5).filter(([, s]) => s / topScore >= 0.75);
  if (rivals.length >= 3) {
    for (let a = top.parentElement; a && a !== body; a = a.parentElement) {
      if (rivals.filter(([r]) => a.contains(r)).length >= 3) {
        top = a;
        topScore = final.get(a) ?? topScore;
        break;
      }
    }
  }
  // A parent that scores better than the candidate holds more of the story.
  let last = topScore;
  const threshold = topScore / 3;
  for (let a = top.parentElement; a && a !== body; a = a.parentElement) {
    const s = final.get(a);
    if (s === undefined) continue;
    if (s < threshold) break;
    if (s > last) {
      top = a;
      topScore = s;
      break;
    }
    last = s;
  }
  while (top.parentElement && top.parentElement !== body && top.parentElement.children.length === 1)
    top = top.parentElement;
  topScore = final.get(top) ?? topScore;
  const parent = top.parentElement;
  if (!parent) return found([top]);
  const siblingThreshold = Math.max(10, topScore * 0.2);
  const topClass = top.getAttribute('class') ?? '';
  const parts: Element[] = [];
  for (const sib of Array.from(parent.children)) {
    if (sib === top) {
      parts.push(sib);
      continue;
    }
    if (isOut(sib)) continue;
    const bonus = topClass && sib.getAttribute('class') === topClass ? topScore * 0.2 : 0;
    const s = final.get(sib);
    if (s !== undefined && s + bonus >= siblingThreshold) parts.push(sib);
    else if (sib.tagName === 'P') {
      const length = m.length(sib);
      const density = m.linkDensity(sib);
      if (length > 80 && density < 0.25) parts.push(sib);
      else if (length > 0 && length < 80 && density === 0 && /\.( |$)/.test(sib.textContent ?? '')) parts.push(sib);
    }
  }
  return found(parts);
}

/** Whether a table holds data (kept whole) rather than lays out the page. */
function dataTable(table: Element): boolean {
  if (table.getAttribute('role') === 'presentation' || table.getAttribute('datatable') === '0') return false;
  if (table.querySelector('caption,thead,tfoot,colgroup,th')) return true;
  if (table.querySelector('table')) return false;
  const rows = table.querySelectorAll('tr').length;
  const cols = table.querySelector('tr')?.children.length ?? 0;
  return rows >= 10 || cols > 4 || rows * cols > 10;
}

/** Readability's conditional cleaning of a form, table, list or div inside the story: true to leave it out. */
function shady(el: Element, m: Measures, pass: Pass): boolean {
  if (!pass.cleanConditionally) return false;
  const tag = el.tagName;
  if (tag === 'TABLE' && dataTable(el)) return false;
  if (el.closest('code')) return false;
  const weight = classWeight(el, pass);
  if (weight < 0) return true;
  const length = m.length(el);
  if (m.commas(el) >= PROSE_COMMAS) return false;
  let isList = tag === 'UL' || tag === 'OL';
  if (!isList && length) {
    let listChars = 0;
    for (const l of Array.from(el.querySelectorAll('ul,ol'))) listChars += m.length(l);
    isList = listChars / length > 0.9;
  }
  const p = el.getElementsByTagName('p').length;
  const img = el.getElementsByTagName('img').length;
  const li = el.getElementsByTagName('li').length - 100;
  const input = el.getElementsByTagName('input').length;
  const embeds = el.querySelectorAll('object,embed,iframe').length;
  const density = m.linkDensity(el);
  const inFigure = !!el.closest('figure');
  if (!inFigure && img > 1 && p / img < 0.5) {
    // A list whose every item is one image is a gallery Readability keeps; it holds no text to mark either way.
    return !(isList && img === el.getElementsByTagName('li').length);
  }
  if (!isList && li > p) return true;
  if (input > Math.floor(p / 3)) return true;
  if (!isList && !inFigure && length < MIN_PARAGRAPH_CHARS && (img === 0 || img > 2) && density > 0) return true;
  if (!isList && weight < HINT_WEIGHT && density > LINKY) return true;
  if (weight >= HINT_WEIGHT && density > MOSTLY_LINKS) return true;
  if ((embeds === 1 && length < 75) || embeds > 1) return true;
  // A list made of links (related stories, a tag cloud) is navigation, whatever Readability's list exception says.
  if (isList && density > MOSTLY_LINKS) return true;
  return false;
}

const CLEANED = new Set(['FORM', 'FIELDSET', 'TABLE', 'UL', 'OL', 'DIV', 'SECTION']);

/** Whether `el`, inside the story, is not the story (its own traits; ancestors are asked separately). */
function notStory(el: Element, m: Measures, headline: Element | null, pass: Pass): boolean {
  if (el === headline) return false;
  const tag = el.tagName;
  if (tag === 'FIGCAPTION' || tag === 'CAPTION' || FURNITURE_TAGS.has(tag)) return true;
  // Most elements of a story carry no attribute at all: only their shape can tell.
  if (!el.hasAttributes()) return CLEANED.has(tag) && shady(el, m, pass);
  if (hiddenByMarkup(el) || hiddenByStyle(el)) return true;
  const role = el.getAttribute('role');
  if (pass.stripUnlikely && role && UNLIKELY_ROLES.has(role)) return true;
  const hints = hintsOf(el);
  if (hints.length > 1) {
    if (
      pass.stripUnlikely &&
      UNLIKELY.pattern.test(hints) &&
      !MAYBE_CONTENT.pattern.test(hints) &&
      !el.closest('table,code')
    )
      return true;
    // A block named like a caption or a teaser that holds prose (the rest of a story behind "read more") is kept.
    if (NOT_STORY.pattern.test(hints) && m.commas(el) < PROSE_COMMAS) return true;
    if (SHARE.pattern.test(hints) && m.length(el) < MAX_SHARE_CHARS) return true;
  }
  const byline =
    el.getAttribute('rel') === 'author' ||
    (el.getAttribute('itemprop') ?? '').includes('author') ||
    (hints.length > 1 && BYLINE.pattern.test(hints));
  if (byline && m.length(el) < MAX_BYLINE_CHARS) return true;
  if ((tag === 'H1' || tag === 'H2') && classWeight(el, pass) < 0) return true;
  return CLEANED.has(tag) && shady(el, m, pass);
}

/** The title the page gives itself, in the forms a headline is compared with. */
function titlesOf(doc: Document): string[] {
  const out: string[] = [];
  for (const sel of ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]']) {
    const v = doc.querySelector(sel)?.getAttribute('content');
    if (v) out.push(squash(v).toLowerCase());
  }
  if (doc.title) out.push(squash(doc.title).toLowerCase());
  return out.filter(Boolean);
}

/**
 * The story's headline: the first h1 (or, on a page without one, h2) that the page's title names, else the last
 * h1 before the story or the first inside it. Null when the page has none worth marking.
 */
function findHeadline(doc: Document, body: Element, parts: Element[]): Element | null {
  const titles = titlesOf(doc);
  const first = parts[0];
  let before: Element | null = null;
  let inside: Element | null = null;
  for (const tag of ['h1', 'h2']) {
    for (const h of Array.from(body.getElementsByTagName(tag))) {
      if (h.closest(FURNITURE) || hiddenByMarkup(h)) continue;
      const text = squash(h.textContent ?? '').toLowerCase();
      if (text.length < 8) continue;
      if (titles.some((t) => t.includes(text) || (text.includes(t) && t.length >= text.length * 0.6))) return h;
      if (first && h.compareDocumentPosition(first) & 4 /* FOLLOWING */) before = h;
      else if (!inside && parts.some((p) => p.contains(h))) inside = h;
    }
    if (before || inside) break;
  }
  return tagIs(before ?? inside, 'H1') ? (before ?? inside) : null;
}

const tagIs = (el: Element | null, tag: string) => el?.tagName === tag;

/** The story on this page; the whole body when nothing on it scores as prose. */
export function findArticle(doc: Document = document): ArticleScope {
  const body = doc.body ?? doc.documentElement;
  const m = new Measures(body);
  let best: { parts: Element[]; pass: Pass; prose: number } | null = null;
  for (const pass of PASSES) {
    const found = topCandidate(body, m, pass) ?? { parts: [body], prose: 0 };
    if (!best || found.prose > best.prose) best = { ...found, pass };
    if (found.prose >= MIN_STORY_CHARS) break;
  }
  const { parts, pass } = best ?? { parts: [body], pass: PASSES[0] };
  const headline = findHeadline(doc, body, parts);
  const all = headline && !parts.some((p) => p.contains(headline)) ? [headline, ...parts] : parts;
  all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return { parts: all, excluded: (el) => notStory(el, m, headline, pass) };
}
