import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS, NOT_TEXT_INDEX_BLOCKS, SILENT_TAGS } from '../../../lib/lexicon/html-tags';

describe('block tags', () => {
  it.each(['P', 'DIV', 'LI', 'H2', 'BR', 'TD'])('%s breaks a paragraph', (tag) => {
    expect(BLOCK_TAGS).toContain(tag);
  });

  it.each(['SPAN', 'A', 'EM', 'STRONG'])('%s is phrasing content, no block', (tag) => {
    expect(BLOCK_TAGS).not.toContain(tag);
  });

  it('leaves the text index a subset of the blocks', () => {
    for (const tag of NOT_TEXT_INDEX_BLOCKS) expect(BLOCK_TAGS).toContain(tag);
  });

  it('keeps silent elements apart from blocks', () => {
    expect(SILENT_TAGS).toEqual(expect.arrayContaining(['SCRIPT', 'STYLE']));
    for (const tag of SILENT_TAGS) expect(BLOCK_TAGS).not.toContain(tag);
  });
});
