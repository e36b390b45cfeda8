import type { ArticleMeta } from '../types';

/** What is known of a page that was not read as an article: its address and title, nothing more. */
export function pageOnlyMeta(url: string, title: string | null): ArticleMeta {
  return { title, outlet: null, author: null, published: null, url, dateline: null, isArticle: false };
}
