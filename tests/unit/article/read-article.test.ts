import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle, readPlainText } from '../../../lib/article';

const BODY = `<p>ISLAMABAD, Dec 11 (APP): Interior Minister Alpha Beta met his Italian counterpart Gamma Delta in Rome on Thursday to discuss returns of irregular migrants and closer police cooperation.</p>
<p>The two ministers reviewed joint patrols and agreed to set up a working group that will report back within three months on progress made.</p>
<p>Beta said 300 smugglers had been arrested this year. Delta praised the results and said both countries would keep sharing information on routes.</p>`;

function page(head: string, body = `<article><h1>Ministers meet in Rome</h1>${BODY}</article>`): Document {
  return parseHTML(
    `<!doctype html><html><head>${head}</head><body><nav>Home World Sport</nav>${body}<footer>© The Outlet</footer></body></html>`,
  ).document;
}

const ld = (obj: unknown): string => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('readArticle metadata', () => {
  it.each([
    [
      'JSON-LD NewsArticle',
      ld({
        '@type': 'NewsArticle',
        headline: 'Ministers agree on returns',
        datePublished: '2025-12-11T20:00:00+05:00',
        dateModified: '2025-12-12T09:00:00+05:00',
        publisher: { '@type': 'Organization', name: 'Daily Outlet' },
      }),
      { title: 'Ministers agree on returns', published: '2025-12-11', outlet: 'Daily Outlet' },
    ],
    [
      'JSON-LD @graph with publisher by @id',
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', '@id': '#org', name: 'Graph Times' },
          {
            '@type': ['ReportageNewsArticle'],
            headline: 'Graph headline',
            datePublished: '2025-03-02',
            publisher: { '@id': '#org' },
          },
        ],
      }),
      { title: 'Graph headline', published: '2025-03-02', outlet: 'Graph Times' },
    ],
    [
      'JSON-LD array, modified date only as last resort',
      ld([
        { '@type': 'WebSite', name: 'Ignored' },
        {
          '@type': 'Article',
          headline: 'Array headline',
          dateModified: '2025-12-12',
          publisher: { name: 'Array Post' },
        },
      ]),
      { title: 'Array headline', published: '2025-12-11', outlet: 'Array Post' },
    ],
    [
      'OpenGraph and article:published_time',
      '<title>Ignored | Site</title><meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG News"><meta property="og:type" content="article"><meta property="article:published_time" content="2025-06-07T10:00:00Z"><meta property="article:modified_time" content="2025-06-09T10:00:00Z">',
      { title: 'OG headline', published: '2025-06-07', outlet: 'OG News' },
    ],
    [
      'citation_* meta',
      '<meta name="citation_title" content="Cited"><meta name="citation_publication_date" content="2024/05/06"><title>Cited paper - Journal</title>',
      { title: 'Cited', published: '2024-05-06', outlet: 'APP' },
    ],
    [
      'meta name=date and a pipe suffix in <title>',
      '<meta name="date" content="Dec. 1, 2025"><title>Naqvi meets envoy | The Outlet</title>',
      { title: 'Naqvi meets envoy', published: '2025-12-01', outlet: 'APP' },
      `<article>${BODY}</article>`,
    ],
    [
      '<time datetime> when nothing else has a date',
      '<title>Plain page</title>',
      { title: 'Plain page', published: '2025-08-09', outlet: 'APP' },
      `<article><h1>Plain page</h1><time datetime="2025-08-09T08:00">9 Aug</time>${BODY.replace('ISLAMABAD, Dec 11 (APP):', 'ISLAMABAD:')}</article>`,
    ],
  ])('%s', (_name, head, expected, body?: string) => {
    const { meta } = readArticle(page(head, body), 'https://www.example.com/world/x');
    expect({ title: meta.title, published: meta.published, outlet: meta.outlet }).toEqual(
      body?.includes('<time') ? { ...expected, outlet: 'example.com' } : expected,
    );
  });

  it('falls back to the URL host for the outlet and the dateline date for publication', () => {
    const body = `<article><h1>Ministers meet</h1>${BODY.replace('Dec 11 (APP)', 'Dec 11, 2025')}</article>`;
    const { meta } = readArticle(page('', body), 'https://www.example.org/a');
    expect(meta.outlet).toBe('example.org');
    expect(meta.published).toBe('2025-12-11');
    expect(meta.dateline).toBe('ISLAMABAD');
    expect(meta.title).toBe('Ministers meet');
  });
});

describe('readArticle text', () => {
  it('keeps paragraphs apart and leaves navigation out', () => {
    const { text } = readArticle(page(ld({ '@type': 'NewsArticle', headline: 'x' })));
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Interior Minister Alpha Beta met');
    expect(text).not.toContain('Home World Sport');
    expect(text).not.toMatch(/in Rome on Thursday to discuss returns[^\n]*The two ministers/);
  });

  it('does not change the document it reads', () => {
    const doc = page('<title>T</title>');
    const before = doc.documentElement.outerHTML;
    readArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it.each([
    ['an article page', `<meta property="og:type" content="article">`, `<article>${BODY}</article>`, true],
    ['a JSON-LD article', ld({ '@type': 'NewsArticle', headline: 'h' }), `<div>${BODY}</div>`, true],
    [
      'a link index',
      '<title>Section</title>',
      '<ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>',
      false,
    ],
  ])('isArticle for %s', (_name, head, body, expected) => {
    expect(readArticle(page(head, body)).meta.isArticle).toBe(expected);
  });

  it('falls back to the body text when Readability finds nothing', () => {
    const { text } = readArticle(page('', '<div>Short note about Rome talks.</div>'));
    expect(text).toContain('Short note about Rome talks.');
  });
});

describe('readPlainText', () => {
  it.each([
    [
      'headline, dateline with agency, no year',
      'Ministers agree to curb smuggling\nISLAMABAD, Dec 12 (APP): The two ministers met on Friday and agreed on a plan.\nMore text follows here.',
      { title: 'Ministers agree to curb smuggling', published: null, outlet: 'APP', dateline: 'ISLAMABAD' },
    ],
    [
      'full date in the header',
      'Ministers agree to curb smuggling\nDecember 12, 2025\nROME: The two ministers met on Friday and agreed on a plan.',
      { title: 'Ministers agree to curb smuggling', published: '2025-12-12', outlet: null, dateline: 'ROME' },
    ],
    [
      'no headline: the first line is prose',
      'The two ministers met on Friday in Rome and agreed on a plan to curb smuggling across the sea.\nThey will meet again.',
      { title: null, published: null, outlet: null, dateline: null },
    ],
    [
      'a later date in the body is not the publication date',
      'Ministers meet in Rome\nROME: The two ministers recalled the accord signed on 3 March 2019 and met again on Friday.',
      { title: 'Ministers meet in Rome', published: null, outlet: null, dateline: 'ROME' },
    ],
  ])('%s', (_name, raw, expected) => {
    const { meta } = readPlainText(raw);
    expect({ title: meta.title, published: meta.published, outlet: meta.outlet, dateline: meta.dateline }).toEqual(
      expected,
    );
  });

  it('separates lines into paragraphs and drops the title line from the text', () => {
    const { text } = readPlainText('A headline for the story here\nFirst paragraph.\nSecond paragraph.');
    expect(text).toBe('First paragraph.\n\nSecond paragraph.');
  });
});
