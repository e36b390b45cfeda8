/**
 * One pass over UTF-16 char codes that cuts text into word tokens and keeps, per token, its span, a hash of its
 * folded (lowercased, accent-free) form, case flags and the kind of gap that follows it. Everything lives in typed
 * arrays so a 1 MB page costs a few allocations, not one string per word.
 */

export const CAP = 1; // first letter is uppercase
export const UPPER = 2; // every letter is uppercase and there are at least two of them
export const POSS = 4; // a possessive 's / ’s / s' was cut off the end
export const SENT = 8; // first token of a sentence or line
export const LOWER = 16; // first char is a lowercase letter
export const DIGIT = 32; // starts with a digit
export const LINE = 64; // first token of a line

/** What separates a token from the next one. Phrases may only continue across the soft kinds. */
export const GAP_SPACE = 0;
export const GAP_HYPHEN = 1;
export const GAP_ABBR = 2; // "Mr. ", "Gen. ", "J. " — a dot that ends an abbreviation, not a sentence
export const GAP_COMMA = 3;
export const GAP_HARD = 4; // sentence punctuation, quotes, brackets, line breaks, end of text

export interface Tokens {
  n: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  flags: Uint8Array;
  gap: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

// Char classes, one entry per UTF-16 code unit: 1 lowercase letter, 2 uppercase letter, 3 digit, 0 anything else;
// and the folded (lowercase, accent-free) code the hash uses. The Latin range is filled at load; every other block
// of 256 codes is filled the first time text contains one of them, so the scan loop never calls into slow code.
const TABLE_SIZE = 0x250;
const charClass = new Uint8Array(0x10000);
const fold = new Uint16Array(0x10000);
const blockReady = new Uint8Array(0x100);
for (let c = 0; c < TABLE_SIZE; c++) {
  const s = String.fromCharCode(c);
  const lower = s.toLowerCase();
  const base = lower.normalize('NFD').charAt(0);
  fold[c] = base.charCodeAt(0);
  if (c >= 48 && c <= 57) charClass[c] = 3;
  else if (c === 0xd7 || c === 0xf7 || (c > 0x7f && c < 0xc0)) charClass[c] = 0;
  else if (lower !== s.toUpperCase()) charClass[c] = lower === s ? 1 : 2;
}
blockReady[0] = 1;
blockReady[1] = 1;

function isWordChar(c: number): boolean {
  // General punctuation, CJK punctuation, BOM and fullwidth punctuation are separators; the rest counts as letters.
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c === 0xfeff || (c >= 0xff00 && c <= 0xff0f)) return false;
  return true;
}

/** Fills the tables for the 256 codes of block `b` (above the Latin range). */
function fillBlock(b: number): void {
  for (let c = Math.max(b << 8, TABLE_SIZE); c < (b + 1) << 8; c++) {
    const s = String.fromCharCode(c);
    const lower = s.toLowerCase();
    fold[c] = c === 0x2019 ? 0x27 : lower.length === 1 ? lower.charCodeAt(0) : c;
    charClass[c] = !isWordChar(c) ? 0 : s !== lower ? 2 : 1;
  }
  blockReady[b] = 1;
}

/** Folded (lowercase, accent-free) form of one char code, as used by the hash. */
export function foldCode(c: number): number {
  if (c >= TABLE_SIZE && blockReady[c >> 8] === 0) fillBlock(c >> 8);
  return fold[c];
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x200b;
}

/** FNV-1a over folded char codes: the same function hashes text tokens and gazetteer keys. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ foldCode(word.charCodeAt(i)), FNV_PRIME);
  return h;
}

/** The folded form a token hashes to; used to verify hash hits and to key maps in the slow path. */
export function foldWord(text: string, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return s;
}

let pool: Tokens = alloc(4096);

// The text's UTF-16 codes are copied into a reused typed array before scanning. Reading a string with charCodeAt
// costs about three times a typed-array read, and compiles to different code per string representation (flat,
// sliced, cons), so a loop that has seen several of them gets slower still. TextEncoder copies natively; for pure
// ASCII text the UTF-8 bytes are the UTF-16 codes. Two zero codes after the text stand in for "past the end".
const encoder = new TextEncoder();
let charBuf = new Uint16Array(4096);
let byteBuf = new Uint8Array(4096 * 3);

let codesFor: string | null = null;

function codes(text: string): Uint16Array {
  const len = text.length;
  codesFor = text;
  if (charBuf.length < len + 2) charBuf = new Uint16Array(Math.max(len + 2, charBuf.length * 2));
  if (byteBuf.length < len * 3) byteBuf = new Uint8Array(Math.max(len * 3, byteBuf.length * 2));
  const buf = charBuf;
  const written = encoder.encodeInto(text, byteBuf).written;
  if (written === len) buf.set(byteBuf.subarray(0, len));
  else decodeUtf8(text, byteBuf, written, buf);
  buf[len] = 0;
  buf[len + 1] = 0;
  return buf;
}

/**
 * The char codes of `text` if it is the text tokenized last (zero past its end), else null. Lets the matcher
 * check hash hits against typed-array codes instead of calling charCodeAt. Valid until the next tokenize call.
 */
export function textCodes(text: string): Uint16Array | null {
  return codesFor === text ? charBuf : null;
}

/** Folded code per char code; valid for every code in `textCodes()` (its blocks are filled). */
export const foldTable: Uint16Array = fold;

/** Widens UTF-8 back to UTF-16 codes, filling the char tables for every block the text uses. */
function decodeUtf8(text: string, bytes: Uint8Array, n: number, out: Uint16Array): void {
  let j = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      out[j++] = b;
      i++;
      continue;
    }
    let c: number;
    if (b < 0xe0) {
      c = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      c = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      i += 3;
      // A lone surrogate was encoded as U+FFFD: take the original code unit.
      if (c === 0xfffd) c = text.charCodeAt(j);
    } else {
      const cp =
        (((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) -
        0x10000;
      i += 4;
      const hi = 0xd800 + (cp >> 10);
      if (blockReady[hi >> 8] === 0) fillBlock(hi >> 8);
      out[j++] = hi;
      c = 0xdc00 + (cp & 0x3ff);
    }
    if (c >= TABLE_SIZE && blockReady[c >> 8] === 0) fillBlock(c >> 8);
    out[j++] = c;
  }
}

function alloc(cap: number): Tokens {
  return {
    n: 0,
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    hash: new Int32Array(cap),
    flags: new Uint8Array(cap),
    gap: new Uint8Array(cap),
  };
}

function grow(t: Tokens): Tokens {
  const g = alloc(t.start.length * 2);
  g.start.set(t.start);
  g.end.set(t.end);
  g.hash.set(t.hash);
  g.flags.set(t.flags);
  g.gap.set(t.gap);
  g.n = t.n;
  return g;
}

/** A set of int32 hashes as a typed open-addressing table, so probing it boxes nothing. */
interface HashSet32 {
  size: number;
  mask: number;
  keys: Int32Array;
  used: Uint8Array;
}

const abbrCache = new WeakMap<ReadonlySet<number>, HashSet32>();

function slotOf(h: number, mask: number): number {
  return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 13)) & mask;
}

function hashSet32(set: ReadonlySet<number>): HashSet32 {
  let hs = abbrCache.get(set);
  if (hs !== undefined && hs.size === set.size) return hs;
  let cap = 16;
  while (cap < set.size * 2) cap <<= 1;
  const mask = cap - 1;
  const keys = new Int32Array(cap);
  const used = new Uint8Array(cap);
  for (const v of set) {
    // Only int32 values can equal a token hash; anything else can never match.
    if ((v | 0) !== v) continue;
    let x = slotOf(v, mask);
    while (used[x] !== 0 && keys[x] !== v) x = (x + 1) & mask;
    keys[x] = v;
    used[x] = 1;
  }
  hs = { size: set.size, mask, keys, used };
  abbrCache.set(set, hs);
  return hs;
}

function hasHash(hs: HashSet32, h: number): boolean {
  const keys = hs.keys;
  const used = hs.used;
  const mask = hs.mask;
  let x = slotOf(h, mask);
  while (used[x] !== 0) {
    if (keys[x] === h) return true;
    x = (x + 1) & mask;
  }
  return false;
}

/**
 * Tokenizes `text`. `abbreviations` holds hashes of words after which a dot is not a sentence end ("Mr", "Gen").
 * The returned arrays are reused by the next call unless `own` is set: copy what must outlive it.
 * The loop is written for speed: table look-ups for Latin text, no strings built, no per-char calls.
 */
export function tokenize(input: string, abbreviations: ReadonlySet<number>, own = false): Tokens {
  const len = input.length;
  const buf = codes(input);
  // Every block the text uses is filled by now, so the loop reads the tables without range checks.
  const classes = charClass;
  const folded = fold;
  const abbrSet = hashSet32(abbreviations);
  const estimate = (len >> 2) + 16;
  let t = own ? alloc(estimate) : pool;
  if (t.start.length < estimate) t = alloc(estimate);
  let starts = t.start;
  let ends = t.end;
  let hashes = t.hash;
  let flagArr = t.flags;
  let gaps = t.gap;
  let n = 0;
  let i = 0;
  let sentence = true;
  let line = true;
  while (i < len) {
    let c = buf[i];
    let cls = classes[c];
    if (cls === 0 && c !== 0x26) {
      i++;
      continue;
    }
    if (n === starts.length) {
      t.n = n;
      t = grow(t);
      starts = t.start;
      ends = t.end;
      hashes = t.hash;
      flagArr = t.flags;
      gaps = t.gap;
    }
    const k = n++;
    const s = i;
    let end = -1;
    let h = FNV_OFFSET;
    let flags = (sentence ? SENT : 0) | (line ? LINE : 0);
    sentence = false;
    line = false;
    if (cls === 0) {
      // "&" stands alone: titles write "Home Affairs & Migration".
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
    } else {
      flags |= cls === 2 ? CAP : cls === 1 ? LOWER : DIGIT;
      let letters = 0;
      let uppers = 0;
      let seg = 0; // letters since the last internal dot, for dotted acronyms like U.S. and U.A.E.
      for (;;) {
        // The run of word chars; the zero code after the text ends it.
        while (cls !== 0) {
          if (cls === 1) letters++;
          else if (cls === 2) {
            letters++;
            uppers++;
          }
          h = Math.imul(h ^ folded[c], FNV_PRIME);
          seg++;
          c = buf[++i];
          cls = classes[c];
        }
        if (c === 0x27 || c === 0x2019) {
          const n1 = buf[i + 1];
          const n2 = buf[i + 2];
          if ((n1 === 0x73 || n1 === 0x53) && classes[n2] === 0) {
            // Possessive: the token ends before the apostrophe.
            flags |= POSS;
            end = i;
            i += 2;
            break;
          }
          if (n1 !== 0 && classes[n1] !== 0) {
            h = Math.imul(h ^ 0x27, FNV_PRIME);
            i++;
            c = n1;
            cls = classes[n1];
            continue;
          }
          if ((buf[i - 1] | 0x20) === 0x73 && (n1 === 0 || isSpace(n1))) {
            // Plural possessive ("the Philippines' minister").
            flags |= POSS;
            end = i;
            i++;
          }
          break;
        }
        if (c === 0x2e && seg === 1 && uppers === letters) {
          const n1 = buf[i + 1];
          if (n1 < TABLE_SIZE && classes[n1] === 2) {
            const n2 = buf[i + 2];
            if (n2 === 0x2e || classes[n2] === 0) {
              h = Math.imul(h ^ 0x2e, FNV_PRIME);
              seg = 0;
              i++;
              c = n1;
              cls = 2;
              continue;
            }
          }
        }
        break;
      }
      if (letters >= 2 && uppers === letters) flags |= UPPER;
    }
    ends[k] = end >= 0 ? end : i;
    starts[k] = s;
    hashes[k] = h;
    // Common gap: exactly one space, then a word char.
    if (buf[i] === 0x20) {
      const c1 = buf[i + 1];
      if (classes[c1] !== 0 || c1 === 0x26) {
        i++;
        gaps[k] = GAP_SPACE;
        flagArr[k] = flags;
        continue;
      }
    }
    // Classify the gap up to the next token.
    let gap = GAP_SPACE;
    let sawSpace = false;
    let sawHyphen = false;
    let sawDot = false;
    const gapStart = i;
    while (i < len) {
      c = buf[i];
      if (c === 0x20) {
        sawSpace = true;
        i++;
        continue;
      }
      if (classes[c] !== 0 || c === 0x26) break;
      if (isSpace(c)) sawSpace = true;
      else if (isHyphen(c)) sawHyphen = true;
      else if (c === 0x2c) {
        if (gap < GAP_COMMA) gap = GAP_COMMA;
      } else if (c === 0x2e && !sawDot && gap < GAP_COMMA) {
        sawDot = true;
      } else {
        gap = GAP_HARD;
        if (c === 0x0a || c === 0x0d) line = true;
        if (c === 0x0a || c === 0x0d || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b)
          sentence = true;
      }
      i++;
    }
    if (gap < GAP_COMMA) {
      if (sawDot) {
        const abbr = i - gapStart >= 2 && sawSpace && hasHash(abbrSet, h | 0);
        const initial = ends[k] - s === 1 && (flags & CAP) !== 0;
        if ((abbr || initial) && !sawHyphen) gap = GAP_ABBR;
        else {
          gap = GAP_HARD;
          sentence = true;
        }
      } else if (sawHyphen) gap = sawSpace ? GAP_HARD : GAP_HYPHEN;
    }
    if (i >= len) gap = GAP_HARD;
    gaps[k] = gap;
    flagArr[k] = flags;
  }
  t.n = n;
  if (!own) pool = t;
  return t;
}
