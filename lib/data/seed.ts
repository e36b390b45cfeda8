/**
 * The facts Counterpart starts with (from ../shared/seeds/FACTS.md): three officials and the two Brussels
 * meetings of December 2025. Facts only; no publisher's sentences. Ids are stable so seeding is idempotent.
 */
import type { Engagement, OfficialEntity, Source } from '../types';

export const SEED_OFFICIALS: OfficialEntity[] = [
  {
    kind: 'official',
    id: 'official:mohsin-naqvi',
    name: 'Mohsin Naqvi',
    aliases: ['Syed Mohsin Naqvi', 'Mohsin Raza Naqvi'],
    country: 'PK',
    offices: [
      { office: 'Federal Minister for Interior and Narcotics Control', country: 'PK', from: '2024-03-11' },
      { office: 'Chairman of the Pakistan Cricket Board', country: 'PK', from: '2024-02-06' },
    ],
  },
  {
    kind: 'official',
    id: 'official:magnus-brunner',
    name: 'Magnus Brunner',
    aliases: [],
    country: 'EU',
    offices: [{ office: 'European Commissioner for Home Affairs and Migration', country: 'EU', from: '2024-12-01' }],
  },
  {
    kind: 'official',
    id: 'official:bernard-quintin',
    name: 'Bernard Quintin',
    aliases: ['Bernard Quinten'],
    country: 'BE',
    offices: [{ office: 'Minister of the Interior', country: 'BE', from: '2025-02-03' }],
  },
];

const created = Date.UTC(2025, 11, 12);

export const SEED_ENGAGEMENTS: Engagement[] = [
  {
    id: 'seed:2025-12-naqvi-brunner',
    kind: 'meeting',
    participants: [
      {
        name: 'Mohsin Naqvi',
        entityId: 'official:mohsin-naqvi',
        role: 'Federal Minister for Interior and Narcotics Control',
        country: 'PK',
      },
      {
        name: 'Magnus Brunner',
        entityId: 'official:magnus-brunner',
        role: 'Commissioner for Home Affairs and Migration',
        country: 'EU',
      },
    ],
    participantIds: ['official:magnus-brunner', 'official:mohsin-naqvi'],
    countries: ['PK', 'EU'],
    countryPairs: ['EU|PK'],
    place: 'Brussels',
    date: '2025-12-11',
    datePrecision: 'approximate',
    topics: [
      'illegal-migration',
      'human-trafficking',
      'migrant-smuggling',
      'narcotics',
      'information-sharing',
      'counterterrorism',
    ],
    figures: [
      { text: '1,770 smugglers and agents arrested in Pakistan in 2025', value: 1770 },
      { text: '47% fewer attempts to reach Europe by illegal routes', value: 47, unit: '%' },
    ],
    summary: 'Pakistani Interior Minister Mohsin Naqvi met EU Home Affairs Commissioner Magnus Brunner in Brussels.',
    origin: 'seed',
    createdAt: created,
    updatedAt: created,
  },
  {
    id: 'seed:2025-12-12-naqvi-quintin',
    kind: 'meeting',
    participants: [
      {
        name: 'Mohsin Naqvi',
        entityId: 'official:mohsin-naqvi',
        role: 'Federal Minister for Interior and Narcotics Control',
        country: 'PK',
      },
      { name: 'Bernard Quintin', entityId: 'official:bernard-quintin', role: 'Interior Minister', country: 'BE' },
    ],
    participantIds: ['official:bernard-quintin', 'official:mohsin-naqvi'],
    countries: ['PK', 'BE'],
    countryPairs: ['BE|PK'],
    place: 'Brussels',
    date: '2025-12-12',
    datePrecision: 'day',
    topics: [
      'illegal-migration',
      'migrant-smuggling',
      'human-trafficking',
      'information-sharing',
      'counterterrorism',
      'narcotics',
      'law-enforcement-training',
      'organised-crime',
    ],
    figures: [],
    summary: 'Pakistani Interior Minister Mohsin Naqvi met Belgian Interior Minister Bernard Quintin in Brussels.',
    origin: 'seed',
    createdAt: created,
    updatedAt: created,
  },
];

export const SEED_SOURCES: Source[] = [
  {
    id: 'seed-source:pakistantoday-2025-12-11',
    engagementId: 'seed:2025-12-naqvi-brunner',
    url: 'https://www.pakistantoday.com.pk/2025/12/11/eu-hails-pakistans-exemplary-crackdown-as-naqvi-brunner-reaffirm-joint-front-against-illegal-migration',
    outlet: 'Pakistan Today',
    title: null,
    published: '2025-12-11',
    capturedAt: created,
  },
  {
    id: 'seed-source:islamabadmail-belgium',
    engagementId: 'seed:2025-12-12-naqvi-quintin',
    url: 'https://islamabadmail.com/pakistan-belgium-security-cooperation',
    outlet: 'Islamabad Mail',
    title: null,
    published: '2025-12-12',
    capturedAt: created,
  },
];
