import { describe, expect, it } from 'vitest';
import { stagesOf } from './pipeline';

const decisionsIn = (text: string) => [...stagesOf(text).decided].map(([p, d]) => [p.name, d]);

describe('decision stage', () => {
  it('gives a known official without a title the current office', () => {
    expect(decisionsIn('Tomas Verhoeven opened the meeting.')).toEqual([
      ['Tomas Verhoeven', { role: 'Minister of the Interior', country: 'BE' }],
    ]);
  });

  it('takes the role from the title and the country from an explicit title', () => {
    expect(decisionsIn("Kenya's Interior Minister Amos Kiprono spoke.")).toEqual([
      ['Amos Kiprono', { role: 'Interior Minister', country: 'KE' }],
    ]);
  });

  it('drops a known official seen only on a sports page', () => {
    expect(decisionsIn('Tomas Verhoeven watched the league match from the stadium as the captain scored.')).toEqual([
      ['Tomas Verhoeven', null],
    ]);
  });

  it('drops people found only from a title on a review of fiction', () => {
    expect(
      decisionsIn('In the finale, the actress playing Home Secretary Julia Marsh gives her character a last episode.'),
    ).toEqual([['Julia Marsh', null]]);
  });

  it('leaves an official of an international body without a country', () => {
    expect(decisionsIn('NAIROBI: UNHCR Representative Lars Ekdahl visited the camp.')).toEqual([
      ['Lars Ekdahl', { role: 'UNHCR Representative', country: null }],
    ]);
  });

  it('drops people whose only titles are generic heads on a sports page, not on other pages', () => {
    const sports = 'Unit Head Omar Farouk told the squad the league match at the stadium would go ahead.';
    expect(decisionsIn(sports)).toEqual([['Omar Farouk', null]]);
    expect(decisionsIn('Unit Head Omar Farouk said the plan would go ahead.')).toEqual([
      ['Omar Farouk', { role: 'Unit Head', country: null }],
    ]);
  });
});
