import { describe, expect, it } from 'vitest';
import { SEED_ENGAGEMENTS, SEED_SOURCES } from '../../../lib/data/seed';
import { exportBackup, importBackup } from '../../../lib/db/backup';
import { csvCell, toCsv, toMarkdown, toWebAnnotations } from '../../../lib/db/export-formats';
import type { Engagement, Passage, Source } from '../../../lib/types';
import { backupOf } from './backup-of';
import { freshDb } from './helpers';

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
    // Blanks a spreadsheet skips before the sign, and the fullwidth and small forms of the signs.
    [' =1+1', "' =1+1"],
    ['   -2', "'   -2"],
    ['\u00a0=cmd', "'\u00a0=cmd"],
    ['\u200b=cmd', "'\u200b=cmd"],
    ['\u2060+1', "'\u2060+1"],
    ['\ufeff@SUM(A1)', "'\ufeff@SUM(A1)"],
    ['\u3000=1', "'\u3000=1"],
    [' \t=1', "' \t=1"],
    ['\uff1dHYPERLINK("x")', `"'\uff1dHYPERLINK(""x"")"`],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
    ['\ufe62 1', "'\ufe62 1"],
    ['\r=1', `"'\r=1"`],
    // Not formulas: the sign is not first once blanks are skipped.
    ['a=b', 'a=b'],
    [' plain', ' plain'],
    ['\u200bplain', '\u200bplain'],
    ['1-2', '1-2'],
    ['', ''],
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

const ENGAGEMENT: Engagement = { ...SEED_ENGAGEMENTS[0], id: 'eng:1', date: '2025-12-12' };
const SOURCE: Source = { ...SEED_SOURCES[0], engagementId: 'eng:1' };

describe('toMarkdown with imported oddities', () => {
  it.each<[string, Engagement, Source, Passage, string[], (string | RegExp)[]]>([
    [
      'a date that is a link',
      { ...ENGAGEMENT, date: '[x](javascript:alert(1))' },
      SOURCE,
      PASSAGE,
      ['## \\[x\\](javascript:alert(1)): Meeting'],
      ['[x](javascript'],
    ],
    [
      'a published date that is HTML',
      ENGAGEMENT,
      { ...SOURCE, published: '<img src=x onerror=alert(1)>' },
      { ...PASSAGE, published: '**bold** <b>' },
      ['\\<img src=x onerror=alert(1)\\>', ', \\*\\*bold\\*\\* \\<b\\>'],
      [/(?<!\\)<img/, /(?<!\\)<b>/],
    ],
    [
      'a javascript: source and a data: passage',
      ENGAGEMENT,
      { ...SOURCE, url: 'javascript:alert(document.cookie)', outlet: 'Wire' },
      { ...PASSAGE, url: 'data:text/html,<script>alert(1)</script>', title: null, outlet: null },
      [
        '- Source: Wire (javascript:alert(document.cookie))',
        '- From: data:text/html,\\<script\\>alert(1)\\</script\\>',
      ],
      ['(<javascript', '(<data:', '<script>'],
    ],
    [
      'web addresses',
      ENGAGEMENT,
      { ...SOURCE, url: 'https://news.example/a b', outlet: 'Wire' },
      PASSAGE,
      ['- Source: [Wire](<https://news.example/a%20b>)', '- From: [Ministers \\[meet\\]](<https://news.example/a>)'],
      [],
    ],
  ])('%s', (_name, e, src, p, present, absent) => {
    const md = toMarkdown([e], [src], [p]);
    for (const s of present) expect(md).toContain(s);
    for (const s of absent) expect(md).not.toMatch(s);
  });

  it('escapes dates that came in through an import', async () => {
    const db = freshDb();
    const backup = backupOf({
      engagements: [{ ...ENGAGEMENT, date: '](javascript:alert(1))' }],
      sources: [{ ...SOURCE, published: '<script>alert(1)</script>' }],
    });
    expect((await importBackup(db, backup)).ok).toBe(true);
    const b = await exportBackup(db);
    const md = toMarkdown(b.engagements, b.sources, b.passages);
    expect(md).toContain('## \\](javascript:alert(1)): Meeting');
    expect(md).not.toContain('<script>');
  });
});

describe('toWebAnnotations with imported oddities', () => {
  it.each<[string, Partial<Passage>, string[], number]>([
    ['a creation time past the end of dates', { createdAt: 1e16 }, ['modified'], 2],
    ['both times out of range', { createdAt: -1e16, updatedAt: 8.64e15 }, [], 2],
    [
      'a negative start',
      { selectors: { ...PASSAGE.selectors, position: { start: -5, end: 3 } } },
      ['created', 'modified'],
      1,
    ],
    [
      'an end before the start',
      { selectors: { ...PASSAGE.selectors, position: { start: 10, end: 2 } } },
      ['created', 'modified'],
      1,
    ],
    [
      'a fractional offset',
      { selectors: { ...PASSAGE.selectors, position: { start: 1.5, end: 3 } } },
      ['created', 'modified'],
      1,
    ],
    [
      'an empty range at 0',
      { selectors: { ...PASSAGE.selectors, position: { start: 0, end: 0 } } },
      ['created', 'modified'],
      2,
    ],
  ])('%s', (_name, over, times, selectors) => {
    const [a] = toWebAnnotations([{ ...PASSAGE, ...over }]);
    expect(['created', 'modified'].filter((k) => k in a)).toEqual(times);
    expect(a.target.selector).toHaveLength(selectors);
    for (const sel of a.target.selector) {
      if (sel.type === 'TextPositionSelector') expect(Math.min(sel.start, sel.end)).toBeGreaterThanOrEqual(0);
    }
  });

  it('survives a passage imported with createdAt 1e16 and a negative position', async () => {
    const db = freshDb();
    const backup = backupOf({
      passages: [
        { ...PASSAGE, createdAt: 1e16, selectors: { ...PASSAGE.selectors, position: { start: -7, end: -1 } } },
      ],
    });
    expect((await importBackup(db, backup)).ok).toBe(true);
    const [a] = toWebAnnotations((await exportBackup(db)).passages);
    expect(a).not.toHaveProperty('created');
    expect(JSON.stringify(a)).not.toMatch(/"(start|end)":-/);
  });
});
