/**
 * `<meta>`, `<time>` and `<title>` metadata. Names are matched case-insensitively because CMSs disagree on
 * case ("DC.date.issued", "dc.date.issued").
 */
import { ARTICLE_TYPES } from './json-ld';

/** Meta names/properties that carry a publication date, most trusted first. */
export const PUBLISHED_META: readonly string[] = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'article:publicationdate',
  'article:publication_date',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'article.published',
  'parsely-pub-date',
  'sailthru.date',
  'og:published_time',
  'datepublished',
  'dc.date.created',
  'dcterms.created',
  'original-publish-date',
  'release_date',
  'publication_date',
  'publication-date',
  'displaydate',
  'pdate',
];

export const MODIFIED_META: readonly string[] = [
  'article:modified_time',
  'article:modified',
  'og:updated_time',
  'og:modified_time',
  'article:updated_time',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
  'datemodified',
];

export const TITLE_META: readonly string[] = ['og:title', 'twitter:title', 'citation_title', 'dc.title', 'title'];
export const SITE_META: readonly string[] = [
  'og:site_name',
  'application-name',
  'citation_journal_title',
  'dc.publisher',
  'publisher',
  'twitter:site',
];
export const AUTHOR_META: readonly string[] = [
  'author',
  'article:author',
  'citation_author',
  'dc.creator',
  'parsely-author',
  'byl',
  'sailthru.author',
];

/**
 * Whether `el`'s microdata properties describe something other than the article: the closest `itemscope`
 * around it is typed, and not as an Article (a `VideoObject` embedded in the story has its own `datePublished`).
 */
export function inForeignItem(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (!p.hasAttribute('itemscope')) continue;
    const type = (p.getAttribute('itemtype') ?? '')
      .trim()
      .split(/\s+/)[0]
      .replace(/^.*[/:#]/, '');
    return type !== '' && !ARTICLE_TYPES.has(type);
  }
  return false;
}

/**
 * All meta tags as lower-cased name/property/itemprop → first non-empty content. An `itemprop` counts only
 * outside another item than the article (see `inForeignItem`).
 */
export function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? '').trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      if (attr === 'itemprop' && inForeignItem(el)) continue;
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

export function firstMeta(map: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v) return v;
  }
  return null;
}

/**
 * The publication time from `<time>` elements and microdata: one marked as published (`pubdate`, itemprop
 * `datePublished`, a class) wins over the first `<time>` in the page, which is often the publication time but can
 * be a "last updated" stamp. Neither counts inside another item than the article (an embedded video's date).
 */
export function timeElementDate(doc: Document): string | null {
  const elements = Array.from(doc.querySelectorAll('time, [itemprop], [pubdate]')).filter(
    (t) => t.tagName.toUpperCase() !== 'META' && !inForeignItem(t),
  );
  const value = (t: Element): string | null =>
    t.getAttribute('datetime')?.trim() || t.getAttribute('content')?.trim() || t.textContent?.trim() || null;
  const hint = (t: Element): string => `${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''}`;
  const marked = elements.find(
    (t) =>
      t.hasAttribute('pubdate') ||
      /^date(?:Published|Created)$/i.test(t.getAttribute('itemprop') ?? '') ||
      (t.tagName.toUpperCase() === 'TIME' && /publish|pubdate|created|posted/i.test(hint(t))),
  );
  if (marked) return value(marked);
  const plain = elements.find((t) => t.tagName.toUpperCase() === 'TIME' && !/modif|updat/i.test(hint(t)));
  return plain ? value(plain) : null;
}
