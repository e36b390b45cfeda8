import { describe, expect, it } from 'vitest';
import { stagesOf, tokenAt } from './pipeline';

const sideOf = (text: string, name: string) => {
  const s = stagesOf(text);
  const k = tokenAt(text, s.sc.t, name);
  const pm = s.people.pms.find((x) => x.s === k);
  if (!pm) throw new Error(`no person at ${name}`);
  return { side: s.sides.sideAt(pm.person, k), hosts: s.sides.hosts(k), met: s.sides.metByTraveller(k) };
};

describe('meeting sides stage', () => {
  it('puts a member of a list on the side of the official who leads it', () => {
    const text =
      'Egyptian Foreign Minister Samir Adel was joined by Deputy Minister Nour Fahmy; Director of Consular Affairs Hany Said.';
    expect(sideOf(text, 'Hany Said').side).toBe('EG');
  });

  it('reads "on behalf of" and a delegation noun as the side', () => {
    expect(sideOf('Speaking on behalf of Bolivia, Deputy Minister Eva Mamani asked for time.', 'Eva Mamani').side).toBe(
      'BO',
    );
    expect(sideOf('The Chilean delegation was led by Director of Migration Pablo Reyes.', 'Pablo Reyes').side).toBe(
      'CL',
    );
    expect(sideOf('Later, Director of Migration Pablo Reyes spoke to reporters.', 'Pablo Reyes').side).toBeNull();
  });

  it('sees the host as the subject of a hosting verb or its agent after "by"', () => {
    expect(sideOf('President Ruth Achieng received the visiting delegation.', 'Ruth Achieng').hosts).toBe(true);
    expect(sideOf('The envoy was received by President Ruth Achieng.', 'Ruth Achieng').hosts).toBe(true);
    expect(sideOf('President Ruth Achieng flew home on Friday.', 'Ruth Achieng').hosts).toBe(false);
  });

  it('sees whom a travelling official met after the text sent them abroad', () => {
    const text =
      'WASHINGTON - Secretary Mark Doyle was in Guatemala on Monday. Later Secretary Doyle met with Interior Minister Ana Lucia Paz.';
    expect(sideOf(text, 'Ana Lucia Paz').met).toBe(true);
    expect(sideOf('Secretary Mark Doyle met with Interior Minister Ana Lucia Paz.', 'Ana Lucia Paz').met).toBe(false);
  });

  it('sees an official paired by "and" with the travelling official as met by them', () => {
    const text =
      'WASHINGTON - Secretary Mark Doyle arrived in Guatemala on Monday. There Secretary Doyle and Interior Minister Ana Lucia Paz signed a pact.';
    expect(sideOf(text, 'Ana Lucia Paz').met).toBe(true);
  });
});
