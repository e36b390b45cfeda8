/**
 * A city as the UI and the place field write it. Datelines and some outlets print cities in capitals
 * ("ISLAMABAD", "NEW DELHI"); the dateline reader and the place finder both bring them back to the usual casing.
 */

/** "ISLAMABAD" → "Islamabad", "NEW DELHI" → "New Delhi", "SHARM EL-SHEIKH" → "Sharm El-Sheikh"; title-case input is kept. */
export function cityName(city: string): string {
  if (city !== city.toUpperCase()) return city;
  return city.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
