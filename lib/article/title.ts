/** Page titles carry the site's name ("Naqvi meets Brunner | Pakistan Today"); the headline is what we keep. */

const SEPARATORS = [' | ', ' || ', ' – ', ' — ', ' - ', ' :: ', ' » ', ' · '];

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Removes a trailing (or leading) site name. A segment is dropped when it matches the known site name or
 * host, or, after a pipe, when it is short enough to be a brand; hyphens and dashes occur inside headlines,
 * so there only a known name is removed.
 */
export function cleanTitle(raw: string | null | undefined, site: string | null, host: string | null): string | null {
  if (!raw) return null;
  let title = raw.replace(/\s+/g, ' ').trim();
  const known = [site, host?.replace(/^www\./, '').replace(/\.[a-z.]+$/, '')]
    .filter((x): x is string => !!x)
    .map(squash);
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at > 0) {
      const tail = title.slice(at + sep.length);
      const isKnown = known.some(
        (k) => k && (squash(tail) === k || squash(tail).includes(k) || k.includes(squash(tail))),
      );
      const brandLike = (sep.includes('|') || sep.includes('»') || sep.includes('·')) && tail.split(' ').length <= 4;
      if (isKnown || brandLike) {
        title = title.slice(0, at).trim();
        break;
      }
    }
    const lead = title.indexOf(sep);
    if (lead > 0 && known.some((k) => k && squash(title.slice(0, lead)) === k)) {
      title = title.slice(lead + sep.length).trim();
      break;
    }
  }
  return title || null;
}
