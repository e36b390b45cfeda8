/** Export formats for other tools: CSV (spreadsheets), Markdown (notes), W3C Web Annotation (annotation tools). */
import type { Engagement, Passage, Source } from '../types';
import { safeHref } from '../ui/safe-url';

/**
 * Cells a spreadsheet would run as a formula (CSV injection); a leading apostrophe makes them text. Spreadsheets
 * skip blanks before the sign (spaces of any width, NBSP, zero-width marks, a BOM) and read the fullwidth and
 * small forms of = + - @ as the signs themselves, so " =cmd" and "\u200b＝cmd" are formulas too. A tab or carriage
 * return first is guarded as well: some spreadsheets drop it and read what follows.
 */
const FORMULA_START =
  /^(?:[\t\r]|[\p{Zs}\t\r\n\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b])/u;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = [
  'id',
  'date',
  'date_precision',
  'kind',
  'participants',
  'countries',
  'place',
  'topics',
  'figures',
  'summary',
  'origin',
  'outlets',
  'source_urls',
] as const;

function groupSources(sources: readonly Source[]): Map<string, Source[]> {
  const by = new Map<string, Source[]>();
  for (const s of sources) {
    const list = by.get(s.engagementId) ?? [];
    list.push(s);
    by.set(s.engagementId, list);
  }
  return by;
}

function participantLabel(p: Engagement['participants'][number]): string {
  const extra = [p.role, p.country].filter((x): x is string => !!x);
  return extra.length ? `${p.name} (${extra.join(', ')})` : p.name;
}

/** One row per engagement, CRLF line ends as RFC 4180 says; multi-valued cells joined with "; ". */
export function toCsv(engagements: readonly Engagement[], sources: readonly Source[]): string {
  const by = groupSources(sources);
  const rows = engagements.map((e) => {
    const src = by.get(e.id) ?? [];
    return [
      e.id,
      e.date,
      e.datePrecision,
      e.kind,
      e.participants.map(participantLabel).join('; '),
      e.countries.join('; '),
      e.place,
      e.topics.join('; '),
      e.figures.map((f) => f.text).join('; '),
      e.summary,
      e.origin,
      [...new Set(src.map((s) => s.outlet).filter((o): o is string => !!o))].join('; '),
      src.map((s) => s.url).join(' '),
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Escapes characters that would turn plain text into Markdown structure. */
function mdText(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

/** A link only to a web page; any other address (`javascript:`, `data:`, an imported oddity) stays plain text. */
function mdLink(label: string, url: string): string {
  const href = safeHref(url);
  if (!href) return label === url ? mdText(url) : `${mdText(label)} (${mdText(url)})`;
  // Parentheses and spaces in urls would end the link early.
  return `[${mdText(label)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** ", 2025-12-12" after a link, escaped: dates come from pages and imported files as any short string. */
function mdDate(date: string | null): string {
  return date ? `, ${mdText(date)}` : '';
}

const KIND_LABEL: Record<Engagement['kind'], string> = {
  meeting: 'Meeting',
  call: 'Call',
  visit: 'Visit',
  planned_visit: 'Planned visit',
  agreement: 'Agreement',
  statement: 'Statement',
  other: 'Engagement',
};

/** A readable document: engagements newest first with their sources, then saved passages with notes and tags. */
export function toMarkdown(
  engagements: readonly Engagement[],
  sources: readonly Source[],
  passages: readonly Passage[],
): string {
  const by = groupSources(sources);
  const out: string[] = ['# Counterpart timeline', ''];
  const sorted = [...engagements].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const e of sorted) {
    const who = e.participants.map((p) => p.name).join(', ');
    const where = e.place ? ` (${e.place})` : '';
    out.push(`## ${e.date ? mdText(e.date) : 'Undated'}: ${KIND_LABEL[e.kind]}, ${mdText(who)}${mdText(where)}`, '');
    if (e.summary) out.push(mdText(e.summary), '');
    if (e.topics.length) out.push(`- Topics: ${e.topics.join(', ')}`);
    for (const f of e.figures) out.push(`- Figure: ${mdText(f.text)}`);
    for (const s of by.get(e.id) ?? []) {
      out.push(`- Source: ${mdLink(s.outlet ?? s.title ?? s.url, s.url)}${mdDate(s.published)}`);
    }
    out.push('');
  }
  if (passages.length) {
    out.push('# Saved passages', '');
    for (const p of passages) {
      for (const line of p.selectors.quote.exact.split(/\r?\n/)) out.push(`> ${mdText(line)}`);
      out.push('');
      out.push(`- From: ${mdLink(p.title ?? p.outlet ?? p.url, p.url)}${mdDate(p.published)}`);
      if (p.note) out.push(`- Note: ${mdText(p.note)}`);
      if (p.tags.length) out.push(`- Tags: ${p.tags.map(mdText).join(', ')}`);
      out.push('');
    }
  }
  return out.join('\n');
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  /** Absent when the stored time is not a date an xsd:dateTime can write (an imported `createdAt: 1e16`). */
  created?: string;
  modified?: string;
  body?: TextualBody[];
  target: {
    source: string;
    /** The position selector only when the stored offsets are a valid range (non-negative, end ≥ start). */
    selector: [TextQuoteSelector] | [TextQuoteSelector, { type: 'TextPositionSelector'; start: number; end: number }];
  };
}

interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Years 0000–9999: `toISOString` throws past ±8.64e15 ms and writes "+275760-…" (not an xsd:dateTime) before. */
const FIRST_ISO_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_ISO_MS = Date.parse('9999-12-31T23:59:59.999Z');

function isoTime(ms: number): string | null {
  return Number.isFinite(ms) && ms >= FIRST_ISO_MS && ms <= LAST_ISO_MS ? new Date(ms).toISOString() : null;
}

function validPosition({ start, end }: Passage['selectors']['position']): boolean {
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end >= start;
}

/** Passages as W3C Web Annotations (JSON-LD): note → commenting body, each tag → tagging body. */
export function toWebAnnotations(passages: readonly Passage[]): WebAnnotation[] {
  return passages.map((p) => {
    const body: TextualBody[] = [];
    if (p.note) body.push({ type: 'TextualBody', value: p.note, purpose: 'commenting', format: 'text/plain' });
    for (const tag of p.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    const { quote, position } = p.selectors;
    const created = isoTime(p.createdAt);
    const modified = isoTime(p.updatedAt);
    const byQuote: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    };
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:counterpart:${encodeURIComponent(p.id)}`,
      type: 'Annotation',
      motivation: p.note ? 'commenting' : 'highlighting',
      ...(created ? { created } : {}),
      ...(modified ? { modified } : {}),
      ...(body.length ? { body } : {}),
      target: {
        source: p.url,
        selector: validPosition(position)
          ? [byQuote, { type: 'TextPositionSelector', start: position.start, end: position.end }]
          : [byQuote],
      },
    };
  });
}
