/** Export formats for other tools: CSV (spreadsheets), Markdown (notes), W3C Web Annotation (annotation tools). */
import type { Engagement, Passage, Source } from '../types';

/** Cells a spreadsheet would run as a formula (CSV injection); a leading apostrophe makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

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

function mdLink(label: string, url: string): string {
  // Parentheses and spaces in urls would end the link early.
  return `[${mdText(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
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
    out.push(`## ${e.date ?? 'Undated'}: ${KIND_LABEL[e.kind]}, ${mdText(who)}${mdText(where)}`, '');
    if (e.summary) out.push(mdText(e.summary), '');
    if (e.topics.length) out.push(`- Topics: ${e.topics.join(', ')}`);
    for (const f of e.figures) out.push(`- Figure: ${mdText(f.text)}`);
    for (const s of by.get(e.id) ?? []) {
      out.push(`- Source: ${mdLink(s.outlet ?? s.title ?? s.url, s.url)}${s.published ? `, ${s.published}` : ''}`);
    }
    out.push('');
  }
  if (passages.length) {
    out.push('# Saved passages', '');
    for (const p of passages) {
      for (const line of p.selectors.quote.exact.split(/\r?\n/)) out.push(`> ${mdText(line)}`);
      out.push('');
      out.push(`- From: ${mdLink(p.title ?? p.outlet ?? p.url, p.url)}${p.published ? `, ${p.published}` : ''}`);
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
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/** Passages as W3C Web Annotations (JSON-LD): note → commenting body, each tag → tagging body. */
export function toWebAnnotations(passages: readonly Passage[]): WebAnnotation[] {
  return passages.map((p) => {
    const body: TextualBody[] = [];
    if (p.note) body.push({ type: 'TextualBody', value: p.note, purpose: 'commenting', format: 'text/plain' });
    for (const tag of p.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    const { quote, position } = p.selectors;
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:counterpart:${encodeURIComponent(p.id)}`,
      type: 'Annotation',
      motivation: p.note ? 'commenting' : 'highlighting',
      created: new Date(p.createdAt).toISOString(),
      modified: new Date(p.updatedAt).toISOString(),
      ...(body.length ? { body } : {}),
      target: {
        source: p.url,
        selector: [
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          { type: 'TextPositionSelector', start: position.start, end: position.end },
        ],
      },
    };
  });
}
