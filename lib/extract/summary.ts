/**
 * One generated sentence per engagement, built from its structure ("Pakistani Interior Minister Mohsin Naqvi
 * met Belgian Interior Minister Bernard Quintin in Brussels on 12 December 2025 to discuss illegal migration
 * and counterterrorism."). Never copied from the article, so it is ours to store and show.
 */
import type { DatePrecision, EngagementKind, Participant, TopicId } from '../types';
import { demonym } from './geo';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Lower-case topic phrases for prose, used when the detection did not label a topic. */
export const TOPIC_PHRASES: Readonly<Record<TopicId, string>> = {
  'illegal-migration': 'illegal migration',
  'migrant-smuggling': 'migrant smuggling',
  'human-trafficking': 'human trafficking',
  narcotics: 'narcotics',
  counterterrorism: 'counterterrorism',
  'border-security': 'border security',
  'information-sharing': 'information sharing',
  'law-enforcement-training': 'law-enforcement training',
  'returns-readmission': 'returns and readmission',
  'legal-migration': 'legal migration',
  'organised-crime': 'organised crime',
  'money-laundering': 'money laundering',
  cybercrime: 'cybercrime',
  extradition: 'extradition',
  'visas-consular': 'visas and consular matters',
  'asylum-refugees': 'asylum and refugees',
  'pilgrim-facilitation': 'pilgrim facilitation',
};

/** "Federal Minister for Interior and Narcotics Control" → "Interior Minister"; other roles unchanged. */
export function shortRole(role: string): string {
  const r = role.replace(/\s+/g, ' ').trim();
  const m =
    /^(?:Federal\s+|Union\s+|State\s+|Provincial\s+)?Minister\s+(?:for|of)\s+(?:the\s+)?(.+?)(?:\s+and\s+.+)?$/i.exec(
      r,
    );
  if (m) return `${m[1].replace(/\s+Affairs$/i, '')} Minister`;
  return r.replace(/^European\s+(Commissioner)/i, '$1');
}

export function describeParticipant(p: Participant): string {
  if (!p.role) return p.name;
  const role = shortRole(p.role);
  const adj = demonym(p.country ?? null);
  // Roles that already say whose they are ("EU Commissioner", "Belgian Interior Minister") keep their own.
  const owned = adj && new RegExp(`^(?:${adj}|the\\s)`, 'i').test(role);
  return `${adj && !owned ? `${adj} ` : ''}${role} ${p.name}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function datePhrase(date: string | null, precision: DatePrecision | null): string {
  if (!date) return '';
  const y = Number(date.slice(0, 4));
  const m = MONTH_NAMES[Number(date.slice(5, 7)) - 1];
  const d = Number(date.slice(8, 10));
  switch (precision) {
    case 'year':
      return ` in ${y}`;
    case 'month':
      return ` in ${m} ${y}`;
    case 'approximate':
      return ` around ${d} ${m} ${y}`;
    default:
      return ` on ${d} ${m} ${y}`;
  }
}

export interface SummaryInput {
  kind: EngagementKind;
  participants: Participant[];
  place: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  topics: TopicId[];
}

/** Builds the summary sentence; `labels` gives the wording of topics (falls back to TOPIC_PHRASES). */
export function summarize(e: SummaryInput, labels: ReadonlyMap<TopicId, string> = new Map()): string {
  const names = e.participants.map(describeParticipant);
  const [first, ...rest] = names;
  const where = e.place ? ` in ${e.place}` : '';
  let core: string;
  switch (e.kind) {
    case 'meeting':
      core =
        names.length > 2
          ? `${list(names)} held a joint meeting${where}`
          : `${first} met ${list(rest) || 'counterparts'}${where}`;
      break;
    case 'call':
      core = `${first} spoke by phone with ${list(rest) || 'a counterpart'}`;
      break;
    case 'agreement':
      core = `${names.length > 1 ? list(names) : first} signed an agreement${where}`;
      break;
    case 'visit':
      core = `${first} visited ${e.place ?? 'abroad'}`;
      break;
    case 'planned_visit':
      core = rest.length
        ? `${first} is expected to visit ${e.place ?? 'soon'} at the invitation of ${list(rest)}`
        : `${first} is expected to visit ${e.place ?? 'soon'}`;
      break;
    case 'statement':
      core = `${list(names)} made a statement${where}`;
      break;
    default:
      core = `${first} engaged with ${list(rest) || 'counterparts'}${where}`;
  }
  const when =
    e.kind === 'planned_visit' && e.datePrecision === 'approximate' ? '' : datePhrase(e.date, e.datePrecision);
  const topics = e.topics.slice(0, 3).map((t) => (labels.get(t) ?? TOPIC_PHRASES[t] ?? t).toLowerCase());
  const about = topics.length ? (e.kind === 'statement' ? ` on ${list(topics)}` : ` to discuss ${list(topics)}`) : '';
  return `${core || 'An engagement took place'}${when}${about}.`;
}
