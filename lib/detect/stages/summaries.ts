/** Stage 13: officials, countries (the EU among them), blocs and topics in order of first mention. */
import type { DetectedOfficial, Detection, Mention, TopicId } from '../../types';
import { EU_BLOC_ID } from '../data/blocs';
import type { Gazetteer } from '../gazetteer';
import type { Tokens } from '../tokenize';
import type { Decisions } from './decide';
import type { PersonMention } from './people';

export function summarize(
  g: Gazetteer,
  t: Tokens,
  clean: readonly Mention[],
  pms: readonly PersonMention[],
  decided: Decisions,
): Omit<Detection, 'mentions'> {
  const countries: Detection['countries'] = [];
  const blocs: Detection['blocs'] = [];
  const topics: Detection['topics'] = [];
  const seen = new Set<string>();
  for (const m of clean) {
    if (seen.has(m.entityId)) continue;
    seen.add(m.entityId);
    if (m.kind === 'country') {
      const code = m.entityId.slice('country:'.length);
      countries.push({ code, name: g.countryNames.get(code) ?? code });
    } else if (m.kind === 'bloc') {
      if (m.entityId === EU_BLOC_ID) countries.push({ code: 'EU', name: 'European Union' });
      else {
        const b = g.blocs.find((x) => x.id === m.entityId);
        if (b) blocs.push({ id: b.id, code: b.code, name: b.name });
      }
    } else if (m.kind === 'topic') {
      const id = m.entityId.slice('topic:'.length) as TopicId;
      topics.push({ id, label: g.topicLabels[id] });
    }
  }
  const officials: DetectedOfficial[] = [];
  const seenOfficial = new Set<string>();
  for (const m of clean) {
    if (m.kind !== 'official' || seenOfficial.has(m.entityId)) continue;
    seenOfficial.add(m.entityId);
    const p = pms.find((pm) => t.start[pm.s] === m.start)?.person;
    if (!p) continue;
    const d = decided.get(p);
    if (!d) continue;
    officials.push({
      entityId: m.entityId,
      name: p.known >= 0 ? g.officials[p.known].name : p.name,
      role: d.role,
      country: d.country,
      discovered: p.known < 0,
      variants: [...p.variants],
    });
  }
  return { officials, countries, blocs, topics };
}
