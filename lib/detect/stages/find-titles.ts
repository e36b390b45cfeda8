/** Stage 2 (full path only): parse a role title at every token that may start one. */
import { holdersOf, parseTitle, type Scan, type Title } from '../titles';

/** Titles in text order; a token inside an earlier title or its name starts none. */
export function findTitles(sc: Scan, roleStarts: readonly number[] | null): Title[] {
  const titles: Title[] = [];
  if (!roleStarts) return titles;
  let skipTo = -1;
  for (const h of roleStarts) {
    if (h < skipTo) continue;
    const title = parseTitle(sc, h);
    if (!title) continue;
    // A plural title over a list of names gives one title per name.
    for (const held of holdersOf(title)) {
      titles.push(held);
      skipTo = Math.max(skipTo, held.e, held.name ? held.name[1] : 0);
    }
  }
  return titles;
}
