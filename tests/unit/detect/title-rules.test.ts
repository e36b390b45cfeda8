import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../lib/detect';

const detector = createDetector();
const officials = (text: string) => detector.detect(text, { date: '2025-06-01' }).officials;

describe('open-ended portfolios', () => {
  it.each([
    ["Indonesia's Minister of Migrant Workers Protection Adi Wirawan signed the deal.", 'Adi Wirawan'],
    ["Indonesia's Minister of Immigration and Corrections Budi Hartono attended.", 'Budi Hartono'],
    ["Ethiopia's State Minister for Peace, Meron Tadesse, said the talks went well.", 'Meron Tadesse'],
    ['Chief Commissioner for Afghan Refugees Imran Wali briefed the committee.', 'Imran Wali'],
  ])('%j → %s', (text, name) => {
    expect(officials(text).map((o) => o.name)).toContain(name);
  });

  it.each([
    ['Minister for Health Chris Peters, said nothing.', 'Health Chris Peters'],
    ['The Minister of Finance Sara Malik spoke.', 'Finance Sara Malik'],
  ])('does not swallow the name in %j', (text, wrong) => {
    const names = officials(text).map((o) => o.name);
    expect(names).not.toContain(wrong);
    expect(names.length).toBe(1);
  });
});

describe('opposition roles are not offices', () => {
  it.each([
    ['Tom Reid, the shadow home secretary, criticised the plan.'],
    ['Opposition Leader Maria Soto attacked the deal.'],
  ])('%j has no official', (text) => {
    expect(officials(text)).toEqual([]);
  });

  it('keeps the serving holder', () => {
    expect(officials('Jane Hale, the Home Secretary, defended the plan.').map((o) => o.name)).toEqual(['Jane Hale']);
  });
});
