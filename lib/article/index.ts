/**
 * Reads an article: metadata (JSON-LD, OpenGraph/`article:*`, citation and Dublin Core meta, `<time>`, the
 * dateline) and the main text. `readArticle` takes any DOM Document; `readPlainText` takes a .txt report.
 */
import { MONTH_STEM_SOURCE } from '../lexicon/calendar';
import type { ArticleMeta } from '../types';
import { findDate, isoDate, normaliseDate } from './date-parse';
import { type Dateline, parseDateline } from './dateline';
import { readJsonLd } from './json-ld';
import { type MainTextOptions, mainText } from './main-text';
import {
  AUTHOR_META,
  firstMeta,
  MODIFIED_META,
  metaMap,
  PUBLISHED_META,
  SITE_META,
  TITLE_META,
  timeElementDate,
} from './meta-tags';
import { leadDate, printedDates, titleDate } from './page-dates';
import { chooseTitle, cleanTitle } from './title';

export { type Dateline, parseDateline } from './dateline';

export interface ReadArticle {
  meta: ArticleMeta;
  text: string;
  /** A limit that made the reader skip Readability and read the page's body instead (see main-text.ts). */
  limit?: string | null;
  /** ISO date of the page's last update, when it gives one apart from the publication (ArticleMeta has no field). */
  modified?: string | null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || null;
  } catch {
    return null;
  }
}

/** A dateline date is a full date only when it carries a year, or the publication year makes it one. */
function datelineDate(d: Dateline | null, year: number | null): string | null {
  if (!d?.month || !d.day) return null;
  const y = d.year ?? year;
  return y ? isoDate(y, d.month, d.day) : null;
}

/** A yearless dateline ("Dec 11") dated by the last modification: the latest such day not after it. */
function datelineBefore(d: Dateline | null, modified: string | null): string | null {
  const full = datelineDate(d, null);
  if (full || !modified || !d?.month || !d.day) return full;
  const year = Number(modified.slice(0, 4));
  const same = isoDate(year, d.month, d.day);
  return same && same <= modified ? same : isoDate(year - 1, d.month, d.day);
}

function pageUrl(doc: Document, url: string | undefined, meta: Map<string, string>): string | null {
  if (url) return url;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = meta.get('og:url');
  const loc = (doc as Document & { location?: { href?: string } | null }).location?.href;
  const candidate = canonical || og || (loc && /^https?:/.test(loc) ? loc : null);
  return candidate ?? null;
}

/** Reads metadata and main text from a page. Never mutates `doc`. */
export function readArticle(doc: Document, url?: string, options?: MainTextOptions): ReadArticle {
  const scripts = Array.from(doc.querySelectorAll('script')).filter((s) =>
    /^application\/ld\+json\b/i.test(s.getAttribute('type')?.trim() ?? ''),
  );
  const ld = readJsonLd(scripts.map((s) => s.textContent ?? ''));
  const meta = metaMap(doc);
  const main = mainText(doc, options);
  const text = main.text;
  const dateline = parseDateline(text);
  const href = pageUrl(doc, url, meta);
  const host = hostOf(href);

  const siteName = ld?.publisher ?? firstMeta(meta, SITE_META)?.replace(/^@/, '') ?? null;
  const outlet = siteName ?? dateline?.agency ?? host;

  const docTitle = doc.querySelector('title')?.textContent ?? null;
  const h1s = [
    ...new Set([...Array.from(doc.querySelectorAll('article h1, main h1')), ...Array.from(doc.querySelectorAll('h1'))]),
  ]
    .filter((h) => h.getAttribute('hidden') === null && h.getAttribute('aria-hidden') !== 'true')
    .map((h) => h.textContent ?? '');
  const rawTitle = chooseTitle(
    {
      social: firstMeta(meta, TITLE_META.slice(0, 2)),
      ldHeadline: ld?.headline ?? null,
      scholarly: firstMeta(meta, TITLE_META.slice(2, 4)),
      h1s,
      docTitle,
      readability: main.title,
      siteNames: [siteName, meta.get('og:site_name')].filter((x): x is string => !!x),
    },
    host,
  );
  const title = cleanTitle(rawTitle, siteName, host);

  const printed = printedDates(doc, title);
  const modified =
    normaliseDate(ld?.dateModified) ?? normaliseDate(firstMeta(meta, MODIFIED_META)) ?? printed.updated ?? null;
  const published =
    normaliseDate(ld?.datePublished) ??
    normaliseDate(firstMeta(meta, PUBLISHED_META)) ??
    normaliseDate(ld?.dateCreated) ??
    normaliseDate(timeElementDate(doc)) ??
    printed.published ??
    leadDate(text) ??
    titleDate(docTitle) ??
    titleDate(meta.get('title') ?? null) ??
    datelineBefore(dateline, modified) ??
    printed.yearless ??
    modified;

  const authorMeta = firstMeta(meta, AUTHOR_META);
  const author = ld?.author ?? (authorMeta && !/^https?:/.test(authorMeta) ? authorMeta : null) ?? main.byline;

  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  const isArticle = ld !== null || ogType === 'article' || ogType.startsWith('article') || main.readable;

  return {
    meta: {
      title,
      outlet,
      author: author?.replace(/^by\s+/i, '').trim() || null,
      published,
      url: href,
      dateline: dateline?.city || null,
      isArticle,
    },
    text,
    limit: main.limit,
    modified: modified !== published ? modified : null,
  };
}

/** A first line that reads like a headline: short, several words, no closing full stop, not a dateline. */
function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (words < 3 || words > 30 || line.length > 220) return false;
  if (/[.:]["'”’)]?$/.test(line) && !/\b[A-Z][a-z]{0,3}\.$/.test(line)) return false;
  return parseDateline(`${line}\n`) === null;
}

const FULL_DATE_RE = new RegExp(
  `\\b(?:\\d{4}-\\d{2}-\\d{2}|${MONTH_STEM_SOURCE}[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_STEM_SOURCE}[a-z]*\\.?,?\\s+\\d{4})\\b`,
  'g',
);

/** A .txt report: the first line is the title when it looks like one; the date only when the text has a full one. */
export function readPlainText(raw: string): ReadArticle {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  let title: string | null = null;
  if (lines.length > 1 && looksLikeHeadline(lines[0].replace(/^[-•*]\s+/, ''))) {
    title = lines[0].replace(/^[-•*]\s+/, '');
    // A bulleted first line is one of several headline bullets: keep them all in the text.
    if (!/^[-•*]\s+/.test(lines[0])) lines.shift();
  }
  const text = lines.join('\n\n');
  const dateline = parseDateline(text);

  // A full date in the header (before the dateline or within the opening lines) is the publication date;
  // otherwise a dateline date gets its year only from a full date in the text with the same month and day.
  const headerEnd = dateline ? dateline.end : Math.min(text.length, 300);
  const header = text.slice(0, headerEnd);
  // Any written form a page would use ("4 mai 2015", "2016年10月14日" too), not only English ones.
  let published: string | null = findDate(header)?.iso ?? null;
  if (!published && dateline?.month && dateline.day) {
    published = datelineDate(dateline, null);
    if (!published) {
      for (const m of text.matchAll(FULL_DATE_RE)) {
        const d = normaliseDate(m[0]);
        if (d && Number(d.slice(5, 7)) === dateline.month && Number(d.slice(8, 10)) === dateline.day) {
          published = d;
          break;
        }
      }
    }
  }

  return {
    meta: {
      title,
      outlet: dateline?.agency ?? null,
      author: null,
      published,
      url: null,
      dateline: dateline?.city || null,
      isArticle: text.length >= 200 || /[.!?]\s/.test(text),
    },
    text,
  };
}
