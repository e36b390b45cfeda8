import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle, readPlainText } from '../../../lib/article';
import { leadDate, titleDate } from '../../../lib/article/page-dates';

const STORY = `<p>The interior ministers of two neighbouring states met in the capital on Monday to settle how their border police will share records of stolen vehicles and forged passports.</p>
<p>Officials said a joint desk would open within three months, staffed by officers from both services, and that the first exchange of records was planned for the spring.</p>
<p>Neither side gave figures, but both said the number of cases had grown every year since the crossing reopened.</p>`;

function page(head: string, body: string): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;
}

const article = (inner: string, headline = 'Ministers agree to share border records'): string =>
  `<article><h1>${headline}</h1>${inner}${STORY}</article>`;

const published = (doc: Document): string | null => readArticle(doc).meta.published;

describe('publication dates in meta tags', () => {
  it.each([
    [
      'article:publicationdate in Date.toString() form',
      '<meta property="article:publicationdate" content="Mon Apr 14 18:05:31 AEST 2025">',
    ],
    ['article:published_time', '<meta property="article:published_time" content="2025-04-14T18:05:31+10:00">'],
    ['og:published_time', '<meta property="og:published_time" content="2025-04-14">'],
    ['DC.date.issued', '<meta name="DC.date.issued" content="2025-04-14">'],
    ['sailthru.date', '<meta name="sailthru.date" content="2025-04-14 08:05:31">'],
    ['parsely-pub-date', '<meta name="parsely-pub-date" content="2025-04-14T08:05:31Z">'],
    ['pubdate', '<meta name="pubdate" content="20250414">'],
    ['publication_date', '<meta name="publication_date" content="14/04/2025">'],
  ])('%s', (_, tag) => {
    expect(published(page(tag, article('')))).toBe('2025-04-14');
  });

  it('reads <time pubdate> and an itemprop on a span', () => {
    expect(published(page('', article('<time pubdate datetime="2025-04-14T09:00">Monday</time>')))).toBe('2025-04-14');
    expect(published(page('', article('<span itemprop="datePublished" content="2025-04-14">14 April</span>')))).toBe(
      '2025-04-14',
    );
  });
});

describe('microdata of an embedded item', () => {
  const video = `<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject">
    <meta itemprop="datePublished" content="2025-04-16T07:00:00Z"><meta itemprop="name" content="Clip from the talks">
    <time itemprop="uploadDate" datetime="2025-04-16">16 April</time></div>`;

  it('does not let an embedded video’s datePublished beat the article’s own', () => {
    const body = `<div itemscope itemtype="https://schema.org/NewsArticle">${video}
      <meta itemprop="datePublished" content="2025-04-14T19:30:00Z">${article('')}</div>`;
    expect(published(page('', body))).toBe('2025-04-14');
  });

  it('does not take an embedded video’s date when the article has none in markup', () => {
    const body = article(`${video}<p class="byline">By A. Writer · Posted April 14, 2025</p>`);
    expect(published(page('', body))).toBe('2025-04-14');
  });
});

describe('dates printed in the byline', () => {
  it.each([
    ['Posted on', '<p class="byline">posted on April 14, 2025, at 9:05 a.m.</p>'],
    ['Published with a time first', '<p>Published 09:05 BST, 14 April 2025</p>'],
    ['First published', '<div>First published April 14, 2025: 6:10 AM ET</div>'],
    ['Updated before Published', '<p>Updated 16 April 2025 · Published 14 April 2025</p>'],
    [
      'Last updated only next to a classed date',
      '<p><span class="date">14 April 2025</span> · Last updated 16 April 2025</p>',
    ],
    ['French', '<p>Publié le 14 avril 2025 à 10h02 • Mis à jour le 16 avril 2025</p>'],
    ['Spanish', '<p>Actualizado el 16 de abril de 2025 · Publicado el 14 de abril de 2025</p>'],
    ['a classed stamp without a label', '<span class="story-timestamp">Monday, Apr 14, 2025 11:57 AM UTC</span>'],
    ['a numeric US stamp', '<h5 class="article-posted-date">4/14/2025 7:11 AM PDT BY STAFF</h5>'],
    ['Chinese', '<span class="pubTime">2025年4月14日07:17</span>'],
    ['Czech', '<p>Aktualizováno 16. dubna 2025 · Publikováno 14. dubna 2025</p>'],
  ])('%s', (_, byline) => {
    expect(published(page('', article(byline)))).toBe('2025-04-14');
  });

  it.each([
    ['a class that only contains the letters', '<div class="candidate-card">Elected 3 May 2021</div>'],
    ['a timeline of earlier events', '<ol class="event-timeline"><li>12 March 2024</li></ol>'],
    ['an update stamp', '<span class="updated-date">16 April 2025</span>'],
  ])('does not read %s as the publication', (_, html) => {
    expect(published(page('', article(html)))).toBe(null);
  });

  it('finds a byline after more than 20,000 characters of menus', () => {
    const menu = `<div class="menu">${Array.from({ length: 900 }, (_, i) => `<a href="/s${i}">Regional desk number ${i}</a>`).join(' ')}</div>`;
    const body = `${menu}${article('<p>posted on April 14, 2025, at 9:05 a.m.</p>')}`;
    expect(page('', body).body.textContent.length).toBeGreaterThan(20_000);
    expect(published(page('', body))).toBe('2025-04-14');
  });

  it('takes the date by the headline, not a related story’s earlier in the page', () => {
    const related = `<ul class="related"><li><a>Older talks</a> <p>Posted March 2, 2025</p></li></ul>`;
    const filler = `<div>${'<p>Other headlines of the day, one after the other.</p>'.repeat(120)}</div>`;
    const body = `${related}${filler}${article('<p>Posted April 14, 2025</p>')}`;
    expect(published(page('', body))).toBe('2025-04-14');
  });

  it('keeps the update apart from the publication', () => {
    const read = readArticle(page('', article('<p>Updated 16 April 2025 · Published 14 April 2025</p>')));
    expect(read.meta.published).toBe('2025-04-14');
    expect(read.modified).toBe('2025-04-16');
  });

  it('takes the modified date only when nothing else dates the page', () => {
    const read = readArticle(
      page('<meta property="article:modified_time" content="2025-04-16T10:00:00Z">', article('')),
    );
    expect(read.meta.published).toBe('2025-04-16');
  });
});

describe('other places a page prints its date', () => {
  it('a date opening the story before a dash', () => {
    const body = `<article><h1>Ministers agree to share border records</h1><p>Apr. 14, 2025 -- ${STORY.slice(3)}</article>`;
    expect(published(page('', body))).toBe('2025-04-14');
  });

  it.each([
    ['Apr. 14, 2025 -- The ministers met.', '2025-04-14'],
    ['14 avril 2025 — Les ministres se sont réunis.', '2025-04-14'],
    ['April 14, 2025 was a Monday.', null],
    ['The ministers met on April 14, 2025 -- a Monday.', null],
  ])('leadDate(%j) → %s', (text, iso) => {
    expect(leadDate(text)).toBe(iso);
  });

  it('a date between the parts of the <title>', () => {
    expect(
      published(page('<title>Ministers agree to share border records - 14.04.2025 - The Courier</title>', article(''))),
    ).toBe('2025-04-14');
  });

  it.each([
    ['Records deal - 14.04.2025 - The Courier', '2025-04-14'],
    ['Records deal | 14 April 2025', '2025-04-14'],
    ['Records deal signed on 14 April 2025 | The Courier', null],
  ])('titleDate(%j) → %s', (title, iso) => {
    expect(titleDate(title)).toBe(iso);
  });

  it('a yearless Japanese stamp by the headline, dated by the copyright year and its weekday', () => {
    const body = `${article('<p>共同通信 4/14(月) 18:45配信</p>')}<footer>Copyright (C) 2026 Example Media</footer>`;
    // 14 April is a Monday in 2025, not in 2026.
    expect(published(page('', body))).toBe('2025-04-14');
  });
});

describe('the header date of a plain-text report', () => {
  it.each([
    [
      'an upper-case month after a label',
      'Ministers agree to share border records\nPosted On: 14 APR 2025 5:40PM by Press Desk\nThe two ministers met on Monday.',
    ],
    [
      'a numeric day-first stamp',
      'Ministers agree to share border records\n14/04/2025 06:12 PM\nVIENNA: The two ministers met on Monday and agreed.',
    ],
    [
      'a French date',
      'Les ministres partagent leurs fichiers\nPublié le 14 avril 2025\nLes deux ministres se sont réunis lundi.',
    ],
  ])('%s', (_, raw) => {
    expect(readPlainText(raw).meta.published).toBe('2025-04-14');
  });
});
