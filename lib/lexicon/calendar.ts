/**
 * Month and weekday names: the English months every date reader, the dateline and the figure finder know, the
 * short forms the UI prints, the other languages' months metadata and foreign pages use, and the weekdays.
 */

/** "Jan" … "Dec", in calendar order: what the UI prints, and the stems the date-shaped regexes start with. */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A regex source for the start of an English month name ("Dec", "December" and "Dec." all start with it). */
export const MONTH_STEM_SOURCE = `(?:${MONTH_ABBREVIATIONS.join('|')})`;

/** Month names and the abbreviations outlets use ("Sept.", "Dec"). */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/**
 * The month forms that are short for a longer one ("jan", "sep", "sept"; not "may" or "june"), lower case: a full
 * stop after them need not end a sentence.
 */
export const MONTH_ABBREVIATION_FORMS: readonly string[] = Object.keys(MONTHS).filter((form) =>
  Object.keys(MONTHS).some((other) => other !== form && other.startsWith(form) && MONTHS[other] === MONTHS[form]),
);

/** A regex source matching any month name or abbreviation (with an optional trailing dot). */
export const MONTH_SOURCE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

/**
 * Month names of the other languages news pages are written in, as they appear in a date: French, Spanish,
 * Portuguese, Italian, German, Dutch and Czech (whose dates use the genitive: "1. listopadu 2021"), with the
 * abbreviations outlets print ("déc.", "21.dez.2018"). Keys are lower case, accents kept. English lives in MONTHS.
 */
export const OTHER_MONTHS: Readonly<Record<string, number>> = {
  // French
  janvier: 1,
  janv: 1,
  février: 2,
  fevrier: 2,
  févr: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  déc: 12,
  // Spanish
  enero: 1,
  ene: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  abr: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  ago: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  dic: 12,
  // Portuguese
  janeiro: 1,
  fevereiro: 2,
  fev: 2,
  março: 3,
  marco: 3,
  maio: 5,
  junho: 6,
  julho: 7,
  setembro: 9,
  set: 9,
  outubro: 10,
  out: 10,
  novembro: 11,
  dezembro: 12,
  dez: 12,
  // Italian
  gennaio: 1,
  febbraio: 2,
  aprile: 4,
  maggio: 5,
  giugno: 6,
  luglio: 7,
  settembre: 9,
  ottobre: 10,
  dicembre: 12,
  // German
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  mär: 3,
  juni: 6,
  juli: 7,
  oktober: 10,
  okt: 10,
  dezember: 12,
  // Dutch
  januari: 1,
  februari: 2,
  maart: 3,
  mei: 5,
  augustus: 8,
  // Czech, genitive (as dates are written) and nominative
  ledna: 1,
  leden: 1,
  února: 2,
  únor: 2,
  března: 3,
  březen: 3,
  dubna: 4,
  duben: 4,
  května: 5,
  květen: 5,
  června: 6,
  červen: 6,
  července: 7,
  červenec: 7,
  srpna: 8,
  srpen: 8,
  září: 9,
  října: 10,
  říjen: 10,
  listopadu: 11,
  listopad: 11,
  prosince: 12,
  prosinec: 12,
};

/** Weekdays in the order of `Date.getUTCDay()`, Sunday first. */
export const WEEKDAYS: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** A regex source for the start of a weekday name ("Fri", "Friday"). */
export const WEEKDAY_STEM_SOURCE = `(?:${WEEKDAYS.map((d) => d.slice(0, 3)).join('|')})`;
