import { describe, expect, it } from 'vitest';
import { anchor, describe as describeQuote } from '../../../lib/anchoring/text-quote';

const ORIGINAL =
  'ISLAMABAD: The interior minister met his Belgian counterpart in Brussels on Friday. ' +
  'Both sides agreed to share information on smuggling networks. ' +
  'The minister said arrests of smugglers had risen sharply this year.';

const QUOTE = 'Both sides agreed to share information on smuggling networks.';
const start = ORIGINAL.indexOf(QUOTE);
const saved = describeQuote(ORIGINAL, start, start + QUOTE.length);

describe('anchoring a saved passage', () => {
  it.each([
    ['the unchanged page', ORIGINAL, QUOTE],
    [
      'a changed word inside the quote',
      ORIGINAL.replace('share information', 'share intelligence'),
      'Both sides agreed to share intelligence on smuggling networks.',
    ],
    [
      'a moved paragraph',
      `The minister said arrests of smugglers had risen sharply this year. ${QUOTE} ISLAMABAD: The interior minister met.`,
      QUOTE,
    ],
    [
      'an inserted advert',
      ORIGINAL.replace('Friday. ', 'Friday. ADVERTISEMENT Subscribe now for unlimited access. '),
      QUOTE,
    ],
  ])('finds it on %s', (_name, page, expected) => {
    const a = anchor(page, saved);
    expect(a).not.toBeNull();
    expect(page.slice(a!.start, a!.end)).toBe(expected);
  });

  it.each([
    ['a page without the passage', 'A completely different article about the weather in Oslo and nothing else.'],
    ['an empty page', ''],
  ])('returns null on %s', (_name, page) => {
    expect(anchor(page, saved)).toBeNull();
  });

  it('prefers the occurrence whose context matches when the quote repeats', () => {
    const text = 'Alpha said yes. The talks went well. Beta said no. The talks went well. Gamma.';
    const second = text.lastIndexOf('The talks went well.');
    const sel = describeQuote(text, second, second + 'The talks went well.'.length);
    const a = anchor(text, sel);
    expect(a?.start).toBe(second);
  });
});
