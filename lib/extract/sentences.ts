/**
 * Paragraph and sentence segmentation with offsets into the original text, so detector mentions (which carry
 * offsets) can be assigned to the sentence that contains them.
 */
import { MONTH_ABBREVIATION_FORMS } from '../lexicon/calendar';

export interface Sentence {
  /** Position among all sentences. */
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Tokens that end with a full stop without ending a sentence ("Mr.", "Gen.", "Dec.", "U.S."). Wider than the
 * detector's `ABBREVIATIONS` (data/roles.ts): the tokenizer reads those dots as soft gaps, so a phrase may run on
 * across them ("Gen. Asim Munir"), which "etc." or "Dec." must not do.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...(
    'mr mrs ms dr prof gen lt col maj capt cdr adm brig sgt cpl sen rep gov st jr sr hon amb rev fr ' +
    'supt insp dept govt no nos vol fig approx est etc vs inc ltd co corp plc rs sh mt ' +
    'e.g i.e u.s u.k u.n u.a.e a.m p.m h.e h.h h.r.h'
  ).split(' '),
  ...MONTH_ABBREVIATION_FORMS,
]);

/**
 * Longest sentence the extractor reads as one. Clause bounds, cue and date searches look back and ahead within a
 * sentence, so their cost grows with the square of its length; real sentences stay under 1,500 characters (the
 * longest in the real-news and real-page sets), and a page that never writes a full stop must not cost minutes.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Longest abbreviation token looked at before a full stop ("h.r.h", "approx"); longer tokens are words. */
const ABBREVIATION_WINDOW = 16;

/** Whether `para` ends with an abbreviation just before `at`, looking at most one short window back. */
function endsWithAbbreviation(para: string, from: number, at: number): boolean {
  const start = Math.max(from, at - ABBREVIATION_WINDOW);
  const m = /(?:^|[\s(“"])([A-Za-z][A-Za-z.]*)$/.exec(para.slice(start, at));
  if (!m) return false;
  // The token runs on before the window: a long word, never an abbreviation.
  if (m.index === 0 && start > from && /[A-Za-z.]/.test(para[start - 1]) && /^[A-Za-z]/.test(m[0])) return false;
  const token = m[1].toLowerCase();
  // A lone capital ("M. Naqvi") is an initial.
  if (/^[a-z]$/.test(token)) return true;
  return ABBREVIATIONS.has(token) || ABBREVIATIONS.has(token.replace(/\.$/, ''));
}

/** Splits `text` into sentences; paragraph breaks (any newline) always end a sentence. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paraRe = /[^\n]+/g;
  let paragraph = 0;
  for (let p = paraRe.exec(text); p; p = paraRe.exec(text)) {
    if (!p[0].trim()) continue;
    const base = p.index;
    const para = p[0];
    const boundary = /[.!?]+["”’')\]]*(?=\s+["“‘(]?[A-Z0-9])/g;
    let from = 0;
    for (let b = boundary.exec(para); b; b = boundary.exec(para)) {
      const stop = b.index + b[0].length;
      if (b[0].startsWith('.') && endsWithAbbreviation(para, from, b.index)) continue;
      push(out, text, base + from, base + stop, paragraph);
      from = stop;
    }
    push(out, text, base + from, base + para.length, paragraph);
    paragraph++;
  }
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  // An over-long sentence is read as pieces cut at its last clause break (or space) before the limit.
  while (e - s > MAX_SENTENCE_CHARS) {
    const cut = safeCut(text, s, s + MAX_SENTENCE_CHARS);
    push(out, text, s, cut, paragraph);
    s = cut;
    while (s < e && /\s/.test(text[s])) s++;
  }
  if (e > s) out.push({ index: out.length, paragraph, start: s, end: e, text: text.slice(s, e) });
}

/** Where to cut [start, limit): after the last "; " or ", " in its second half, else the last space, else at the limit. */
function safeCut(text: string, start: number, limit: number): number {
  const half = start + Math.floor((limit - start) / 2);
  // Searched within the window only: a lastIndexOf over the whole text would run back to its start every cut.
  const window = text.slice(half, limit);
  for (const mark of ['; ', ', ', ' ']) {
    const at = window.lastIndexOf(mark);
    if (at >= 0) return half + at + mark.length - 1;
  }
  return limit;
}
