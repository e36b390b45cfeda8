/**
 * Where the article is. Marks go only inside it, so menus, sidebars and footers stay untouched.
 */
const CANDIDATES = [
  '[itemprop="articleBody"]',
  'article',
  '[role="main"] article',
  '.article-body',
  '.article-content',
  '.story-body',
  '.entry-content',
  '.post-content',
  'main',
  '[role="main"]',
];

/** Paragraph text under `el`; each paragraph's length is read once, however many candidates contain it. */
function paragraphText(el: Element, lengths: Map<Element, number>): number {
  let total = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    let n = lengths.get(p);
    if (n === undefined) {
      n = p.textContent?.length ?? 0;
      lengths.set(p, n);
    }
    total += n;
  }
  return total;
}

/**
 * The element that holds most of the page's paragraph text among the usual article containers,
 * or the body when the page has none of them.
 */
export function findArticleRoot(doc: Document = document): Element {
  let best: Element | null = null;
  let bestScore = 0;
  const lengths = new Map<Element, number>();
  for (const sel of CANDIDATES) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const score = paragraphText(el, lengths);
      if (score > bestScore * 1.2) {
        best = el;
        bestScore = score;
      }
    }
  }
  return best && bestScore > 200 ? best : (doc.body ?? doc.documentElement);
}
