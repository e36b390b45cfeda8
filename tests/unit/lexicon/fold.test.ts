import { describe, expect, it } from 'vitest';
import { foldForSearch, stripAccents } from '../../../lib/lexicon/fold';

describe('foldForSearch', () => {
  it.each([
    ['Quintín', 'quintin'],
    ['Çavuşoğlu', 'cavusoglu'],
    ['ﬁnal', 'final'],
    ['ＥＵ', 'eu'],
    ['Đorđević', 'đorđevic'],
  ])('%s → %s', (raw, folded) => {
    expect(foldForSearch(raw)).toBe(folded);
  });
});

describe('stripAccents', () => {
  it.each([
    ['Quintín', 'Quintin'],
    ['Çavuşoğlu', 'Cavusoglu'],
    // Only canonical decomposition: a ligature is kept, unlike the search fold.
    ['ﬁnal', 'ﬁnal'],
  ])('%s → %s', (raw, stripped) => {
    expect(stripAccents(raw)).toBe(stripped);
  });
});
