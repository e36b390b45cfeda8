import { describe, expect, it } from 'vitest';
import { COUNTRY_CHOICES, codeOf, namesOf, resolveCountry } from '../../../lib/db/country-names';
import { BLOCS } from '../../../lib/detect/data/blocs';
import { trimWorldCountries } from '../../../scripts/vite-plugins';

describe('resolveCountry: only an exact name, alias, translation or code counts', () => {
  it.each([
    ['United Kingdom', 'GB'],
    ['united kingdom', 'GB'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Britain', 'GB'],
    ['GBR', 'GB'],
    ['gb', 'GB'],
    ['United Kingdom (GB)', 'GB'],
    ['Türkiye', 'TR'],
    ['Turkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Türkei', 'TR'],
    ['Republic of Türkiye', 'TR'],
    ['Deutschland', 'DE'],
    ['DR Congo', 'CD'],
    ['Sudan', 'SD'],
    ['Chad', 'TD'],
    ['Pakistan', 'PK'],
    ['  pakistan  ', 'PK'],
    ['EU', 'EU'],
    ['European Commission', 'EU'],
    ['United Nations', 'UN'],
    ['UN', 'UN'],
    ['NATO', 'NATO'],
    ['Interpol', 'INTERPOL'],
    ['AU', 'AU'],
  ])('%s → %s', (typed, code) => {
    const r = resolveCountry(typed);
    expect(r.ok && r.code).toBe(code);
  });

  it.each([
    ['United', 'is not a country or organisation'],
    ['Unite', 'is not a country or organisation'],
    ['Pakistan (GB)', 'is not a country or organisation'],
    ['Kingdom', 'is not a country or organisation'],
    ['Congo', 'could be Republic of the Congo (CG) or Democratic Republic of the Congo (CD): choose one.'],
    ['', 'No country given.'],
  ])('refuses %j', (typed, message) => {
    const r = resolveCountry(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('never reads a prefix as a code: the old two-letter field turned "United Kingdom" into UN', () => {
    expect(resolveCountry('United Kingdom')).toMatchObject({ ok: true, code: 'GB' });
    expect(resolveCountry('Un')).toMatchObject({ ok: true, code: 'UN' });
    expect(resolveCountry('United K').ok).toBe(false);
  });

  it('lists every country once, the EU and the blocs whose code no country uses', () => {
    const codes = COUNTRY_CHOICES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['GB', 'TR', 'PK', 'EU', 'UN', 'NATO', 'INTERPOL']));
    // The African Union's AU is Australia's: storing it would make every reader of the code see Australia.
    expect(COUNTRY_CHOICES.find((c) => c.code === 'AU')?.name).toBe('Australia');
    expect(COUNTRY_CHOICES.some((c) => c.name === 'African Union')).toBe(false);
    for (const b of BLOCS) if (b.code !== 'AU' && b.code !== 'CW') expect(codes).toContain(b.code);
  });

  it('gives the search every name of a country, and codes only as codes', () => {
    expect(namesOf('Turquie')).toEqual(['TR']);
    expect(namesOf('Great Britain')).toEqual(['GB']);
    expect(namesOf('Congo').sort()).toEqual(['CD', 'CG']);
    expect(namesOf('banana')).toEqual([]);
    expect(codeOf('tur')).toBe('TR');
    expect(codeOf('xx')).toBeNull();
  });
});

describe("the build's trimmed world-countries", () => {
  it('keeps the codes and translated names the table reads', () => {
    const plugin = trimWorldCountries();
    const call = <T>(hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => T).call({}, ...args);
    const id = call<string>(plugin.resolveId, 'world-countries/countries.json');
    const code = call<string>(plugin.load, id);
    const rows = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as {
      cca2: string;
      cca3: string;
      translations: Record<string, { common: string }>;
    }[];
    const tr = rows.find((r) => r.cca2 === 'TR');
    expect(tr?.cca3).toBe('TUR');
    expect(tr?.translations.fra).toEqual({ common: 'Turquie' });
  });
});
