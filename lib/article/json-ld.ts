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

function text(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(text).filter((x): x is string => x !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (isObject(v)) return text(v.name ?? v['@value']);
  return null;
}

/** Every object reachable through arrays, `@graph` and `mainEntity`, depth-first, in document order. */
function* walk(v: Json, depth = 0): Generator<JsonObject> {
  if (depth > 6) return;
  if (Array.isArray(v)) {
    for (const x of v) yield* walk(x, depth + 1);
    return;
  }
  if (!isObject(v)) return;
  yield v;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const child = v[key];
    if (child !== undefined) yield* walk(child, depth + 1);
  }
}

/** Raw control characters (U+0000–U+001F) are invalid inside JSON strings but common in CMS output. */
function stripControls(s: string): string {
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) < 32 ? ' ' : ch;
  return out;
}

function parseBlock(source: string): Json | null {
  try {
    return JSON.parse(source) as Json;
  } catch {
    // Some CMSs leave raw control characters or trailing commas; one forgiving retry is worth it.
    try {
      return JSON.parse(stripControls(source).replace(/,\s*([}\]])/g, '$1')) as Json;
    } catch {
      return null;
    }
  }
}

/** Organisation names declared anywhere in the blocks, by `@id`, so `publisher: {"@id": …}` can be resolved. */
function namesById(roots: Json[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const root of roots) {
    for (const node of walk(root)) {
      const id = node['@id'];
      const name = text(node.name);
      if (typeof id === 'string' && name) byId.set(id, name);
    }
  }
  return byId;
}

/** The first Article-typed object in the page's JSON-LD, or null. */
export function readJsonLd(sources: string[]): JsonLdArticle | null {
  const roots = sources.map(parseBlock).filter((x): x is Json => x !== null);
  const byId = namesById(roots);
  const named = (v: Json | undefined): string | null => {
    if (isObject(v) && typeof v['@id'] === 'string' && !v.name) return byId.get(v['@id']) ?? null;
    if (Array.isArray(v)) return named(v[0]);
    return text(v);
  };
  for (const root of roots) {
    for (const node of walk(root)) {
      if (!types(node).some((t) => ARTICLE_TYPES.has(t))) continue;
      return {
        headline: text(node.headline) ?? text(node.name),
        datePublished: text(node.datePublished),
        dateCreated: text(node.dateCreated),
        dateModified: text(node.dateModified),
        publisher: named(node.publisher) ?? named(node.sourceOrganization),
        author: named(node.author) ?? named(node.creator),
      };
    }
  }
  return null;
}
