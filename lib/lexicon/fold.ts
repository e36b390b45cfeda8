/**
 * Folding text before comparing it. There are two folds, on purpose:
 * - `foldForSearch` is the stored side's: the search index, the same-event check's names and places, and the ids
 *   of the reader's officials. Compatibility decomposition (NFKD) also opens ligatures and full-width forms, and
 *   every combining mark goes, so whatever the reader types finds the row.
 * - `stripAccents` is the detector's: a gazetteer phrase must fold exactly as the tokenizer folds a character of
 *   the page (`tokenize.ts` keeps the first code of a letter's NFD form), so it drops only the combining
 *   diacritics block, after a canonical decomposition.
 */

/** "Quintín" → "quintin", "ﬁnal" → "final": lower case, no marks, compatibility forms opened. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** "Quintín" → "Quintin": the combining diacritics (U+0300–U+036F) of the NFD form dropped; case is kept. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
