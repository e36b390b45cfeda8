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
import { BYLINE, MAYBE_CONTENT, NEGATIVE, NOT_STORY, POSITIVE, SHARE, UNLIKELY, UNLIKELY_ROLES } from './block-hints';

export interface ArticleScope {
  /** The elements holding the story, in document order (the headline first when it lies outside the rest). */
  parts: Element[];
  /** Whether an element inside a part is not the story; asked once per element, ancestors first. */
  excluded(el: Element): boolean;
}

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

/** Tags that break phrasing content: a div holding none of them reads as one paragraph. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
]);

/** Never the story, whatever their text. */
const FURNITURE = 'nav,aside,footer,form,menu,dialog,script,style,noscript,template';

const commas = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;

function hintsOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

function classWeight(el: Element): number {
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
  const style = (el as HTMLElement).style;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/** Hidden by the page's style sheets: what has no box is not read. Skipped where the DOM cannot tell. */
function hiddenByStyle(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' ? !check.call(el, { visibilityProperty: true }) : false;
}

class Measures {
  private texts = new Map<Element, string>();
  private links = new Map<Element, number>();

  text(el: Element): string {
    let t = this.texts.get(el);
    if (t === undefined) {
      t = squash(el.textContent ?? '');
      this.texts.set(el, t);
    }
    return t;
  }

  /** Share of the element's text that is link text (in-page links count less: they are often footnotes). */
  linkDensity(el: Element): number {
    let d = this.links.get(el);
    if (d !== undefined) return d;
    const total = this.text(el).length;
    let linked = 0;
    if (total > 0) {
      for (const a of Array.from(el.getElementsByTagName('a'))) {
        const href = a.getAttribute('href');
        linked += this.text(a).length * (href && /^#.+/.test(href) ? 0.3 : 1);
      }
    }
    d = total ? linked / total : 0;
    this.links.set(el, d);
    return d;
  }
}

/** Whether the element (not its ancestors) is page furniture to leave out before scoring. */
function unlikely(el: Element): boolean {
  if (el.matches(FURNITURE) || hiddenByMarkup(el)) return true;
  const role = el.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const tag = el.tagName;
  if (tag === 'BODY' || tag === 'A' || tag === 'HTML') return false;
  const hints = hintsOf(el);
  return UNLIKELY.pattern.test(hints) && !MAYBE_CONTENT.pattern.test(hints) && !el.closest('table,code');
}

/** The runs of phrasing text directly in a div, each as long as it is, split where a block child sits. */
function directRuns(el: Element): number[] {
  const runs: number[] = [];
  let run = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) run += squash((c as Text).data).length;
    else if (c.nodeType === 1) {
      const tag = (c as Element).tagName;
      if (BLOCK_TAGS.has(tag)) {
        if (run) runs.push(run);
        run = 0;
      } else if (tag !== 'SCRIPT' && tag !== 'STYLE') run += squash(c.textContent ?? '').length;
    }
  }
  if (run) runs.push(run);
  return runs;
}

function paragraphScore(text: string, length = text.length): number {
  return 1 + text.split(commas).length + Math.min(Math.floor(length / 100), 3);
}

/** The story's container: Readability's top candidate over the live DOM, with the siblings it would join. */
function topCandidate(body: Element, m: Measures): { top: Element; parts: Element[] } | null {
  const scores = new Map<Element, number>();
  const skip = new Map<Element, boolean>();
  // An element is left out when it or any ancestor is furniture; each element is judged once.
  const isOut = (el: Element | null): boolean => {
    const path: Element[] = [];
    let value = false;
    for (let cur = el; cur && cur !== body; cur = cur.parentElement) {
      const known = skip.get(cur);
      if (known !== undefined) {
        value = known;
        break;
      }
      path.push(cur);
      if (unlikely(cur)) {
        value = true;
        break;
      }
    }
    for (const p of path) skip.set(p, value);
    return value;
  };
  const credit = (el: Element, score: number) => {
    let level = 0;
    for (let a = el.parentElement; a && level < SCORE_DEPTH && a.parentElement; a = a.parentElement, level++) {
      let s = scores.get(a);
      if (s === undefined) s = (TAG_SCORE[a.tagName] ?? 0) + classWeight(a);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, s + score / divider);
    }
  };
  for (const el of Array.from(body.querySelectorAll('p,pre,td,section,h2,h3,h4,h5,h6,div'))) {
    if (isOut(el)) continue;
    if (el.tagName === 'DIV') {
      const hasBlock = Array.from(el.children).some((c) => BLOCK_TAGS.has(c.tagName));
      if (hasBlock) {
        // Phrasing runs between a div's blocks are paragraphs of their own, children of the div.
        for (const len of directRuns(el)) {
          if (len < MIN_PARAGRAPH_CHARS) continue;
          const score = 1 + 1 + Math.min(Math.floor(len / 100), 3);
          let s = scores.get(el);
          if (s === undefined) s = (TAG_SCORE.DIV ?? 0) + classWeight(el);
          scores.set(el, s + score);
          credit(el, score / 2);
        }
        continue;
      }
    }
    const text = m.text(el);
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    credit(el, paragraphScore(text));
  }
  if (!scores.size) return null;
  const ranked: [Element, number][] = [];
  for (const [el, s] of scores) ranked.push([el, s * (1 - m.linkDensity(el))]);
  ranked.sort((a, b) => b[1] - a[1]);
  const final = new Map(ranked);
  let [top, topScore] = ranked[0];
  if (top.tagName === 'BODY') return { top, parts: [top] };
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
  if (!parent) return { top, parts: [top] };
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
      const text = m.text(sib);
      const density = m.linkDensity(sib);
      if (text.length > 80 && density < 0.25) parts.push(sib);
      else if (text.length > 0 && text.length < 80 && density === 0 && /\.( |$)/.test(text)) parts.push(sib);
    }
  }
  return { top, parts };
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
function shady(el: Element, m: Measures): boolean {
  const tag = el.tagName;
  if (tag === 'TABLE' && dataTable(el)) return false;
  if (el.closest('code')) return false;
  const weight = classWeight(el);
  if (weight < 0) return true;
  const text = m.text(el);
  if (text.split(commas).length - 1 >= PROSE_COMMAS) return false;
  let isList = tag === 'UL' || tag === 'OL';
  if (!isList && text.length) {
    let listChars = 0;
    for (const l of Array.from(el.querySelectorAll('ul,ol'))) listChars += m.text(l).length;
    isList = listChars / text.length > 0.9;
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
  if (!isList && !inFigure && text.length < MIN_PARAGRAPH_CHARS && (img === 0 || img > 2) && density > 0) return true;
  if (!isList && weight < HINT_WEIGHT && density > LINKY) return true;
  if (weight >= HINT_WEIGHT && density > MOSTLY_LINKS) return true;
  if ((embeds === 1 && text.length < 75) || embeds > 1) return true;
  // A list made of links (related stories, a tag cloud) is navigation, whatever Readability's list exception says.
  if (isList && density > MOSTLY_LINKS) return true;
  return false;
}

const CLEANED = new Set(['FORM', 'FIELDSET', 'TABLE', 'UL', 'OL', 'DIV', 'SECTION']);

/** Whether `el`, inside the story, is not the story (its own traits; ancestors are asked separately). */
function notStory(el: Element, m: Measures, headline: Element | null): boolean {
  if (el === headline) return false;
  const tag = el.tagName;
  if (tag === 'FIGCAPTION' || tag === 'CAPTION' || el.matches(FURNITURE)) return true;
  if (hiddenByMarkup(el) || hiddenByStyle(el)) return true;
  const role = el.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const hints = hintsOf(el);
  const named = hints.trim().length > 0;
  if (named && UNLIKELY.pattern.test(hints) && !MAYBE_CONTENT.pattern.test(hints) && !el.closest('table,code'))
    return true;
  if (named && NOT_STORY.pattern.test(hints)) return true;
  const rel = el.getAttribute('rel');
  const itemprop = el.getAttribute('itemprop') ?? '';
  if (rel === 'author' || itemprop.includes('author') || (named && BYLINE.pattern.test(hints))) {
    if (m.text(el).length < MAX_BYLINE_CHARS) return true;
  }
  if (named && SHARE.pattern.test(hints) && m.text(el).length < MAX_SHARE_CHARS) return true;
  if ((tag === 'H1' || tag === 'H2') && classWeight(el) < 0) return true;
  return CLEANED.has(tag) && shady(el, m);
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
  const m = new Measures();
  const found = topCandidate(body, m);
  const parts = found?.parts ?? [body];
  const headline = findHeadline(doc, body, parts);
  const all = headline && !parts.some((p) => p.contains(headline)) ? [headline, ...parts] : parts;
  all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return { parts: all, excluded: (el) => notStory(el, m, headline) };
}
