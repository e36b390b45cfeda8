import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleUrl, declaredUrls, normaliseUrl, siteHost, urlVariants } from '../../../lib/db/url';

const PLAIN = 'https://news.example/2025/12/12/ministers-meet-in-brussels';

describe('normaliseUrl: one address per article', () => {
  it.each([
    ['www host', 'https://www.news.example/2025/12/12/ministers-meet-in-brussels'],
    ['mobile host', 'https://m.news.example/2025/12/12/ministers-meet-in-brussels'],
    ['amp host', 'https://amp.news.example/2025/12/12/ministers-meet-in-brussels'],
    ['upper-case host', 'https://NEWS.Example/2025/12/12/ministers-meet-in-brussels'],
    ['trailing slash', 'https://news.example/2025/12/12/ministers-meet-in-brussels/'],
    ['fragment', 'https://news.example/2025/12/12/ministers-meet-in-brussels#comments'],
    ['/amp suffix', 'https://news.example/2025/12/12/ministers-meet-in-brussels/amp'],
    ['/amp/ suffix', 'https://news.example/2025/12/12/ministers-meet-in-brussels/amp/'],
    ['/amp prefix', 'https://news.example/amp/2025/12/12/ministers-meet-in-brussels'],
    ['?amp=1', 'https://news.example/2025/12/12/ministers-meet-in-brussels?amp=1'],
    ['?outputType=amp', 'https://news.example/2025/12/12/ministers-meet-in-brussels?outputType=amp'],
    ['utm parameters', `${PLAIN}?utm_source=newsletter&utm_medium=email&utm_campaign=daily`],
    ['fbclid', `${PLAIN}?fbclid=IwAR0abc`],
    ['gclid and ocid', `${PLAIN}?gclid=xyz&ocid=msn`],
    ['cmpid and upper-case UTM', `${PLAIN}?CMPID=rss&UTM_SOURCE=x`],
    ['default port', 'https://news.example:443/2025/12/12/ministers-meet-in-brussels'],
    [
      'everything at once',
      'https://www.news.example/amp/2025/12/12/ministers-meet-in-brussels/?utm_source=x&amp=1#top',
    ],
  ])('%s', (_name, variant) => {
    expect(normaliseUrl(variant)).toBe(PLAIN);
  });

  it('keeps the scheme, and looks an address up under both', () => {
    expect(normaliseUrl('http://www.news.example/a/')).toBe('http://news.example/a');
    expect(urlVariants('http://www.news.example/a/?utm_source=x')).toEqual([
      'http://news.example/a',
      'https://news.example/a',
    ]);
    expect(urlVariants(`${PLAIN}#top`)).toEqual([PLAIN, PLAIN.replace('https:', 'http:')]);
    expect(urlVariants('about:blank')).toEqual(['about:blank']);
  });

  it('keeps parameters that pick the article, in a stable order', () => {
    expect(normaliseUrl('https://news.example/story.php?p=2&id=7&utm_source=x')).toBe(
      'https://news.example/story.php?id=7&p=2',
    );
    expect(normaliseUrl('https://news.example/story.php?id=7')).not.toBe(
      normaliseUrl('https://news.example/story.php?id=8'),
    );
  });

  it('keeps what tells articles apart', () => {
    expect(normaliseUrl('https://news.example/a/Talks')).toBe('https://news.example/a/Talks');
    expect(normaliseUrl('https://news.example:8080/a')).toBe('https://news.example:8080/a');
    expect(normaliseUrl('https://other.example/2025/12/12/ministers-meet-in-brussels')).not.toBe(PLAIN);
    // A host that is only "m." plus a top-level name keeps its label.
    expect(siteHost('m.example')).toBe('m.example');
    expect(siteHost('www.m.dawn.com')).toBe('dawn.com');
  });

  it('turns an AMP file name into the article file', () => {
    expect(normaliseUrl('https://news.example/world/talks.amp.html')).toBe('https://news.example/world/talks.html');
    expect(normaliseUrl('https://news.example/world/talks.amp')).toBe('https://news.example/world/talks');
  });

  it('leaves other addresses as they are, without the fragment', () => {
    expect(normaliseUrl('about:blank')).toBe('about:blank');
    expect(normaliseUrl('file:///tmp/a.html#x')).toBe('file:///tmp/a.html');
    expect(normaliseUrl('not a url#x')).toBe('not a url');
  });
});

describe('articleUrl: the page’s declared address', () => {
  it('prefers rel=canonical, then og:url, on the same site', () => {
    expect(articleUrl('https://amp.news.example/x/amp?utm_source=y', ['https://www.news.example/x/'])).toBe(
      'https://news.example/x',
    );
    expect(articleUrl('https://news.example/x?id=1', [null, '/x-full'])).toBe('https://news.example/x-full');
    expect(articleUrl('https://edition.news.example/x', ['https://news.example/x'])).toBe('https://news.example/x');
  });

  it('does not let a page claim another site’s article', () => {
    expect(articleUrl('https://copy.example/x', ['https://news.example/x'])).toBe('https://copy.example/x');
    expect(articleUrl('https://news.example/x', ['javascript:alert(1)'])).toBe('https://news.example/x');
  });

  it('reads canonical and og:url from a page', () => {
    const { document } = parseHTML(
      '<html><head><link rel="canonical" href="https://news.example/c"><meta property="og:url" content="https://news.example/o"></head><body></body></html>',
    );
    expect(declaredUrls(document)).toEqual(['https://news.example/c', 'https://news.example/o']);
  });
});
