/**
 * Paragraph and sentence segmentation with offsets into the original text, so detector mentions (which carry
 * offsets) can be assigned to the sentence that contains them.
 */

export interface Sentence {
  /** Position among all sentences. */
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** Tokens that end with a full stop without ending a sentence ("Mr.", "Gen.", "Dec.", "U.S."). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cdr adm brig sgt cpl sen rep gov st jr sr hon amb rev fr ' +
    'supt insp dept govt no nos vol fig approx est etc vs inc ltd co corp plc rs sh mt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n u.a.e a.m p.m h.e h.h h.r.h'
  ).split(' '),
);

function endsWithAbbreviation(before: string): boolean {
  const m = /(?:^|[\s(“"])([A-Za-z][A-Za-z.]*)$/.exec(before);
  if (!m) return false;
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
      if (b[0].startsWith('.') && endsWithAbbreviation(para.slice(from, b.index))) continue;
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
  if (e > s) out.push({ index: out.length, paragraph, start: s, end: e, text: text.slice(s, e) });
}
