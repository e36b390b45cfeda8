/** Page titles carry the site's name ("Naqvi meets Brunner | Pakistan Today"); the headline is what we keep. */
import { findDate } from './date-parse';

const SEPARATORS = [' | ', ' || ', ' – ', ' — ', ' - ', ' :: ', ' » ', ' · ', '_'];

/** The longest part after an underscore that is dropped as a section or site name ("…_科技_腾讯网"). */
const MAX_UNDERSCORE_TAIL = 12;

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Removes a trailing (or leading) site name. A segment is dropped when it matches the known site name or
 * host, or, after a pipe, when it is short enough to be a brand; hyphens and dashes occur inside headlines,
 * so there only a known name is removed.
 */
export function cleanTitle(raw: string | null | undefined, site: string | null, host: string | null): string | null {
  if (!raw) return null;
  let title = raw.replace(/\s+/g, ' ').trim();
  // "Headline | Section | Site", "Headline - 07.12.2017 - Site": one part comes off per pass.
  for (let pass = 0; pass < 3; pass++) {
    const shorter = cleanOnce(title, site, host);
    if (!shorter || shorter === title) break;
    title = shorter;
  }
  return title || null;
}

/** A title part that is only a date ("07.12.2017", "4 mai 2015"). */
function isDatePart(part: string): boolean {
  const d = findDate(part);
  return d !== null && d.index === 0 && d.end >= part.trim().length - 1;
}

function cleanOnce(raw: string, site: string | null, host: string | null): string | null {
  let title = raw;
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
      const brandLike =
        sep === '_'
          ? // A name, not the end of an identifier ("snake_case"): capitalised, or in a script without case.
            tail.trim().length <= MAX_UNDERSCORE_TAIL && !/\s/.test(tail.trim()) && /^[\p{Lu}\p{Lo}]/u.test(tail.trim())
          : (sep.includes('|') || sep.includes('»') || sep.includes('·')) && tail.split(' ').length <= 4;
      if (isKnown || brandLike || isDatePart(tail)) {
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

/** The most words a section or site label in an `<h1>` has ("World", "Health Center", "Good Morning America"). */
const MAX_LABEL_WORDS = 3;

export interface TitleSources {
  /** og:title / twitter:title. */
  social: string | null;
  /** The JSON-LD article's headline. */
  ldHeadline: string | null;
  /** citation_title / dc.title. */
  scholarly: string | null;
  /** Texts of the page's `<h1>`s, the article's own first. */
  h1s: string[];
  /** The `<title>`. */
  docTitle: string | null;
  /** What Readability took for the title. */
  readability: string | null;
  /** Names the page gives itself (og:site_name, application-name, the JSON-LD publisher). */
  siteNames: string[];
}

const words = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

/** One title contains the other, after squashing case and punctuation. */
function agree(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
}

/**
 * Share of the shorter title's words the other one has too: a reworded headline ("Dropbox's ATF - a framework"
 * against "Dropbox ATF: a framework") shares most, a site-wide title or a description shares next to none.
 */
function overlap(a: string, b: string): number {
  const set = (s: string): Set<string> => new Set(s.split(/\s+/).map(squash).filter(Boolean));
  const x = set(a);
  const y = set(b);
  const small = x.size <= y.size ? x : y;
  const large = small === x ? y : x;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** Below this overlap a metadata headline is another text than the visible one, not a rewording of it. */
const SAME_HEADLINE_OVERLAP = 0.5;

/** The title and what is left of it after dropping its last one or two parts after a separator. */
function titleHeads(title: string): string[] {
  const heads = [title];
  let rest = title;
  for (let i = 0; i < 2; i++) {
    const m = /^(.*\S)\s*(?:\s[|–—·»-]\s|_)\s*[^|–—·»_]+$/u.exec(rest);
    if (!m) break;
    rest = m[1];
    heads.push(rest);
  }
  return heads;
}

/**
 * The article's headline among what the page offers. A title meta that is just the site's name (a site-wide
 * og:title) is passed over; a visible headline that the `<title>` repeats (but for the site's name) beats a
 * metadata headline that matches neither, which is then a rewrite for search or social media (or a site-wide
 * one); among `<h1>`s, a short one the `<title>` does not repeat is a section or site label ("Health Center"
 * above the story), not the headline.
 */
export function chooseTitle(src: TitleSources, host: string | null): string | null {
  const sites = [...src.siteNames, host?.replace(/^www\./, '').replace(/\.[a-z.]+$/, '') ?? '']
    .filter((x) => x.trim())
    .map(squash);
  const namesSite = (t: string): boolean => sites.includes(squash(t));
  const doc = src.docTitle?.replace(/\s+/g, ' ').trim() || null;
  const h1s = src.h1s.map((h) => h.replace(/\s+/g, ' ').trim()).filter((h) => h && !namesSite(h));
  const heads = doc ? titleHeads(doc).map(squash) : [];
  const repeated = h1s.find((h) => heads.includes(squash(h)));
  const echoed = repeated ?? (doc ? h1s.find((h) => words(h) > MAX_LABEL_WORDS && agree(h, doc)) : undefined);
  const label = (h: string): boolean => words(h) <= MAX_LABEL_WORDS && !!doc && words(doc) > words(h) && !agree(h, doc);
  const h1 = echoed ?? h1s.find((h) => !label(h)) ?? null;
  const fromMeta = [src.social, src.ldHeadline, src.scholarly].filter((t): t is string => !!t && !namesSite(t));
  if (
    repeated &&
    doc &&
    fromMeta.length > 0 &&
    !fromMeta.some((t) => agree(t, doc) || overlap(t, repeated) >= SAME_HEADLINE_OVERLAP)
  )
    return repeated;
  return fromMeta[0] ?? h1 ?? doc ?? src.readability;
}
