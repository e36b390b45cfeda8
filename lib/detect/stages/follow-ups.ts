/**
 * Stage 4: later mentions of people already found — surnames ("Naqvi said", "Mr Quintin"), whole multi-part
 * surnames, Gulf names as honorific + given name ("Sheikh Saif"), and (full path) near spellings of a surname.
 */
import { editDistance } from '../../lexicon/edit-distance';
import { type Person, surnameOf } from '../resolve';
import type { Scan, Title } from '../titles';
import { CAP, foldWord, GAP_HYPHEN, GAP_SPACE, hashWord, SENT, UPPER } from '../tokenize';
import type { People, PersonMention } from './people';

const ARABIC_PARTICLES = new Set(['bin', 'bint', 'ibn']);
const GIVEN_HONORIFICS = new Set(
  ['sheikh', 'sheikha', 'shaikh', 'sayyid', 'sayyida', 'prince', 'princess'].map(hashWord),
);

/** The follow-up mentions, in text order; near spellings are added to the person's variants. */
export function findFollowUps(sc: Scan, titles: readonly Title[], people: People, fast: boolean): PersonMention[] {
  const { text, t, g, cover } = sc;
  const { persons, pms } = people;
  const out: PersonMention[] = [];
  const used = new Uint8Array(t.n);
  for (const title of titles) for (let k = title.lead; k < title.e; k++) used[k] = 1;
  for (const pm of pms) for (let k = pm.s; k < pm.e; k++) used[k] = 1;
  const surnameMap = new Map<number, Person>();
  for (const p of persons) {
    if (p.words.length < 2) continue;
    const sn = surnameOf(p);
    if (sn.length < 3) continue;
    const h = hashWord(sn);
    const entry = g.words.get(h);
    if (entry && (entry.phrase || entry.bits)) continue;
    if (!surnameMap.has(h)) surnameMap.set(h, p);
  }
  for (const p of persons) {
    if (p.words.length !== 1) continue;
    // A one-word name found from a title ("President Trump") also answers later bare mentions.
    const h = hashWord(p.words[0]);
    if (!surnameMap.has(h) && !g.words.get(h)) surnameMap.set(h, p);
  }
  // Gulf names are followed up by honorific and given name ("Sheikh Saif" after "Saif bin Zayed Al Nahyan").
  const givenMap = new Map<number, Person>();
  for (const p of persons) {
    if (!p.words.some((w) => ARABIC_PARTICLES.has(w))) continue;
    const given = p.words.find((w) => !GIVEN_HONORIFICS.has(hashWord(w)));
    if (given && given.length >= 3 && !givenMap.has(hashWord(given))) givenMap.set(hashWord(given), p);
  }
  if (surnameMap.size === 0 && givenMap.size === 0) return out;
  for (let k = 0; k < t.n; k++) {
    if (used[k] || cover[k] >= 0 || (t.flags[k] & CAP) === 0 || (t.flags[k] & UPPER) !== 0) continue;
    const gp = givenMap.get(t.hash[k]);
    if (gp && k > 0 && !used[k - 1] && GIVEN_HONORIFICS.has(t.hash[k - 1]) && t.gap[k - 1] === GAP_SPACE) {
      out.push({ s: k - 1, e: k + 1, person: gp, title: null });
      used[k - 1] = 1;
      used[k] = 1;
      continue;
    }
    const p = surnameMap.get(t.hash[k]);
    if (p) {
      // Multi-part surnames: "Okonkwo-Lindqvist said", "Ould Mohamed Lemine said", "Grande-Marlaska".
      let s0 = k;
      for (let w = p.words.length - 2; w >= 1 && s0 > 0; w--) {
        const j = s0 - 1;
        if (used[j] || cover[j] >= 0 || (t.gap[j] !== GAP_SPACE && t.gap[j] !== GAP_HYPHEN)) break;
        if (foldWord(text, t.start[j], t.end[j]) !== p.words[w]) break;
        s0 = j;
        if ((t.flags[j] & SENT) !== 0) break;
      }
      out.push({ s: s0, e: k + 1, person: p, title: null });
      for (let j = s0; j <= k; j++) used[j] = 1;
      continue;
    }
    if (fast || t.end[k] - t.start[k] < 5 || g.words.has(t.hash[k])) continue;
    const w = foldWord(text, t.start[k], t.end[k]);
    for (const q of persons) {
      if (q.words.length < 2) continue;
      const sn = surnameOf(q);
      if (sn[0] !== w[0] || sn.length < 5 || editDistance(w, sn, 1) > 1) continue;
      const raw = text.slice(t.start[k], t.end[k]);
      if (!q.variants.some((v) => v.endsWith(raw))) q.variants.push(raw);
      out.push({ s: k, e: k + 1, person: q, title: null });
      used[k] = 1;
      break;
    }
  }
  return out;
}
