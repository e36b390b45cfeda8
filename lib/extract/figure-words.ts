/** Vocabulary for figures ("1,770 human smugglers arrested", "a 47% reduction", "$21 billion"), as data. */

/** Nouns that follow a percentage and say what changed. */
export const CHANGE_NOUNS: ReadonlySet<string> = new Set(
  'reduction drop decline decrease fall increase rise growth surge jump cut share hike dip slump improvement reduction'.split(
    ' ',
  ),
);

/** Verbs that precede "by 47%". */
export const CHANGE_VERBS_RE =
  /\b(fell|dropped|declined|decreased|reduced|increased|rose|grew|surged|jumped|climbed|cut|down|up|plunged|slumped)\s+(?:by\s+)?(?:almost\s+|nearly\s+|about\s+|around\s+|over\s+|more\s+than\s+)?$/i;

/** Past participles that say what happened to counted people or things. */
export const OUTCOME_VERBS: ReadonlySet<string> = new Set(
  (
    'arrested detained deported repatriated returned rescued killed seized apprehended intercepted prosecuted ' +
    'convicted extradited trained registered issued dismantled busted blocked recovered identified removed ' +
    'expelled offloaded stopped caught jailed sentenced charged displaced resettled relocated smuggled trafficked ' +
    'confiscated destroyed recruited deployed granted approved processed processed screened charged'
  ).split(' '),
);

/** Plural nouns that do not end in "s". */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people',
  'personnel',
  'police',
  'staff',
  'children',
  'men',
  'women',
  'youth',
  'cattle',
]);

/** Words after a number that make it a time span or date part, not a figure. */
export const NOT_FIGURE_NOUNS: ReadonlySet<string> = new Set(
  'years year months month days day weeks week hours hour minutes minute decades decade centuries am pm a.m p.m percent per'.split(
    ' ',
  ),
);

/** Money: symbol or code before, scale word after. */
export const CURRENCY_PREFIX: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  rs: 'PKR',
  'rs.': 'PKR',
  pkr: 'PKR',
  inr: 'INR',
  aed: 'AED',
  sar: 'SAR',
};

export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollars: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  pounds: 'GBP',
  rupees: 'PKR',
  dirhams: 'AED',
  riyals: 'SAR',
};

export const SCALE: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  lakh: 1e5,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  crore: 1e7,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Mass units for seizures ("1.2 tonnes of heroin seized"). */
export const MASS_UNITS_RE = '(?:tonnes|tons|tonne|ton|kg|kilograms|kilogrammes|kilos|grams|g)';

/** Nouns that can follow a money figure to say what it is for. */
export const MONEY_NOUNS: ReadonlySet<string> = new Set(
  'aid investment investments trade loan loans grant grants package assistance funding fund budget deal contract'.split(
    ' ',
  ),
);
