/**
 * `<meta>`, `<time>` and `<title>` metadata. Names are matched case-insensitively because CMSs disagree on
 * case ("DC.date.issued", "dc.date.issued").
 */

/** Meta names/properties that carry a publication date, most trusted first. */
export const PUBLISHED_META: readonly string[] = [
  'article:published_time',
  'og:article:published_time',
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
];

export const MODIFIED_META: readonly string[] = [
  'article:modified_time',
  'og:updated_time',
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

/** All meta tags as lower-cased name/property/itemprop → first non-empty content. */
export function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? '').trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
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
 * The publication time from `<time>` elements: one marked as published (`pubdate`, itemprop, class) wins over
 * the first one in the page, which is often the publication time but can be a "last updated" stamp.
 */
export function timeElementDate(doc: Document): string | null {
  const times = Array.from(doc.querySelectorAll('time'));
  const value = (t: Element): string | null => t.getAttribute('datetime')?.trim() || t.textContent?.trim() || null;
  const marked = times.find((t) => {
    const hint = `${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''} ${t.hasAttribute('pubdate') ? 'published' : ''}`;
    return /publish|pubdate|created|posted/i.test(hint);
  });
  if (marked) return value(marked);
  const plain = times.find(
    (t) => !/modif|updat/i.test(`${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''}`),
  );
  return plain ? value(plain) : null;
}
