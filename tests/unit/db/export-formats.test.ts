import { describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS, SEED_SOURCES } from '../../../lib/data/seed';
import { csvCell, toCsv, toMarkdown, toWebAnnotations } from '../../../lib/db/export-formats';
import type { Engagement, Passage } from '../../../lib/types';

const PASSAGE: Passage = {
  id: 'passage:1',
  url: 'https://news.example/a',
  title: 'Ministers [meet]',
  outlet: 'News',
  published: '2025-12-12',
  selectors: {
    quote: { exact: 'line one\nline *two*', prefix: 'before ', suffix: ' after' },
    position: { start: 5, end: 23 },
  },
  entityIds: [],
  note: 'A note',
  tags: ['smuggling', 'follow-up'],
  createdAt: Date.UTC(2025, 11, 12),
  updatedAt: Date.UTC(2025, 11, 13),
};

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes null as empty', () => {
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('has a header, one CRLF row per engagement and the sources joined', () => {
    const csv = toCsv(SEED_ENGAGEMENTS, SEED_SOURCES);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,date,date_precision,kind,participants,countries,place,topics,figures,summary,origin,outlets,source_urls',
    );
    expect(lines).toHaveLength(SEED_ENGAGEMENTS.length + 2);
    expect(lines[lines.length - 1]).toBe('');
    expect(lines[2]).toContain('Bernard Quintin (Interior Minister, BE)');
    expect(lines[2]).toContain('Islamabad Mail,https://islamabadmail.com/pakistan-belgium-security-cooperation');
    // The figure "1,770 …" has a comma, so its cell is quoted.
    expect(lines[1]).toContain('"1,770 smugglers and agents arrested in Pakistan in 2025; 47% fewer');
  });

  it('guards summaries that look like formulas', () => {
    const e: Engagement = { ...SEED_ENGAGEMENTS[0], summary: '=cmd|calc' };
    expect(toCsv([e], [])).toContain(",'=cmd|calc,");
  });
});

describe('toMarkdown', () => {
  it('lists engagements newest first with sources, then passages', () => {
    const md = toMarkdown(SEED_ENGAGEMENTS, SEED_SOURCES, [PASSAGE]);
    expect(md.indexOf('## 2025-12-12: Meeting, Mohsin Naqvi, Bernard Quintin (Brussels)')).toBeGreaterThan(0);
    expect(md.indexOf('## 2025-12-12')).toBeLessThan(md.indexOf('## 2025-12-11'));
    expect(md).toContain('- Source: [Pakistan Today](<https://www.pakistantoday.com.pk/2025/12/11/');
    expect(md).toContain('- Topics: illegal-migration, human-trafficking');
    expect(md).toContain('> line one\n> line \\*two\\*');
    expect(md).toContain('- From: [Ministers \\[meet\\]](<https://news.example/a>), 2025-12-12');
    expect(md).toContain('- Tags: smuggling, follow-up');
  });
});

describe('toWebAnnotations', () => {
  it('writes W3C Web Annotations with quote and position selectors, note and tags', () => {
    const [a] = toWebAnnotations([PASSAGE]);
    expect(a).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:counterpart:passage%3A1',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-12-12T00:00:00.000Z',
      modified: '2025-12-13T00:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'A note', purpose: 'commenting', format: 'text/plain' },
        { type: 'TextualBody', value: 'smuggling', purpose: 'tagging' },
        { type: 'TextualBody', value: 'follow-up', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example/a',
        selector: [
          { type: 'TextQuoteSelector', exact: 'line one\nline *two*', prefix: 'before ', suffix: ' after' },
          { type: 'TextPositionSelector', start: 5, end: 23 },
        ],
      },
    });
  });

  it('a passage without note or tags is a bodiless highlight', () => {
    const [a] = toWebAnnotations([{ ...PASSAGE, note: '', tags: [] }]);
    expect(a.motivation).toBe('highlighting');
    expect(a).not.toHaveProperty('body');
  });
});
