/** The topic taxonomy (DESIGN.md): stable ids and the labels readers see. Every module takes them from here. */
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

export const TOPIC_IDS = Object.keys(TOPIC_LABELS) as [TopicId, ...TopicId[]];

export function isTopicId(s: string): s is TopicId {
  return Object.hasOwn(TOPIC_LABELS, s);
}
