/** Saved passages: stored with their selectors, searchable by quote, note, title and tags. */
import type { Passage, Result } from '../types';
import { stripPassage, toStoredPassage } from './derive';
import { safeWrite, UserError } from './errors';
import { checkSelection, passageToStore, storableUrl } from './fit';
import { boundedUrl, count, EDITOR_LIMITS } from './limits';
import type { CounterpartDB } from './schema';
import { tokenize, wordsMatch } from './words';

export type PassageInput = Omit<Passage, 'id' | 'createdAt' | 'updatedAt' | 'note' | 'tags'> & {
  note?: string;
  tags?: string[];
};

/** Trimmed, single-spaced, unique regardless of case (the first spelling wins). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.replace(/\s+/g, ' ').trim().slice(0, EDITOR_LIMITS.tag);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  if (out.length > EDITOR_LIMITS.tags) throw new UserError(`A passage can have at most ${EDITOR_LIMITS.tags} tags.`);
  return out;
}

function cleanNote(note: string): string {
  if (note.length > EDITOR_LIMITS.note)
    throw new UserError(`The note is longer than ${count(EDITOR_LIMITS.note)} characters.`);
  return note;
}

/**
 * The page a passage belongs to: without its fragment, so a passage saved at "#top" shows again on the plain url,
 * and bounded like every stored address (`boundedUrl`), so an overlong address finds what was saved under it.
 */
function pageUrl(url: string): string {
  return boundedUrl(url);
}

/**
 * What a passage is stored as, or a UserError: a selection longer than a passage may hold and an address too
 * long to keep are refused (cutting either would store something the reader did not select); the page's labels
 * are cut to the limits.
 */
function passageFor(p: Passage): Passage {
  checkSelection(p.selectors.quote.exact);
  return passageToStore({ ...p, url: storableUrl(p.url, 'passage') });
}

export function savePassage(
  db: CounterpartDB,
  input: PassageInput,
  now: number = Date.now(),
): Promise<Result<Passage>> {
  return safeWrite(async () => {
    if (!input.selectors.quote.exact.trim()) throw new UserError('The selection is empty: select some text to save.');
    const passage = passageFor({
      ...input,
      entityIds: [...new Set(input.entityIds)],
      note: cleanNote(input.note ?? ''),
      tags: cleanTags(input.tags ?? []),
      id: `passage:${crypto.randomUUID()}`,
      createdAt: now,
      updatedAt: now,
    });
    await db.passages.add(toStoredPassage(passage));
    return passage;
  });
}

export function updatePassage(
  db: CounterpartDB,
  id: string,
  patch: { note?: string; tags?: string[] },
  now: number = Date.now(),
): Promise<Result<Passage>> {
  return safeWrite(() =>
    db.transaction('rw', db.passages, async () => {
      const row = await db.passages.get(id);
      if (!row) throw new UserError('This passage is no longer saved.');
      const next = passageToStore({
        ...stripPassage(row),
        ...(patch.note !== undefined ? { note: cleanNote(patch.note) } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        updatedAt: now,
      });
      await db.passages.put(toStoredPassage(next));
      return next;
    }),
  );
}

/** Deletes a passage and returns it, so the UI can offer undo with restorePassage. */
export function deletePassage(db: CounterpartDB, id: string): Promise<Result<Passage>> {
  return safeWrite(() =>
    db.transaction('rw', db.passages, async () => {
      const row = await db.passages.get(id);
      if (!row) throw new UserError('This passage is no longer saved.');
      await db.passages.delete(id);
      return stripPassage(row);
    }),
  );
}

export function restorePassage(db: CounterpartDB, passage: Passage): Promise<Result<Passage>> {
  return safeWrite(async () => {
    const restored = passageFor(passage);
    await db.passages.put(toStoredPassage(restored));
    return restored;
  });
}

/** Passages saved on this page, in reading order. */
export async function passagesForUrl(db: CounterpartDB, url: string): Promise<Passage[]> {
  const rows = await db.passages.where('url').equals(pageUrl(url)).toArray();
  return rows.map(stripPassage).sort((a, b) => a.selectors.position.start - b.selectors.position.start);
}

/** The most recently saved passages. */
export async function recentPassages(db: CounterpartDB, limit = 100, offset = 0): Promise<Passage[]> {
  const rows = await db.passages.orderBy('createdAt').reverse().offset(offset).limit(limit).toArray();
  return rows.map(stripPassage);
}

/** Passages whose quote, note, title or tags contain every word of `text` (the last as a prefix), newest first. */
export async function searchPassages(db: CounterpartDB, text: string, limit = 100): Promise<Passage[]> {
  const tokens = tokenize(text);
  if (tokens.length === 0) return recentPassages(db, limit);
  const last = tokens[tokens.length - 1];
  // The rarest-looking token would be better, but passages number in the thousands, not the millions.
  const rows = await db.passages
    .where('words')
    .startsWith(last)
    .distinct()
    .filter((p) => wordsMatch(p.words, tokens))
    .toArray();
  return rows
    .map(stripPassage)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limit);
}
