/**
 * One address per article. Outlets serve the same report under many addresses: http and https, `www.`, `m.` and
 * `amp.` hosts, `/amp` paths, tracking parameters added by newsletters and social networks, fragments, a trailing
 * slash. Every address a source is stored or looked up under goes through `normaliseUrl`, so opening the same
 * article from a newsletter link never makes it a second source or a second engagement.
 */
import { boundedUrl } from './limits';

/**
 * Query parameters that say how the reader arrived, never which article it is (compared case-insensitively).
 * A parameter that picks content (`id`, `p`, `story`) is kept.
 */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ocid',
  'cmpid',
  'cmp',
  'icid',
  'intcmp',
  'int_cmp',
  'ito',
  'xtor',
  'spm',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'share',
  'sharetype',
  'smid',
  'smtyp',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'wt.mc_id',
  'wt_mc',
  'sr_share',
  'soc_src',
  'soc_trk',
  'fromref',
  'taid',
  'guccounter',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'amp',
  'amp_js_v',
  'usqp',
  'outputtype',
]);

/** Prefixes of whole families of tracking parameters (`utm_source`, `utm_medium`, `pk_campaign`…). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'oly_'];

/** Host labels that name a variant of the same site (`www.`, mobile, AMP), dropped from the front of a host. */
const VARIANT_HOST_LABELS = new Set(['www', 'www2', 'm', 'mobile', 'amp', 'amp-cdn']);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** `www.m.dawn.com` → `dawn.com`; a label is only dropped while a name with a dot remains. */
export function siteHost(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, '');
  for (;;) {
    const dot = h.indexOf('.');
    if (dot === -1 || !VARIANT_HOST_LABELS.has(h.slice(0, dot)) || !h.slice(dot + 1).includes('.')) return h;
    h = h.slice(dot + 1);
  }
}

/** `/news/talks/amp/` → `/news/talks`; `/amp/news/talks` → `/news/talks`; `talks.amp.html` → `talks.html`. */
function canonicalPath(path: string): string {
  let segments = path.split('/').filter((s) => s.length > 0);
  if (segments.length > 1 && segments[segments.length - 1].toLowerCase() === 'amp') segments = segments.slice(0, -1);
  if (segments.length > 1 && segments[0].toLowerCase() === 'amp') segments = segments.slice(1);
  if (segments.length > 0) {
    const last = segments.length - 1;
    segments[last] = segments[last].replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
  }
  return segments.length ? `/${segments.join('/')}` : '';
}

/**
 * The address an article is stored and looked up under (with `urlVariants`, which adds the other scheme). Web
 * addresses: the host without variant labels and lowercased, the path without AMP markers or a trailing slash, the query without tracking parameters (the
 * rest sorted, so their order does not matter), no fragment. Anything else (about:blank, file:) only loses its
 * fragment. Then bounded to the storage limit (`boundedUrl`).
 */
export function normaliseUrl(address: string): string {
  const trimmed = address.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return boundedUrl(trimmed);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return boundedUrl(trimmed);
  const params = [...u.searchParams.entries()].filter(([k]) => !isTracking(k));
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  // The default port of either scheme is dropped; another port is kept.
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return boundedUrl(`${u.protocol}//${siteHost(u.hostname)}${port}${canonicalPath(u.pathname)}${query}`);
}

/**
 * The stored addresses one article may have: its normalised address under either scheme. The scheme is kept in
 * what is stored (a site served over http only must still open), so a lookup asks for both.
 */
export function urlVariants(address: string): string[] {
  const url = normaliseUrl(address);
  if (url.startsWith('https://')) return [url, `http://${url.slice(8)}`];
  if (url.startsWith('http://')) return [url, `https://${url.slice(7)}`];
  return [url];
}

/** Two hosts of one site: the same after variant labels are dropped, or one a subdomain of the other. */
function sameSite(a: string, b: string): boolean {
  const ha = siteHost(a);
  const hb = siteHost(b);
  return ha === hb || ha.endsWith(`.${hb}`) || hb.endsWith(`.${ha}`);
}

/**
 * The article's own address: the page's `rel=canonical` (or else `og:url`) when it is a web address on the same
 * site as the page, else the address the page was opened at; normalised. A page cannot make itself another
 * site's article by declaring that site's address as its canonical one.
 */
export function articleUrl(location: string, declared: readonly (string | null | undefined)[] = []): string {
  let here: URL | null = null;
  try {
    here = new URL(location);
  } catch {
    here = null;
  }
  for (const d of declared) {
    if (!d) continue;
    let u: URL;
    try {
      u = here ? new URL(d, here) : new URL(d);
    } catch {
      continue;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    if (here && !sameSite(u.hostname, here.hostname)) continue;
    return normaliseUrl(u.href);
  }
  return normaliseUrl(location);
}

/** The addresses a parsed page declares for itself: `rel=canonical`, then `og:url`. Reads, never writes. */
export function declaredUrls(doc: Document): string[] {
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  const og = doc.querySelector('meta[property="og:url" i], meta[name="og:url" i]')?.getAttribute('content') ?? null;
  return [canonical, og].filter((u): u is string => !!u && u.trim().length > 0).map((u) => u.trim());
}
