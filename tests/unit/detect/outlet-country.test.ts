import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../lib/detect';
import { agencyCountry, domainCountry, outletCountry } from '../../../lib/detect/outlet-country';

describe('domainCountry', () => {
  it.each([
    ['https://www.example.se/2024/01/story', 'SE'],
    ['https://news.example.co.uk/a', 'GB'],
    ['https://ministry.gov.gh/news/1', 'GH'],
    ['https://www.dhs.gov/news/readout', 'US'],
    ['https://press.example.eu/item', 'EU'],
    ['https://startup.io/blog', null],
    ['https://daily.example.com/world', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (url, code) => {
    expect(domainCountry(url)).toBe(code);
  });
});

describe('agencyCountry', () => {
  it('reads a national agency credited as a word', () => {
    expect(agencyCountry('Gulf Daily (KUNA copy)')).toBe('KW');
    expect(agencyCountry('TAP')).toBe('TN');
  });
  it('says nothing of international wires or words that merely contain a credit', () => {
    expect(agencyCountry('Reuters')).toBeNull();
    expect(agencyCountry('The Tapestry Review')).toBeNull();
  });
});

describe('outletCountry', () => {
  const countryIn = (s: string) => (/Malta/.test(s) ? 'MT' : null);
  it('prefers the domain, then a country in the name, then an agency', () => {
    expect(outletCountry({ url: 'https://x.com.pk/a', outlet: 'Malta Herald' }, countryIn)).toBe('PK');
    expect(outletCountry({ url: 'https://x.com/a', outlet: 'Malta Herald' }, countryIn)).toBe('MT');
    expect(outletCountry({ url: 'https://x.com/a', outlet: 'Coast Weekly', credits: ['ANTARA'] }, countryIn)).toBe(
      'ID',
    );
    expect(outletCountry({ url: 'https://x.com/a', outlet: 'World Wire' }, countryIn)).toBeNull();
  });
});

describe('the outlet country in detection', () => {
  const detector = createDetector();
  const text =
    'Migration Minister Lars Holm said on Monday that Iraq had agreed to take back rejected applicants. Sweden will fund the programme.';
  it('gives an untitled domestic official the outlet country the article names', () => {
    const o = detector.detect(text, { date: '2024-02-01', outlet: { url: 'https://paper.example.se/x' } }).officials;
    expect(o.find((x) => x.name === 'Lars Holm')?.country).toBe('SE');
  });
  it('does not use an outlet country the article never names', () => {
    const o = detector.detect(text, { date: '2024-02-01', outlet: { url: 'https://paper.example.pk/x' } }).officials;
    expect(o.find((x) => x.name === 'Lars Holm')?.country).not.toBe('PK');
  });
});
