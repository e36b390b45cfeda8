/**
 * Labels that come from a page or a backup (outlet, title) are shown as text, but text can still lie: bidi
 * overrides reverse what follows them ("moc.elgoog" reads as a trusted outlet) and zero-width characters hide
 * inside names. They are taken out before display, and the label is kept to a length a line can hold.
 */

// Bidi embeddings, overrides and isolates, the directional marks, zero-width characters, the BOM and soft hyphen.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Longest label shown; longer ones end in an ellipsis. */
export const MAX_LABEL_CHARS = 200;

export function cleanLabel(label: string | null | undefined, max: number = MAX_LABEL_CHARS): string {
  if (!label) return '';
  const clean = label.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}
