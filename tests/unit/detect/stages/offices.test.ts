import { describe, expect, it } from 'vitest';
import { stagesOf } from './pipeline';

const personNamed = (s: ReturnType<typeof stagesOf>, name: string) => {
  const p = s.people.persons.find((x) => x.name === name);
  if (!p) throw new Error(`no person ${name}`);
  return p;
};

describe('offices stage', () => {
  it('shows a counterpart with the office of the official it answers to', () => {
    const s = stagesOf('Federal Interior Minister Omar Baig met his Turkish counterpart, Selim Aydin, in Ankara.');
    const counterpart = s.titles.find((x) => x.role === 'counterpart');
    expect(s.offices.roleOf(counterpart)).toBe('Interior Minister');
    expect(s.offices.roleOf(undefined)).toBeNull();
  });

  it('claims the country of another holder of the same office, and every qualified title softly', () => {
    const s = stagesOf(
      "Iraq's interior minister Karim Saadi met Norway's foreign minister. Interior Minister Dara Aziz joined.",
    );
    const claims = s.offices.claimed(personNamed(s, 'Dara Aziz'));
    expect([...claims.hard]).toEqual(['IQ']);
    expect([...claims.soft].sort()).toEqual(['IQ', 'NO']);
  });

  it('lists the country of a counterpart answering one of the person’s titles as facing them', () => {
    const s = stagesOf('Interior Minister Omar Baig met his Turkish counterpart, Selim Aydin.');
    expect([...s.offices.facing(personNamed(s, 'Omar Baig'))]).toEqual(['TR']);
    expect([...s.offices.facing(personNamed(s, 'Selim Aydin'))]).toEqual([]);
  });
});
