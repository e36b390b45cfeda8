/**
 * Figures that carry the news: counts of people or things with what happened to them ("1,770 human
 * smugglers arrested"), percentages with what changed ("47% reduction"), and money ("$21 billion").
 * Each figure is rebuilt as a short phrase, not copied as a clause.
 */
import { MONTH_STEM_SOURCE } from '../lexicon/calendar';
import type { Figure } from '../types';
import {
  CHANGE_NOUNS,
  CHANGE_VERBS_RE,
  CURRENCY_PREFIX,
  CURRENCY_WORDS,
  IRREGULAR_PLURALS,
  MASS_UNITS_RE,
  MONEY_NOUNS,
  NOT_FIGURE_NOUNS,
  OUTCOME_VERBS,
  SCALE,
} from './figure-words';

interface Span {
  start: number;
  end: number;
}

const NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE_WORDS = '(?:thousand|lakh|million|crore|billion|trillion|bn|mn|tn)';

// A number just after a month name ("Dec 12") or just before one ("12 December") is part of a date.
const MONTH_BEFORE_RE = new RegExp(`${MONTH_STEM_SOURCE}[a-z]*\\.?\\s+$`);
const MONTH_START_RE = new RegExp(`^${MONTH_STEM_SOURCE}`);

const parseNumber = (s: string): number => Number(s.replace(/,/g, ''));

/** The next few words after `at`, lower-cased, with their end offsets. */
function wordsAfter(text: string, at: number, count: number): { word: string; end: number }[] {
  const out: { word: string; end: number }[] = [];
  const re = /\s*([A-Za-z][A-Za-z'’-]*)/y;
  re.lastIndex = at;
  for (let m = re.exec(text); m && out.length < count; m = re.exec(text)) {
    out.push({ word: m[1], end: re.lastIndex });
  }
  return out;
}

const isPlural = (w: string): boolean =>
  IRREGULAR_PLURALS.has(w.toLowerCase()) || (/^[a-z]+s$/.test(w) && !/(?:ss|us|is)$/.test(w) && w.length > 3);

function percentFigures(text: string, taken: Span[]): Figure[] {
  const out: Figure[] = [];
  const re = new RegExp(`(${NUMBER})\\s?(?:%|per\\s?cent\\b|percent\\b)`, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = parseNumber(m[1]);
    const after = wordsAfter(text, m.index + m[0].length, 5);
    let phrase = `${m[1]}%`;
    const noun = after[0]?.word.toLowerCase();
    if (noun && CHANGE_NOUNS.has(noun)) {
      phrase += ` ${noun}`;
      // "… in illegal crossings": keep what changed, up to two words.
      if (after[1]?.word.toLowerCase() === 'in' && after[2]) {
        const object = after
          .slice(2, 4)
          .filter((w) => /^[a-z]/.test(w.word) && !/^(?:the|a|an|to|of|and|over|by)$/.test(w.word));
        if (object.length && object[0] === after[2]) phrase += ` in ${object.map((w) => w.word).join(' ')}`;
      }
    } else {
      const before = CHANGE_VERBS_RE.exec(text.slice(Math.max(0, m.index - 40), m.index));
      if (before) phrase = `${before[1].toLowerCase()} by ${m[1]}%`;
      else if (noun && /^(?:of|in)$/.test(noun)) continue;
    }
    taken.push({ start: m.index, end: m.index + m[0].length });
    out.push({ text: phrase, value, unit: '%' });
  }
  return out;
}

function moneyFigures(text: string, taken: Span[]): Figure[] {
  const out: Figure[] = [];
  const prefix = new RegExp(
    `(US\\$|\\$|€|£|\\bRs\\.?|\\bPKR|\\bUSD|\\bEUR|\\bGBP|\\bAED|\\bSAR|\\bINR)\\s?(${NUMBER})(?:\\s?(${SCALE_WORDS}|m|b|k)\\b)?`,
    'g',
  );
  for (let m = prefix.exec(text); m; m = prefix.exec(text)) {
    const unit = CURRENCY_PREFIX[m[1].toLowerCase()] ?? m[1].toUpperCase();
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
    const end = m.index + m[0].length;
    const next = wordsAfter(text, end, 1)[0];
    let phrase = m[0].replace(/\s+/g, ' ').trim();
    if (next && MONEY_NOUNS.has(next.word.toLowerCase())) phrase += ` ${next.word.toLowerCase()}`;
    taken.push({ start: m.index, end });
    out.push({ text: phrase, value: parseNumber(m[2]) * scale, unit });
  }
  const words = new RegExp(
    `(${NUMBER})\\s?(${SCALE_WORDS})?\\s+(?:US\\s+)?(dollars|euros|euro|pounds|rupees|dirhams|riyals)\\b`,
    'gi',
  );
  for (let m = words.exec(text); m; m = words.exec(text)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const scale = m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1;
    taken.push({ start: m.index, end: m.index + m[0].length });
    out.push({
      text: m[0].replace(/\s+/g, ' '),
      value: parseNumber(m[1]) * scale,
      unit: CURRENCY_WORDS[m[3].toLowerCase()],
    });
  }
  return out;
}

const overlaps = (taken: Span[], s: number, e: number): boolean => taken.some((t) => s < t.end && e > t.start);

/** The participle that says what happened to the counted things ("… have been arrested"), within a few words. */
function outcome(text: string, from: number): string | null {
  const after = wordsAfter(text, from, 8);
  for (const w of after) {
    const word = w.word.toLowerCase();
    if (OUTCOME_VERBS.has(word)) return word;
    // Stop at the next clause: a verb of saying or a conjunction that starts a new thought.
    if (/^(?:said|says|while|but|which|who|where|during|since)$/.test(word)) return null;
  }
  const clause = text.slice(from, from + 80);
  if (/^[^.;]*?[.;]/.test(clause)) return null;
  return null;
}

function countFigures(text: string, taken: Span[]): Figure[] {
  const out: Figure[] = [];
  const re = new RegExp(
    `(?<![\\w.,$€£/-])(${NUMBER})(?:\\s?(${SCALE_WORDS})\\b)?(?![\\w%/]|\\.\\d|\\s?per\\s?cent|,\\d)`,
    'gi',
  );
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const raw = m[1];
    const value = parseNumber(raw) * (m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1);
    // Years and parts of dates are not figures.
    if (/^(?:19|20)\d{2}$/.test(raw)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    if (MONTH_BEFORE_RE.test(before)) continue;
    const after = wordsAfter(text, end, 4);
    if (!after.length) continue;
    if (MONTH_START_RE.test(after[0].word)) continue;
    if (NOT_FIGURE_NOUNS.has(after[0].word.toLowerCase())) continue;

    const mass = new RegExp(`^\\s?${MASS_UNITS_RE}\\s+of\\s+([a-z]+)`, 'i').exec(text.slice(end, end + 40));
    if (mass) {
      const what = outcome(text, end + mass[0].length);
      const phrase = `${raw}${m[2] ? ` ${m[2]}` : ''} ${mass[0].trim()}${what ? ` ${what}` : ''}`;
      taken.push({ start, end: end + mass[0].length });
      out.push({ text: phrase.replace(/\s+/g, ' '), value, unit: mass[0].trim().split(/\s+/)[0].toLowerCase() });
      continue;
    }

    if (value < 2) continue;
    // Up to two modifiers ("human smugglers", "illegal Afghan migrants") and a plural head noun.
    let nounIdx = -1;
    for (let i = 0; i < Math.min(3, after.length); i++) {
      if (isPlural(after[i].word)) {
        nounIdx = i;
        break;
      }
      if (
        !/^[A-Za-z][a-z'’-]*$/.test(after[i].word) ||
        /^(?:of|and|the|in|to|for|by|at|on|from|with)$/i.test(after[i].word)
      )
        break;
    }
    if (nounIdx < 0) continue;
    const nounPhrase = after
      .slice(0, nounIdx + 1)
      .map((w) => w.word)
      .join(' ');
    const noun = after[nounIdx].word.toLowerCase();
    const what = outcome(text, after[nounIdx].end);
    taken.push({ start, end: after[nounIdx].end });
    out.push({ text: `${raw}${m[2] ? ` ${m[2]}` : ''} ${nounPhrase}${what ? ` ${what}` : ''}`, value, unit: noun });
  }
  return out;
}

/** Figures in `text`, in order of appearance, without repeats (headline bullets restate the lead). */
export function extractFigures(text: string): Figure[] {
  const taken: Span[] = [];
  const found = [...percentFigures(text, taken), ...moneyFigures(text, taken), ...countFigures(text, taken)];
  const positions = new Map<Figure, number>();
  // Keep reading order: find each figure's first number in the text.
  for (const f of found) positions.set(f, text.indexOf(f.text.split(' ')[0].replace(/%$/, '')));
  found.sort((a, b) => (positions.get(a) ?? 0) - (positions.get(b) ?? 0));
  const seen = new Set<string>();
  const out: Figure[] = [];
  for (const f of found) {
    const key = `${f.value ?? f.text}|${f.unit ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
