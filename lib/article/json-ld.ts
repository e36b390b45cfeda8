/**
 * Article metadata from JSON-LD blocks. Publishers nest the article in `@graph`, in arrays, or under
 * `mainEntity`, and type it with any of schema.org's Article subtypes, so the search is structural.
 */

/** schema.org types that mean "this page is an article". */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'ScholarlyArticle',
  'TechArticle',
  'Report',
  'BlogPosting',
  'LiveBlogPosting',
  'SocialMediaPosting',
  'AdvertiserContentArticle',
  'PressRelease',
]);

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  publisher: string | null;
  author: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function types(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:]/, ''));
}

/** The character references CMSs leave in JSON-LD values ("Q&amp;A", "&#8217;"), decoded. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? all;
  });
}

function text(v: Json | undefined): string | null {
  if (typeof v === 'string') return decodeEntities(v).trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(text).filter((x): x is string => x !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (isObject(v)) return text(v.name ?? v['@value']);
  return null;
}

/**
 * Every object reachable through arrays, `@graph` and `mainEntity`, depth-first, in document order. `listed` says
 * it was reached through a list (`itemListElement`, `hasPart`): a related story there is not the page's article.
 */
function* walk(v: Json, depth = 0, listed = false): Generator<{ node: JsonObject; listed: boolean }> {
  if (depth > 6) return;
  if (Array.isArray(v)) {
    for (const x of v) yield* walk(x, depth + 1, listed);
    return;
  }
  if (!isObject(v)) return;
  yield { node: v, listed };
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
    const child = v[key];
    if (child !== undefined) yield* walk(child, depth + 1, listed || key === 'itemListElement' || key === 'hasPart');
  }
}

/** Raw control characters (U+0000–U+001F) are invalid inside JSON strings but common in CMS output. */
function stripControls(s: string): string {
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) < 32 ? ' ' : ch;
  return out;
}

/**
 * The JSON inside a script block as pages wrap it: in `<![CDATA[ … ]]>` (XHTML habits, or a serialiser that
 * wraps every script), in `<!-- … -->`, with `//` before those markers, and with JavaScript comments between
 * the values. Comments are removed outside strings only, and trailing commas before `}` or `]` go the same way.
 */
export function unwrapJson(source: string): string {
  const s = source
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)\s*/, '')
    .replace(/\s*(?:\/\/\s*)?(?:\]\]>|-->)\s*$/, '')
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[\s*/, '')
    .replace(/\s*(?:\/\/\s*)?\]\]>$/, '');
  let out = '';
  let pendingComma = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      // Copy the whole string, escapes included.
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out += pendingComma + s.slice(i, j + 1);
      pendingComma = '';
      i = j;
    } else if (ch === '/' && s[i + 1] === '/') {
      const end = s.indexOf('\n', i);
      i = end < 0 ? s.length : end;
    } else if (ch === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 1;
    } else if (ch === ',') {
      out += pendingComma;
      pendingComma = ',';
    } else if (ch === '}' || ch === ']') {
      pendingComma = '';
      out += ch;
    } else if (/\s/.test(ch)) {
      out += ch;
    } else {
      out += pendingComma + ch;
      pendingComma = '';
    }
  }
  return out + pendingComma;
}

function parseBlock(source: string): Json | null {
  try {
    return JSON.parse(source) as Json;
  } catch {
    // Some CMSs wrap the block, leave comments, raw control characters, trailing commas, or escape the whole
    // block as HTML ("&quot;"): one forgiving retry for each is worth it.
    const unwrapped = stripControls(unwrapJson(source));
    for (const attempt of [unwrapped, unwrapJson(decodeEntities(unwrapped))]) {
      try {
        return JSON.parse(attempt) as Json;
      } catch {
        // next attempt
      }
    }
    return null;
  }
}

/** Organisation names declared anywhere in the blocks, by `@id`, so `publisher: {"@id": …}` can be resolved. */
function namesById(roots: Json[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const root of roots) {
    for (const { node } of walk(root)) {
      const id = node['@id'];
      const name = text(node.name);
      if (typeof id === 'string' && name) byId.set(id, name);
    }
  }
  return byId;
}

/** The page's Article-typed object in its JSON-LD (the first one not in a list of others), or null. */
export function readJsonLd(sources: string[]): JsonLdArticle | null {
  const roots = sources.map(parseBlock).filter((x): x is Json => x !== null);
  const byId = namesById(roots);
  const named = (v: Json | undefined): string | null => {
    if (isObject(v) && typeof v['@id'] === 'string' && !v.name) return byId.get(v['@id']) ?? null;
    if (Array.isArray(v)) return named(v[0]);
    return text(v);
  };
  const articles = roots.flatMap((root) =>
    Array.from(walk(root)).filter(({ node }) => types(node).some((t) => ARTICLE_TYPES.has(t))),
  );
  // The page's own article before any listed one (a related story in an ItemList comes first on some pages).
  const own = articles.find((a) => !a.listed) ?? articles[0];
  if (!own) return null;
  const node = own.node;
  return {
    headline: text(node.headline) ?? text(node.name),
    datePublished: text(node.datePublished),
    dateCreated: text(node.dateCreated),
    dateModified: text(node.dateModified),
    publisher: named(node.publisher) ?? named(node.sourceOrganization),
    author: named(node.author) ?? named(node.creator),
  };
}
