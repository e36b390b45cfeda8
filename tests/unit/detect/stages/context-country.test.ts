import { describe, expect, it } from 'vitest';
import { stagesOf, tokenAt } from './pipeline';

/** The context stage's answer for the person named at `name`, asked at that mention. */
const contextOf = (text: string, name: string, home: string | null = null) => {
  const s = stagesOf(text, false, home);
  const k = tokenAt(text, s.sc.t, name);
  const pm = s.people.pms.find((x) => x.s === k);
  if (!pm) throw new Error(`no person at ${name}`);
  return s.contextCountry(pm.person, k);
};

describe('context country stage', () => {
  it.each([
    // A country earlier in the sentence.
    ['The talks in Nepal went on with Home Minister Bina Rai late into the night.', 'Bina Rai', 'NP'],
    // Later in the sentence, but not a destination after "to" (the dateline wins over it).
    ['ACCRA: Deputy Minister Ines Walravens will travel to Chile next week.', 'Ines Walravens', 'GH'],
    ['Deputy Minister Ines Walravens said Belgium wanted calm.', 'Ines Walravens', 'BE'],
    // A title only some states use, when its state is named.
    ['Chancellor Jens Albrecht spoke. Germany and Austria were both named.', 'Jens Albrecht', 'DE'],
    // The title's own default.
    ['Home Secretary Julia Marsh spoke on Monday.', 'Julia Marsh', 'GB'],
    // The dateline.
    ['ACCRA: Deputy Minister Kofi Mensah opened the centre.', 'Kofi Mensah', 'GH'],
    // Else the country the text names most.
    ['Deputy Minister Kofi Mensah opened the centre. Togo and Benin sent envoys; Togo sent two.', 'Kofi Mensah', 'TG'],
  ])('%j → %s', (text, name, country) => {
    expect(contextOf(text, name)).toBe(country);
  });

  it("takes the outlet's own country when the article names it, before a country in the sentence", () => {
    const text = 'Deputy Minister Kofi Mensah said Togo would join. Ghana agreed.';
    expect(contextOf(text, 'Kofi Mensah')).toBe('TG');
    expect(contextOf(text, 'Kofi Mensah', 'GH')).toBe('GH');
    // Not a country the article never names.
    expect(contextOf(text, 'Kofi Mensah', 'SN')).toBe('TG');
  });
});
