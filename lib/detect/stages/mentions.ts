/**
 * Stage 12: the mentions — officials with their role and country, then countries, blocs and topics not inside a
 * name (topics not inside a title either), conditional topic words only on a page already about the subject,
 * proximity topic patterns; sorted, and overlaps dropped (the earlier, then the longer, wins).
 */
import type { Mention, TopicId } from '../../types';
import { MIGRATION_TOPICS, type TopicNeed } from '../data/topics';
import { proximityHits } from '../proximity';
import { slug } from '../resolve';
import type { Match, Scan, Title } from '../titles';
import type { Decisions } from './decide';
import type { Offices } from './offices';
import type { PersonMention } from './people';

/** Values of the per-token `blocked` map. */
const FREE = 0;
const IN_TITLE = 1;
const IN_NAME = 2;

export function buildMentions(
  sc: Scan,
  titles: readonly Title[],
  pms: readonly PersonMention[],
  decided: Decisions,
  offices: Offices,
  proxStarts: number[],
): Mention[] {
  const { text, t, g, matches, cover } = sc;
  const mentions: Mention[] = [];
  const blocked = new Uint8Array(t.n);
  for (const title of titles) for (let k = title.s; k < title.e; k++) blocked[k] = IN_TITLE;
  for (const pm of pms) {
    const d = decided.get(pm.person);
    if (!d) continue;
    for (let k = pm.s; k < pm.e; k++) blocked[k] = IN_NAME;
    const p = pm.person;
    const entityId = p.known >= 0 ? g.officials[p.known].id : `official:${slug(p.name)}`;
    const m: Mention = {
      start: t.start[pm.s],
      end: t.end[pm.e - 1],
      text: text.slice(t.start[pm.s], t.end[pm.e - 1]),
      kind: 'official',
      entityId,
    };
    const role = pm.title?.gov && !(pm.title.rankOnly && d.role) ? (offices.roleOf(pm.title) ?? d.role) : d.role;
    if (role) m.role = role;
    const country = pm.title?.gov && pm.title.explicit ? pm.title.country : d.country;
    if (country) m.country = country;
    mentions.push(m);
  }
  // Topic words that count only on a page already about the subject ("border", "smugglers", "returns").
  const clashes = (m: Match): boolean => {
    for (let k = m.s; k < m.e; k++)
      if (blocked[k] === IN_NAME || (m.payload.kind === 'topic' && blocked[k] === IN_TITLE)) return true;
    return false;
  };
  const strongTopics = new Set<TopicId>();
  for (const m of matches)
    if (m.payload.kind === 'topic' && m.payload.need === null && !clashes(m)) strongTopics.add(m.payload.topic);
  const needMet = (need: TopicNeed): boolean =>
    need === 'any' ? strongTopics.size > 0 : MIGRATION_TOPICS.some((x) => strongTopics.has(x));
  for (const m of matches) {
    const p = m.payload;
    if (p.kind === 'official' || p.kind === 'none') continue;
    if (clashes(m)) continue;
    if (p.kind === 'topic' && p.need !== null && !needMet(p.need)) continue;
    const start = t.start[m.s];
    const end = t.end[m.e - 1];
    const mtext = text.slice(start, end);
    if (p.kind === 'country') {
      const mention: Mention = { start, end, text: mtext, kind: 'country', entityId: `country:${p.code}` };
      if (p.form === 'place') mention.place = mtext;
      mentions.push(mention);
    } else if (p.kind === 'bloc') {
      mentions.push({ start, end, text: mtext, kind: 'bloc', entityId: g.blocs[p.bloc].id });
    } else {
      mentions.push({ start, end, text: mtext, kind: 'topic', entityId: `topic:${p.topic}` });
    }
  }
  if (strongTopics.size > 0) {
    for (const h of proximityHits(text, g, t, matches, cover, proxStarts)) {
      if (!needMet(h.need) || blocked[h.s] !== FREE) continue;
      // The whole pattern is the mention unless it would swallow another one ("return of Iraqis").
      let e = h.e;
      for (let k = h.s; k < h.e; k++) if (cover[k] >= 0 || blocked[k] !== FREE) e = h.s + 1;
      const start = t.start[h.s];
      const end = t.end[e - 1];
      mentions.push({ start, end, text: text.slice(start, end), kind: 'topic', entityId: `topic:${h.topic}` });
    }
  }
  return withoutOverlaps(mentions);
}

/** Sorts by start (longer first) and keeps each mention that does not overlap the one kept before it. */
export function withoutOverlaps(mentions: Mention[]): Mention[] {
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const clean: Mention[] = [];
  let lastEnd = -1;
  for (const m of mentions) {
    if (m.start < lastEnd) continue;
    clean.push(m);
    lastEnd = m.end;
  }
  return clean;
}
