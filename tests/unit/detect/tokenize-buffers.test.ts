import { describe, expect, it } from 'vitest';
import { TextWords } from '../../../lib/detect/match';
import { foldWord, hashWord, textCodes, tokenize } from '../../../lib/detect/tokenize';
import { verify, verifyCodes } from '../../../lib/detect/trie';

const none = new Set<number>();
const spans = (text: string): [number, number][] => {
  const t = tokenize(text, none);
  return Array.from({ length: t.n }, (_, k) => [t.start[k], t.end[k]]);
};

describe('tokenizer code buffer', () => {
  // ASCII text is copied natively; anything else goes through the UTF-8 widening loop. Both must give the
  // same spans and hashes as hashing the token's own substring.
  it.each([
    [
      'Pakistan and Belgium',
      [
        [0, 8],
        [9, 12],
        [13, 20],
      ],
    ],
    [
      'Zürich and São Paulo',
      [
        [0, 6],
        [7, 10],
        [11, 14],
        [15, 20],
      ],
    ],
    [
      'say “Athens” — now',
      [
        [0, 3],
        [5, 11],
        [15, 18],
      ],
    ],
    [
      'x 😀 y',
      [
        [0, 1],
        [2, 4],
        [5, 6],
      ],
    ],
    [
      'a\ud800b c',
      [
        [0, 3],
        [4, 5],
      ],
    ],
    [
      'lone \udc00 low',
      [
        [0, 4],
        [5, 6],
        [7, 10],
      ],
    ],
    [
      'real \ufffd mark',
      [
        [0, 4],
        [5, 6],
        [7, 11],
      ],
    ],
    [
      'Мария Захарова',
      [
        [0, 5],
        [6, 14],
      ],
    ],
  ])('spans and hashes of %j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
    const t = tokenize(text, none);
    for (let k = 0; k < t.n; k++) expect(t.hash[k]).toBe(hashWord(text.slice(t.start[k], t.end[k])));
  });

  it('keeps spans of ASCII text unchanged when a non-ASCII char appears elsewhere', () => {
    const ascii = 'Interior Minister Mohsin Naqvi met the Belgian envoy.';
    expect(spans(`${ascii} ’`).slice(0, -1)).toEqual(spans(ascii).slice(0, -1));
  });

  it('hands out the code buffer only for the text tokenized last', () => {
    const a = 'Naqvi met Brunner';
    tokenize(a, none);
    const codes = textCodes(a);
    expect(codes).not.toBeNull();
    expect(Array.from((codes as Uint16Array).subarray(0, a.length + 2))).toEqual([
      ...Array.from(a, (ch) => ch.charCodeAt(0)),
      0,
      0,
    ]);
    tokenize('something else', none);
    expect(textCodes(a)).toBeNull();
  });

  it.each([
    ['Côte d’Ivoire', ['cote', "d'ivoire"], true],
    ['COTE D’IVOIRE', ['cote', "d'ivoire"], true],
    ['Cote dIvoire', ['cote', "d'ivoire"], false],
    ['Costa Rica', ['costa', 'rico'], false],
  ])('verifyCodes agrees with verify on %j', (text, words, expected) => {
    const t = tokenize(text, none);
    expect(verify(text, t, 0, words)).toBe(expected);
    expect(verifyCodes(textCodes(text) as Uint16Array, t, 0, words)).toBe(expected);
    expect(words.map((w) => foldWord(w, 0, w.length))).toEqual(words);
  });
});

describe('TextWords', () => {
  it('answers like a scan of the token hashes, before and after it builds its set', () => {
    const text = 'Talks in Athens with Greek and EU officials, not in Georgia';
    const t = tokenize(text, none, true);
    const words = new TextWords(t);
    const asked = ['greece', 'greek', 'caucasus', 'tbilisi', 'eu', 'ohio', 'texas', 'georgia', 'athens', 'rome'];
    // Four misses switch it from scanning to a hash set; the answers must not change.
    for (const w of [...asked, ...asked]) {
      const h = hashWord(w);
      expect(words.has(h)).toBe(Array.from(t.hash.subarray(0, t.n)).includes(h));
    }
  });
});
