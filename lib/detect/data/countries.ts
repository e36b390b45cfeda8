/**
 * Corrections and additions to the `world-countries` package for reading English news. The package gives names,
 * official names, alternative spellings, capitals and demonyms; news needs a few more forms (England → GB,
 * "Saudi" → SA) and must drop forms that are ordinary English words or people's names ("Island", "Douglas").
 */
import { cityNamesByCountry } from '../../lexicon/cities';
import type { CountryCode } from '../../types';

/** Display names that read better in news than the package's common name. */
export const COUNTRY_NAME_OVERRIDES: Record<CountryCode, string> = {
  TR: 'Turkey',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
};

/** Extra names per country (name-like forms). */
export const EXTRA_COUNTRY_NAMES: Record<CountryCode, string[]> = {
  GB: ['Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'U.K.', 'United Kingdom'],
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America'],
  AE: ['U.A.E.', 'UAE', 'Emirates', 'United Arab Emirates'],
  SA: ['Saudi', 'KSA', 'Kingdom of Saudi Arabia'],
  TR: ['Türkiye', 'Turkiye', 'Turkey', 'Republic of Türkiye'],
  CD: ['Congo', 'DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Congo-Kinshasa'],
  CG: ['Republic of Congo', 'Congo-Brazzaville'],
  CZ: ['Czech Republic'],
  MK: ['Macedonia'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  CV: ['Cabo Verde'],
  PS: ['Palestinian territories', 'Gaza', 'West Bank', 'Gaza Strip'],
  KR: ['Korea', 'Republic of Korea'],
  KP: ['DPRK'],
  VA: ['Holy See', 'Vatican'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  NL: ['Holland'],
  CN: ['PRC', "People's Republic of China"],
  PG: ['New Guinea'],
  ZA: ['RSA'],
  IR: ['Islamic Republic of Iran'],
  RU: ['Russian Federation'],
};

/** Extra demonyms (adjectives and plural nouns for people) per country. */
export const EXTRA_DEMONYMS: Record<CountryCode, string[]> = {
  // Not "English": far more often the language or an English (not British) side than the state.
  GB: ['British', 'Briton', 'Britons', 'Scottish', 'Welsh'],
  US: ['American', 'Americans', 'US-based'],
  SA: ['Saudi', 'Saudis'],
  AE: ['Emirati', 'Emiratis'],
  TR: ['Turkish', 'Turks'],
  AF: ['Afghan', 'Afghans', 'Afghani'],
  PK: ['Pakistani', 'Pakistanis'],
  NL: ['Dutch'],
  CH: ['Swiss'],
  FR: ['French'],
  IN: ['Indian', 'Indians'],
  DO: ['Dominican'],
  CD: ['Congolese'],
  PH: ['Filipino', 'Filipinos', 'Philippine'],
  BD: ['Bangladeshi', 'Bangladeshis'],
  LK: ['Sri Lankan', 'Sri Lankans'],
  KR: ['South Korean', 'South Koreans', 'Korean'],
  CZ: ['Czech'],
  EC: ['Ecuadorian', 'Ecuadorians'],
  MV: ['Maldivian', 'Maldivians'],
  KG: ['Kyrgyz'],
  TJ: ['Tajik'],
  KZ: ['Kazakh'],
  UZ: ['Uzbek'],
  SI: ['Slovenian'],
  SK: ['Slovakian'],
  AR: ['Argentinian'],
  AZ: ['Azeri'],
  LA: ['Laotian'],
  SR: ['Surinamese'],
  EU: [],
};

/** Main cities that news uses as datelines or places, beyond capitals (recorded as places): `lexicon/cities.ts`. */
export const EXTRA_PLACES: Readonly<Record<CountryCode, readonly string[]>> = cityNamesByCountry('detector');

/**
 * Surface forms from the package that must not be matched at all: ordinary words, people's names, capitals
 * shared with better-known places, and two- or three-letter codes that are English words ("IN", "IT", "TO").
 */
export const EXCLUDED_FORMS: ReadonlySet<string> = new Set(
  [
    'Island',
    'Mann',
    'Prathet',
    'The Valley',
    'Hamilton',
    'Stanley',
    'Douglas',
    'Plymouth',
    'Jamestown',
    'Victoria',
    'City of Victoria',
    'West Island',
    'Saint-Denis',
    'George Town',
    'Kingston',
    'the Abode of Peace',
    'Pleasant Island',
    'Timor',
    'Nijar',
    'Guiana',
    'Republic of China',
    'Washington D.C.',
    'Zhonghua',
    'Mexicanos',
    'Portuguesa',
    'Togolese',
    'American Islander',
    'Channel Islander',
    'Virgin Islander',
    'French Southern Territories',
  ].map((s) => s.toLowerCase()),
);

/** Short all-caps codes that are safe to match (exact case only). */
export const ALLOWED_CODES: ReadonlySet<string> = new Set([
  'US',
  'USA',
  'UK',
  'UAE',
  'DRC',
  'KSA',
  'PRC',
  'DPRK',
  'ROK',
  'RSA',
]);

/**
 * Territories that are rarely the country meant in this genre and collide with common words or places;
 * they stay out of the gazetteer entirely.
 */
export const EXCLUDED_COUNTRIES: ReadonlySet<CountryCode> = new Set(['UM', 'BV', 'HM', 'AQ', 'TF', 'IO', 'SJ']);

/** Where a form belongs to several countries, which one news means. */
export const PREFERRED_FOR_FORM: Record<string, CountryCode> = {
  congo: 'CD',
  congolese: 'CD',
  dominican: 'DO',
  american: 'US',
  french: 'FR',
  dutch: 'NL',
  indian: 'IN',
  norwegian: 'NO',
  korean: 'KR',
  oranjestad: 'AW',
  samoan: 'WS',
};

/**
 * Context rules for forms that are also people, places elsewhere or ordinary words. All forms already need a
 * capital letter; these add what the words around the match must (not) look like.
 */
export interface AmbiguityRule {
  /** Reject when the next word is one of these (lowercase): "Niger Delta", "guinea pig". */
  rejectNext?: string[];
  /** Reject when the previous word is one of these: "Atlanta, Georgia", "fine China". */
  rejectPrev?: string[];
  /** Reject when a capitalised, non-gazetteer word sits right before or after: "Michael Jordan", "Jordan Henderson". */
  rejectNameNeighbour?: boolean;
  /** Keep only when one of these words also appears somewhere in the text. */
  corroborate?: string[];
  /** Reject when one of these words appears within a few words around the match. */
  contra?: string[];
  /** Reject when the match starts a sentence and nothing corroborates it. */
  rejectAtSentenceStart?: boolean;
}

const PERSON_NAME_RULE: AmbiguityRule = {
  rejectNameNeighbour: true,
  contra: [
    'basketball',
    'nba',
    'bulls',
    'sneakers',
    'sneaker',
    'singer',
    'actor',
    'rapper',
    'striker',
    'quarterback',
    'documentary',
    'playoffs',
    'dunk',
    'michael',
  ],
  // A person's verbs right after the word: "Jordan said he was tired", "Chad scored twice".
  rejectNext: [
    'said',
    'says',
    'scored',
    'told',
    'added',
    'recalled',
    'smiled',
    'laughed',
    'joined',
    'played',
    'shot',
    'dunked',
    'remembers',
    'recalls',
    'admitted',
    'himself',
    'herself',
    'brand',
    'documentary',
    'film',
  ],
};

export const AMBIGUOUS_FORMS: Record<string, AmbiguityRule> = {
  jordan: PERSON_NAME_RULE,
  chad: PERSON_NAME_RULE,
  georgia: {
    rejectNameNeighbour: true,
    rejectPrev: ['atlanta', 'savannah', 'augusta', 'athens', 'rome', 'macon', 'columbus', 'albany'],
    rejectNext: ['state', 'tech', 'senate', 'governor', 'bulldogs', 'republicans', 'democrats', 'voters', 'county'],
    contra: ['atlanta', 'savannah', 'macon', 'peach state', 'us state', 'u.s. state'],
    corroborate: ['tbilisi', 'georgian', 'georgians', 'caucasus', 'abkhazia', 'ossetia', 'armenia', 'azerbaijan'],
  },
  turkey: {
    rejectNext: ['sandwich', 'breast', 'dinner', 'meat', 'burger', 'bacon', 'leg', 'legs', 'roast', 'farm', 'farms'],
    contra: ['thanksgiving', 'roast', 'stuffing', 'gravy', 'recipe', 'poultry', 'oven', 'christmas dinner'],
  },
  china: {
    rejectPrev: ['fine', 'bone', 'the fine'],
    rejectNext: ['plates', 'plate', 'cabinet', 'dishes', 'set', 'cups', 'teacups', 'shop'],
    contra: ['porcelain', 'tableware', 'crockery', 'antique', 'dinnerware'],
  },
  niger: { rejectNext: ['delta', 'river', 'state'] },
  guinea: { rejectNext: ['pig', 'pigs', 'fowl', 'fowls', 'worm', 'worms'] },
  mali: { rejectNameNeighbour: true },
  iceland: {
    rejectNext: ['foods', 'food', 'store', 'stores', 'supermarket', 'supermarkets', 'frozen'],
    contra: ['supermarket', 'frozen', 'retailer', 'shoppers', 'grocer'],
  },
  male: { corroborate: ['maldives', 'maldivian', 'maldivians'] },
  malé: { corroborate: ['maldives', 'maldivian', 'maldivians'] },
  washington: {
    rejectNameNeighbour: true,
    rejectNext: ['post', 'state', 'times', 'nationals', 'commanders', 'wizards', 'capitals', 'university'],
  },
  sofia: { rejectNameNeighbour: true },
  paris: { rejectNameNeighbour: true, rejectNext: ['saint-germain', 'agreement', 'club'] },
  lima: { rejectNameNeighbour: true },
  santiago: { rejectNameNeighbour: true, corroborate: ['chile', 'chilean', 'chileans'] },
  'san josé': { corroborate: ['costa rica', 'costa rican'] },
  georgetown: { corroborate: ['guyana', 'guyanese'] },
  'san juan': { corroborate: ['puerto rico', 'puerto rican'] },
  jersey: { rejectPrev: ['new'], contra: ['shirt', 'kit', 'football', 'sleeve', 'wore', 'wearing', 'fans'] },
  guernsey: { rejectNameNeighbour: true },
  america: { rejectPrev: ['latin', 'south', 'north', 'central', 'of'] },
  emirates: { rejectNext: ['airline', 'airlines', 'stadium', 'cup', 'flight', 'flights'] },
  panama: { rejectNext: ['papers', 'canal', 'hat', 'hats'] },
  korea: { rejectPrev: ['north', 'south'] },
  israel: { rejectNameNeighbour: true },
  cuba: { rejectNameNeighbour: true },
  kuwait: {},
  jamaica: { rejectNext: ['plain', 'road', 'avenue'] },
  eritrea: {},
  dominica: {},
  congo: { rejectNext: ['river', 'basin'] },
  // US towns named after capitals: "Athens, Georgia", "Rome, New York".
  athens: {
    contra: ['georgia', 'ohio', 'tennessee', 'alabama', 'texas'],
    corroborate: ['greece', 'greek', 'greeks', 'hellenic', 'piraeus', 'acropolis', 'eu', 'european'],
  },
  rome: { contra: ['georgia', 'new york state', 'upstate'] },
};

/**
 * Phrases that contain a country form but do not mean the country; matching them first (longest match wins)
 * keeps "Mexico" out of "New Mexico" and "America" out of "Latin America".
 */
export const NON_COUNTRY_PHRASES: string[] = [
  'New Mexico',
  'New Jersey',
  'Latin America',
  'South America',
  'North America',
  'Central America',
  'Indian Ocean',
  'Indian Premier League',
  'Native American',
  'Native Americans',
  'American Express',
  'Turkish Airlines',
  'Turkish delight',
  'French fries',
  'Dutch courage',
  'Swiss cheese',
  'Jordan River',
  'Jordan Valley',
  'Georgia Tech',
  'Irish Sea',
  'English Channel',
  'Indian Ocean region',
  'Emirates Stadium',
  'Paris Agreement',
  'Panama Papers',
  'Panama Canal',
  'Washington Post',
  'Chinese New Year',
  'Arab Spring',
  'Persian Gulf',
  'Japanese knotweed',
  // Food and everyday things named after a country.
  'Brussels sprouts',
  'Brussels sprout',
  'Greek yogurt',
  'Greek yoghurt',
  'Greek salad',
  'Spanish onion',
  'Spanish onions',
  'Spanish omelette',
  'French toast',
  'French dressing',
  'French bread',
  'French press',
  'Italian dressing',
  'Turkish coffee',
  'Danish pastry',
  'Belgian waffles',
  'Belgian waffle',
  'Swiss chard',
  'Swiss army knife',
  'Brazil nuts',
  'Chinese cabbage',
  'Canadian bacon',
  'Israeli couscous',
  'Mexican wave',
  'Brent crude',
];
