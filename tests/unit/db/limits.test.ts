import { describe, expect, it } from 'vitest';
import {
  boundedUrl,
  clip,
  EDITOR_LIMITS,
  isKeyPart,
  keepEnd,
  keepStart,
  MAX_ITEMS,
  MAX_LENGTH,
} from '../../../lib/db/limits';

describe('clip', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a label that is too long', 10, 'a label t…'],
    // The cut never leaves half of a surrogate pair behind.
    ['ab😀cd', 4, 'ab…'],
    ['ab😀cd', 5, 'ab😀…'],
  ])('clip(%j, %i) → %j', (s, max, expected) => {
    const out = clip(s, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

describe('keepStart / keepEnd (quote context, no ellipsis)', () => {
  it.each([
    [keepStart, 'abcdef', 3, 'abc'],
    [keepStart, 'ab😀', 3, 'ab'],
    [keepEnd, 'abcdef', 3, 'def'],
    [keepEnd, '😀ab', 3, 'ab'],
    [keepEnd, 'ab', 3, 'ab'],
  ])('%o(%j, %i) → %j', (fn, s, max, expected) => {
    expect(fn(s, max)).toBe(expected);
  });
});

describe('boundedUrl', () => {
  const long = 'x'.repeat(9000);
  it.each([
    ['drops the fragment', 'https://a.example/p?id=1#comments', 100, 'https://a.example/p?id=1'],
    ['keeps a url that fits, query and all', 'https://a.example/p?id=1&utm=2', 100, 'https://a.example/p?id=1&utm=2'],
    [
      'drops the longest parameters first, keeping the one that names the article',
      `https://a.example/p?id=123&session=${long}&ref=feed`,
      100,
      'https://a.example/p?id=123&ref=feed',
    ],
    ['drops the whole query when nothing short is left', `https://a.example/p?t=${long}`, 100, 'https://a.example/p'],
    ['cannot shorten a long path', `https://a.example/${long}`, 100, `https://a.example/${long}`],
  ])('%s', (_name, url, max, expected) => {
    expect(boundedUrl(url, max)).toBe(expected);
  });

  it('brings an 8,832-character tracking url within the limit', () => {
    const url = `https://news.example/2025/12/talks?id=7&tracking=${'q'.repeat(8832 - 49)}`;
    expect(url).toHaveLength(8832);
    expect(boundedUrl(url)).toBe('https://news.example/2025/12/talks?id=7');
  });
});

describe('isKeyPart', () => {
  it.each([
    ['official:mohsin-naqvi', true],
    ['PK', true],
    ['', false],
    ['official:mohsin-naqvi|2099-01-01', false],
    ['official:a+official:b', false],
    ['PK&BE', false],
    ['x'.repeat(MAX_LENGTH.id + 1), false],
  ])('%j → %s', (s, ok) => {
    expect(isKeyPart(s, MAX_LENGTH.id)).toBe(ok);
  });
});

describe('the limits agree with each other', () => {
  it('every editor limit is within the storage limit of its field', () => {
    expect(EDITOR_LIMITS.officialName).toBeLessThanOrEqual(MAX_LENGTH.name);
    // `official:` + the slug of the longest name an editor accepts is still a storable id.
    expect('official:'.length + EDITOR_LIMITS.officialName).toBeLessThanOrEqual(MAX_LENGTH.id);
    expect(EDITOR_LIMITS.aliases).toBeLessThanOrEqual(MAX_ITEMS.aliases);
    expect(EDITOR_LIMITS.tag).toBeLessThanOrEqual(MAX_LENGTH.name);
    expect(EDITOR_LIMITS.tags).toBeLessThanOrEqual(MAX_ITEMS.tags);
    expect(EDITOR_LIMITS.note).toBeLessThanOrEqual(MAX_LENGTH.text);
  });
});
