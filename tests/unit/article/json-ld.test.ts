import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../lib/article/json-ld';

const ARTICLE =
  '{"@type":"NewsArticle","headline":"Coastguards agree joint patrols","datePublished":"2025-04-02T08:00:00+02:00"}';

describe('readJsonLd on blocks as pages wrap them', () => {
  it.each([
    ['plain', ARTICLE],
    ['CDATA', `<![CDATA[ ${ARTICLE} ]]>`],
    ['commented CDATA', `//<![CDATA[\n${ARTICLE}\n//]]>`],
    ['HTML comment', `<!--\n${ARTICLE}\n-->`],
    [
      'JavaScript comments and trailing commas',
      `{
        // written by the CMS
        "@type": "NewsArticle", /* the story */
        "headline": "Coastguards agree joint patrols",
        "keywords": ["coastguard", "patrols",],
        "datePublished": "2025-04-02T08:00:00+02:00",
      }`,
    ],
    ['escaped as HTML', ARTICLE.replace(/"/g, '&quot;')],
    ['CDATA with a raw tab inside a string', `<![CDATA[${ARTICLE.replace('joint patrols', 'joint\tpatrols')}]]>`],
  ])('%s', (_, block) => {
    const ld = readJsonLd([block]);
    expect(ld?.headline).toBe('Coastguards agree joint patrols');
    expect(ld?.datePublished).toBe('2025-04-02T08:00:00+02:00');
  });

  it('keeps "//" and "/*" that are inside strings', () => {
    const ld = readJsonLd([
      '<![CDATA[{"@type":"Article","headline":"Ports // airports /* both */ tightened","url":"https://example.org/a",}]]>',
    ]);
    expect(ld?.headline).toBe('Ports // airports /* both */ tightened');
  });

  it('decodes character references left in values', () => {
    const ld = readJsonLd(['{"@type":"Article","headline":"Q&amp;A: the border deal&#8217;s fine print"}']);
    expect(ld?.headline).toBe('Q&A: the border deal’s fine print');
  });

  it('takes the page’s article, not a related story listed before it', () => {
    const ld = readJsonLd([
      JSON.stringify({
        '@type': 'ItemList',
        itemListElement: [{ '@type': 'NewsArticle', headline: 'Older story', datePublished: '2024-01-09' }],
      }),
      JSON.stringify({
        '@graph': [
          { '@type': 'WebPage', name: 'Page' },
          { '@type': 'ReportageNewsArticle', headline: 'This story', datePublished: '2025-04-02' },
        ],
      }),
    ]);
    expect(ld).toMatchObject({ headline: 'This story', datePublished: '2025-04-02' });
  });

  it('passes over an embedded video and a block it cannot parse', () => {
    const ld = readJsonLd([
      '{"@type":"VideoObject","name":"Clip","uploadDate":"2025-04-05"}',
      '{"@type": "NewsArticle", "headline": ',
      `<![CDATA[${ARTICLE}]]>`,
    ]);
    expect(ld?.headline).toBe('Coastguards agree joint patrols');
  });
});
