import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../lib/article';
import { cleanTitle } from '../../../lib/article/title';

const STORY = `<p>The interior ministers of two neighbouring states met in the capital on Monday to settle how their border police will share records of stolen vehicles and forged passports.</p>
<p>Officials said a joint desk would open within three months, staffed by officers from both services, and that the first exchange of records was planned for the spring.</p>`;

function title(head: string, body: string): string | null {
  return readArticle(parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document).meta
    .title;
}

describe('cleanTitle', () => {
  it.each([
    ['Ministers agree to share records | World | The Courier', 'The Courier', 'Ministers agree to share records'],
    ['Ministers agree to share records - 14.04.2025 - THE COURIER', 'The Courier', 'Ministers agree to share records'],
    ['边境警方将共享被盗车辆记录_国际_每日新闻网', null, '边境警方将共享被盗车辆记录'],
    ['Ministers agree to share records _Nachrichten _Kurier', null, 'Ministers agree to share records'],
    // An underscore inside a word is not a separator, and a dash inside a headline stays.
    ['How to use snake_case names', null, 'How to use snake_case names'],
    ['Cross-border deal - what changes for drivers', 'The Courier', 'Cross-border deal - what changes for drivers'],
  ])('%j → %j', (raw, site, want) => {
    expect(cleanTitle(raw, site, null)).toBe(want);
  });
});

describe('choosing the headline', () => {
  it('a short section label in the first <h1> is not the headline', () => {
    const body = `<header><h1>Security Desk</h1></header><article><h2>Ministers agree to share border records</h2>${STORY}</article>`;
    expect(title('<title>Ministers agree to share border records</title>', body)).toBe(
      'Ministers agree to share border records',
    );
  });

  it('the article’s own <h1> after a site-name <h1>', () => {
    const body = `<div class="logo"><h1>The Courier</h1></div><div><h1>Ministers agree to share border records</h1>${STORY}</div>`;
    expect(title('<meta property="og:site_name" content="The Courier"><title>The Courier</title>', body)).toBe(
      'Ministers agree to share border records',
    );
  });

  it('a site-wide og:title the <title> and the <h1> do not repeat is passed over', () => {
    const head = `<meta property="og:title" content="Courier Online - News, Sport and Weather">
      <title>Ministers agree to share border records</title>`;
    const body = `<article><h1>Ministers agree to share border records</h1>${STORY}</article>`;
    expect(title(head, body)).toBe('Ministers agree to share border records');
  });

  it('a JSON-LD headline that is a description, not the visible headline, is passed over', () => {
    const head = `<script type="application/ld+json">{"@type":"Article","headline":"sovereign state in the South Pacific","datePublished":"2004-01-01"}</script>
      <title>Tuvalu - The Free Atlas</title>`;
    expect(title(head, `<h1>Tuvalu</h1>${STORY}`)).toBe('Tuvalu');
  });

  it('a reworded og:title is kept over the visible headline', () => {
    const head = `<meta property="og:title" content="Ministers’ deal: border records to be shared">
      <title>Ministers deal - border records to be shared - The Courier</title>`;
    const body = `<article><h1>Ministers deal - border records to be shared</h1>${STORY}</article>`;
    expect(title(head, body)).toBe('Ministers’ deal: border records to be shared');
  });

  it('an og:title that differs from a <title> the <h1> does not repeat is kept', () => {
    const head = `<meta property="og:title" content="Border records to be shared">
      <title>What the records deal means - The Courier</title>`;
    const body = `<article><h1>Border records to be shared</h1>${STORY}</article>`;
    expect(title(head, body)).toBe('Border records to be shared');
  });
});
