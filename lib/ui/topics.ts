/** The topic taxonomy as the UI shows it: stable ids from lib/types, readable labels. */
import type { TopicId } from '../types';

export const TOPIC_LABELS: Record<TopicId, string> = {
  'illegal-migration': 'Illegal migration',
  'migrant-smuggling': 'Migrant smuggling',
  'human-trafficking': 'Human trafficking',
  narcotics: 'Narcotics',
  counterterrorism: 'Counterterrorism',
  'border-security': 'Border security',
  'information-sharing': 'Information sharing',
  'law-enforcement-training': 'Law-enforcement training',
  'returns-readmission': 'Returns and readmission',
  'legal-migration': 'Legal migration',
  'organised-crime': 'Organised crime',
  'money-laundering': 'Money laundering',
  cybercrime: 'Cybercrime',
  extradition: 'Extradition',
  'visas-consular': 'Visas and consular affairs',
  'asylum-refugees': 'Asylum and refugees',
  'pilgrim-facilitation': 'Pilgrim facilitation',
};

export const TOPIC_IDS = Object.keys(TOPIC_LABELS) as TopicId[];

export function isTopicId(s: string): s is TopicId {
  return Object.hasOwn(TOPIC_LABELS, s);
}

/** A label for any topic id, including ones added to the taxonomy after this list. */
export function topicLabel(id: string): string {
  if (isTopicId(id)) return TOPIC_LABELS[id];
  const words = id.replace(/^topic:/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
