/** Stage 5: per-token maps of where names and titles lie, read by the country stages. */

import type { Title } from '../titles';
import type { Tokens } from '../tokenize';
import type { PersonMention } from './people';

export interface Layout {
  /** 1 on tokens of a person's name: a place word there ("Lisa Monaco") is no mention of that country. */
  inName: Uint8Array;
  /**
   * 1 on tokens of every title's lead and role: a demonym there belongs to that title's holder ("his Ghanaian
   * counterpart"), not to a neighbour without one.
   */
  inTitle: Uint8Array;
  /** Per token: 1 + index into the person mentions of the mention covering it, or 0. */
  personAt: Int32Array;
}

export function layOut(t: Tokens, titles: readonly Title[], pms: readonly PersonMention[]): Layout {
  const inName = new Uint8Array(t.n);
  for (const pm of pms) for (let k = pm.s; k < pm.e; k++) inName[k] = 1;
  const inTitle = new Uint8Array(t.n);
  for (const x of titles) for (let k = x.lead; k < x.e; k++) inTitle[k] = 1;
  const personAt = new Int32Array(t.n);
  pms.forEach((pm, i) => {
    for (let k = pm.s; k < pm.e; k++) personAt[k] = i + 1;
  });
  return { inName, inTitle, personAt };
}
