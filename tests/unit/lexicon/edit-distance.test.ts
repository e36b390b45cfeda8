import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../lib/lexicon/edit-distance';

describe('editDistance', () => {
  it.each([
    ['quintin', 'quintin', 2, 0],
    ['quintin', 'quinten', 2, 1],
    // A swap of two neighbours is one edit (Damerau), not two.
    ['naqvi', 'naqiv', 2, 1],
    ['khaled', 'khalid', 1, 1],
    ['brunner', 'bruner', 2, 1],
    ['piantedosi', 'piantadossi', 2, 2],
  ])('%s ~ %s (max %d) = %d', (a, b, max, d) => {
    expect(editDistance(a, b, max)).toBe(d);
    expect(editDistance(b, a, max)).toBe(d);
  });

  it.each([
    ['carlo', 'marco', 1],
    ['ab', 'abcdef', 2],
    ['dobrindt', 'schreiber', 2],
  ])('%s ~ %s is past max %d: max + 1', (a, b, max) => {
    expect(editDistance(a, b, max)).toBe(max + 1);
  });
});
