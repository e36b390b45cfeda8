/**
 * Publication dates the page prints rather than declares: a labelled byline ("Posted on …", "Publié le …"), an
 * element whose class says it holds the date, a date that opens the story ("Feb. 3, 2021 -- …"), a date in the
 * `<title>`, or a yearless stamp ("3/9(木) 18:45"). A page prints many dates (related stories, comments, the
 * footer), so where the article's headline is known the one closest to it wins: bylines sit by the headline.
 */
import { SILENT_TAGS } from '../lexicon/html-tags';
import { type DateInText, findDate, findYearlessDate, yearOf } from './date-parse';

/** What a byline label says the date next to it is. */
type Stamp = 'published' | 'updated';

/**
 * Labels that introduce a date in a byline, in the languages of the outlets read, with what they mean. "Updated"
 * labels are read too, so that their date is known to be the update and never taken for the publication.
 * English ones have no `u` flag: a case-insensitive `\b` in Unicode mode is twenty times slower on a long page.
 */
export const DATE_LABELS: readonly { re: RegExp; stamp: Stamp }[] = [
  { re: /\b(?:last\s+)?(?:updated|modified|revised)(?:\s+on|\s+at)?\b/i, stamp: 'updated' },
  { re: /\b(?:first\s+)?(?:published|posted)(?:\s+on|\s+at)?\b/i, stamp: 'published' },
  { re: /(?<!\p{L})mis\s+à\s+jour(?:\s+le)?(?!\p{L})/iu, stamp: 'updated' },
  { re: /(?<!\p{L})publié(?:e)?(?:\s+le)?(?!\p{L})/iu, stamp: 'published' },
  {
    re: /(?<!\p{L})(?:actualizado|atualizado|aktualisiert|aktualizováno|aggiornato)(?:\s+(?:el|em|am|il))?(?!\p{L})/iu,
    stamp: 'updated',
  },
  {
    re: /(?<!\p{L})(?:publicado|veröffentlicht|publikováno|pubblicato)(?:\s+(?:el|em|am|il))?(?!\p{L})/iu,
    stamp: 'published',
  },
  { re: /(?:发布时间|发稿时间|發布時間|公開日|配信日|掲載日)\s*[:：]?/u, stamp: 'published' },
  { re: /(?:更新时间|更新日|最終更新)\s*[:：]?/u, stamp: 'updated' },
];

/** How far after its label a date may start: room for a time ("Published 10:30 EST, 3 March 2016"). */
const LABEL_REACH = 40;

/**
 * Class or id words of an element that holds the story's date ("datestamp", "article-posted-date", "pubTime",
 * "buzz_datetime", "story-timestamp"): the word starts the name, follows a separator or starts a camel-case part,
 * so "candidate" or "runtime" are not read as one. Words that mean an update or someone else's date rule it out.
 */
const DATE_CLASS_RE = /(?:^|[\s_-])(?:date|time|posted|publish|pub|stamp)|[a-z](?:Date|Time|Posted|Publish|Stamp)/;
const NOT_DATE_CLASS_RE = /updat|modif|comment|related|recirc|weather|clock|timeline|duration|read-?time|reading/i;

/** The longest element text read as a date stamp: a byline line, not a paragraph that mentions a date. */
const MAX_STAMP_CHARS = 160;

/** How far from the headline (in characters of page text) a printed date may be and still be the byline's. */
const NEAR_HEADLINE_CHARS = 4_000;

const SKIP: ReadonlySet<string> = new Set([...SILENT_TAGS, 'SVG']);

interface Span {
  start: number;
  end: number;
}

/** The body's text once, with where its headings and its date-classed elements lie in it. */
interface PageText {
  text: string;
  /** `<h1>`s and `<h2>`s, in document order. */
  heads: (Span & { h1: boolean })[];
  /** Elements whose class or id says they hold a date. */
  stamps: Span[];
}

/**
 * Walks the tree once (linkedom's `textContent` and `querySelectorAll` each cost as much as this walk on a large
 * page, so nothing else reads the whole tree).
 */
function pageText(root: Element): PageText {
  const parts: string[] = [];
  const stamps: Span[] = [];
  const heads: (Span & { h1: boolean })[] = [];
  let length = 0;
  // Entries are nodes to visit, or the span whose element ends there.
  const stack: (Node | Span)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node | Span;
    if (!('nodeType' in node)) {
      node.end = length;
      continue;
    }
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      parts.push(t);
      length += t.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    // A space between elements, so "Posted" and the date in the next span stay two words.
    parts.push(' ');
    length += 1;
    if (tag === 'H1' || tag === 'H2') {
      const span = { start: length, end: length, h1: tag === 'H1' };
      heads.push(span);
      stack.push(span);
    }
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (hint.length > 1 && DATE_CLASS_RE.test(hint) && !NOT_DATE_CLASS_RE.test(hint)) {
      const span = { start: length, end: length };
      stamps.push(span);
      stack.push(span);
    }
    // Children go on in reverse, so the first comes off first (linkedom's previousSibling walks, nextSibling not).
    const first = stack.length;
    for (let c = el.firstChild; c; c = c.nextSibling) stack.push(c);
    for (let a = first, b = stack.length - 1; a < b; a++, b--) {
      const t = stack[a];
      stack[a] = stack[b];
      stack[b] = t;
    }
  }
  return { text: parts.join(''), heads, stamps };
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Where the headline starts: an h1 (or h2) whose text is the title, else the first h1; -1 when there is none. */
function headlineAt(page: PageText, title: string | null): number {
  const want = title ? squash(title) : '';
  if (want) {
    const same = page.heads.find((h) => {
      const t = squash(page.text.slice(h.start, h.end));
      return t.length > 0 && (t === want || (t.length >= 12 && (t.includes(want) || want.includes(t))));
    });
    if (same) return same.start;
  }
  return page.heads.find((h) => h.h1)?.start ?? -1;
}

interface Found {
  iso: string;
  at: number;
  stamp: Stamp;
}

/** Dates introduced by a byline label anywhere in the page text. */
function labelledDates(text: string): Found[] {
  const found: Found[] = [];
  for (const { re, stamp } of DATE_LABELS) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const from = m.index + m[0].length;
      const d: DateInText | null = findDate(text.slice(from, from + LABEL_REACH + 40));
      if (d && d.index <= LABEL_REACH) found.push({ iso: d.iso, at: m.index, stamp });
    }
  }
  return found;
}

/** Dates in elements whose class or id says they hold the date, and whose text is short and is one. */
function classedDates(page: PageText): Found[] {
  const found: Found[] = [];
  for (const { start, end } of page.stamps) {
    if (end - start > MAX_STAMP_CHARS * 2) continue;
    const t = page.text.slice(start, end);
    if (t.trim().length > MAX_STAMP_CHARS) continue;
    const d = findDate(t);
    if (d) found.push({ iso: d.iso, at: start, stamp: 'published' });
  }
  return found;
}

/** The candidate closest to the headline (within reach of it), or the first one when it is not known. */
function closest(found: Found[], headlineAt: number): Found | null {
  if (found.length === 0) return null;
  if (headlineAt < 0) return found.reduce((a, b) => (b.at < a.at ? b : a));
  let best: Found | null = null;
  for (const f of found) {
    const d = Math.abs(f.at - headlineAt);
    if (d <= NEAR_HEADLINE_CHARS && (!best || d < Math.abs(best.at - headlineAt))) best = f;
  }
  return best;
}

export interface PrintedDates {
  published: string | null;
  /** A date the page labels as its last update. */
  updated: string | null;
  /**
   * A yearless stamp right after the headline ("3/9(木) 18:45", "10月14日"), dated by the page's copyright year
   * and the weekday it prints: a weaker clue, for when nothing else dates the page.
   */
  yearless: string | null;
}

/** The publication (and update) date the page prints near its headline. */
export function printedDates(doc: Document, title: string | null): PrintedDates {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { published: null, updated: null, yearless: null };
  const page = pageText(root);
  const at = headlineAt(page, title);
  const labelled = labelledDates(page.text);
  const updated = closest(
    labelled.filter((f) => f.stamp === 'updated'),
    at,
  );
  const published =
    closest(
      labelled.filter((f) => f.stamp === 'published'),
      at,
    ) ??
    closest(
      // An element that is only an update stamp's date is not the publication.
      classedDates(page).filter(
        (f) => !labelled.some((u) => u.stamp === 'updated' && u.iso === f.iso && Math.abs(u.at - f.at) < 60),
      ),
      at,
    );
  return {
    published: published?.iso ?? null,
    updated: updated?.iso ?? null,
    yearless: at >= 0 ? yearlessNear(page.text, at) : null,
  };
}

/**
 * A date that opens the story's text, before a dash or colon ("Feb. 3, 2021 -- The council …"): the date the
 * report was filed, written where a wire dateline would be but without a city.
 */
export function leadDate(text: string): string | null {
  const first = /[^\n]+/.exec(text)?.[0] ?? '';
  const d = findDate(first.slice(0, 60));
  if (!d || d.index > 0) return null;
  return /^\s*(?:--|—|–|-|:)\s*\S/.test(first.slice(d.end)) ? d.iso : null;
}

const TITLE_PARTS_RE = /\s+[|–—-]\s+|\s*_\s*/;

/** A part of the page title that is nothing but a date ("Council votes - 07.12.2017 - The Outlet"). */
export function titleDate(title: string | null): string | null {
  if (!title) return null;
  for (const part of title.split(TITLE_PARTS_RE)) {
    const p = part.trim();
    const d = findDate(p);
    if (d && d.index === 0 && d.end >= p.length - 1) return d.iso;
  }
  return null;
}

/** The latest year of a copyright notice in the text ("© 2017", "Copyright (C) 2017"). */
function copyrightYear(text: string): number | null {
  let year: number | null = null;
  for (const m of text.matchAll(/(?:©|\(c\)|copyright)\s*(?:\(c\)\s*)?(?:\d{4}\s*[-–]\s*)?(\d{4})/giu)) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2200 && (year === null || y > year)) year = y;
  }
  return year;
}

/** How far after the headline a yearless stamp is looked for: the byline line, not the story. */
const YEARLESS_REACH = 600;

function yearlessNear(text: string, headlineAt: number): string | null {
  const stamp = findYearlessDate(text.slice(headlineAt, headlineAt + YEARLESS_REACH));
  const year = stamp ? copyrightYear(text) : null;
  return stamp && year ? yearOf(stamp, year) : null;
}
