/**
 * Every length and count the timeline store accepts, in one place. Write paths bring what they are given within
 * these numbers (`fit.ts`), the backup schema (`record-schema.ts`) checks imports against the very same numbers,
 * and the index derivation (`derive.ts`) caps its keys here: whatever can be stored can be exported and imported
 * again, and no record can make the indexes grow without bound.
 */

/** Longest string per kind of field, in UTF-16 code units (what `String.length` counts). */
export const MAX_LENGTH = {
  /** Record ids and entity ids (`official:<slug>`, `eng:<uuid>`). */
  id: 300,
  /** Names, roles, aliases, outlets, places, offices, tags, figure phrases, topic keywords. */
  name: 500,
  /** Country codes and units. */
  code: 100,
  /** Page addresses; a longer one is shortened by `boundedUrl` or refused (see there). */
  url: 8192,
  /** Summaries, titles, quoted selections with their context, notes. */
  text: 100_000,
  /** Dates as stored (ISO, possibly partial: "2025-12") and `exportedAt`. */
  date: 40,
} as const;

/** Longest list per field. */
export const MAX_ITEMS = {
  participants: 200,
  countries: 200,
  // Only 17 topics exist; the slack lets a file with repeats through (they are deduplicated on write).
  topics: 100,
  figures: 200,
  aliases: 500,
  offices: 200,
  keywords: 1000,
  passageEntities: 1000,
  tags: 200,
  /** Quiet and never-capture sites in the settings a backup carries. */
  sites: 10_000,
  /**
   * `participantIds` and `countryPairs` as a backup carries them. Import re-derives both from the participants and
   * countries, so these only bound what parsing a file may allocate.
   */
  participantIds: 200,
  countryPairs: 20_000,
} as const;

/**
 * Stricter limits of the editors: what a reader types by hand has no reason to come near the storage limits, and a
 * refusal with a reason is kinder there than a silent cut. Each is at most the storage limit of its field.
 */
export const EDITOR_LIMITS = {
  officialName: 200,
  aliases: 100,
  tag: 50,
  tags: 50,
  note: 20_000,
} as const;

/**
 * Caps on the index keys one record yields (`derive.ts`). Without them the keys grow with the square of a record's
 * lists (pairs of people, pairs of countries, each combined with every topic): three engagements with 200 countries
 * each wrote some 600,000 keys. The caps sit well above real engagements (two to four people, two countries).
 */
export const INDEX_LIMITS = {
  /** People whose pairs (`pp:`) and combinations (`p+c:`, `p+t:`, `p+cp:`) are indexed. */
  pairParticipants: 12,
  /** Countries whose pairs (`cp:`) and combinations (`c+t:`, `p+c:`…) are indexed: 8 give 28 pairs. */
  pairCountries: 8,
  /** Search words per engagement or passage; words past this are neither indexed nor matched. */
  words: 500,
  /** Every facet key of one engagement together: a backstop the caps above already keep it under. */
  facetKeys: 2500,
} as const;

/** A backup file: text the options page can read and parse in one piece without risking its memory. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
export const MAX_BACKUP_RECORDS = 1_000_000;

/**
 * The characters the facets index joins key parts with (`p:<id>|<date>`, `pp:<a>+<b>`, `p+c:<id>&<CC>`,
 * `cp:<AA>|<BB>`). An id or country code containing one would be read as part of another entity's key (an id
 * `official:a|2099` is counted under `official:a`), so ids and codes never contain them.
 */
const KEY_SEPARATOR = /[|+&]/;

/** True when `s` can be one part of an index key: not empty, short enough, no separator. */
export function isKeyPart(s: string, max: number): boolean {
  return s.length > 0 && s.length <= max && !KEY_SEPARATOR.test(s);
}

export function isId(s: unknown): s is string {
  return typeof s === 'string' && isKeyPart(s, MAX_LENGTH.id);
}

export function isCode(s: unknown): s is string {
  return typeof s === 'string' && isKeyPart(s, MAX_LENGTH.code);
}

const ELLIPSIS = '…';

/** Cuts before `end` without splitting a surrogate pair (half an emoji would be invalid UTF-16 in the file). */
function safeEnd(s: string, end: number): number {
  const code = s.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** `s` within `max` characters, cut with an ellipsis when it was longer (page-supplied labels). */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, safeEnd(s, max - ELLIPSIS.length))}${ELLIPSIS}`;
}

/** The last `max` characters (the context before a quote: the part next to the quote matters). */
export function keepEnd(s: string, max: number): string {
  if (s.length <= max) return s;
  const start = s.length - max;
  const code = s.charCodeAt(start);
  return s.slice(code >= 0xdc00 && code <= 0xdfff ? start + 1 : start);
}

/** The first `max` characters (the context after a quote). */
export function keepStart(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, safeEnd(s, max));
}

/**
 * The address a page is stored under: without its fragment (the same article at "#comments" is the same source)
 * and, when still longer than the limit, without query parameters, the longest first, until it fits: what makes an
 * address that long is a tracking or session parameter, while a short `?id=123` that names the article is kept.
 * May still be too long (a path of thousands of characters); writes then refuse it.
 */
export function boundedUrl(url: string, max: number = MAX_LENGTH.url): string {
  const hash = url.indexOf('#');
  const bare = hash === -1 ? url : url.slice(0, hash);
  if (bare.length <= max) return bare;
  const q = bare.indexOf('?');
  if (q === -1) return bare;
  const base = bare.slice(0, q);
  const params = bare.slice(q + 1).split('&');
  const byLength = params.map((p, i) => [p.length, i] as const).sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  const dropped = new Set<number>();
  // `?` plus the kept parameters joined by `&`.
  let length = bare.length;
  for (const [len, i] of byLength) {
    if (length <= max) break;
    dropped.add(i);
    length -= len + 1;
  }
  const kept = params.filter((_, i) => !dropped.has(i));
  return kept.length ? `${base}?${kept.join('&')}` : base;
}

/** "127,499": limits in messages are read by people. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
