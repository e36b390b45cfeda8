/**
 * The reader's own gazetteer entries (officials and their aliases), edited on the options page. Built-in
 * countries and topics live in code; only what the reader adds or changes is stored.
 */
import { foldForSearch } from '../lexicon/fold';
import type { CountryCode, Entity, EntityKind, Office, OfficialEntity, Result } from '../types';
import { stripEntity, toStoredEntity } from './derive';
import { safeWrite, UserError } from './errors';
import { entityToStore } from './fit';
import { EDITOR_LIMITS } from './limits';
import type { CounterpartDB } from './schema';

const MAX_NAME = EDITOR_LIMITS.officialName;
const MAX_ALIASES = EDITOR_LIMITS.aliases;

/** `official:<slug>`, the id scheme of lib/types.ts: lowercase ASCII words joined by dashes. */
export function officialId(name: string): string {
  const slug = foldForSearch(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `official:${slug}`;
}

function cleanName(name: string, what: string): string {
  const n = name.replace(/\s+/g, ' ').trim();
  if (!n) throw new UserError(`The ${what} is empty.`);
  if (n.length > MAX_NAME) throw new UserError(`The ${what} is longer than ${MAX_NAME} characters.`);
  return n;
}

/** Aliases trimmed, without the name itself and without case-insensitive duplicates. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const a of aliases) {
    const t = a.replace(/\s+/g, ' ').trim();
    if (!t || t.length > MAX_NAME || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  if (out.length > MAX_ALIASES) throw new UserError(`An entry can have at most ${MAX_ALIASES} aliases.`);
  return out;
}

export async function listEntities(db: CounterpartDB, kind?: EntityKind): Promise<Entity[]> {
  const rows = kind ? await db.entities.where('kind').equals(kind).toArray() : await db.entities.toArray();
  return rows.map(stripEntity).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getEntity(db: CounterpartDB, id: string): Promise<Entity | null> {
  const row = await db.entities.get(id);
  return row ? stripEntity(row) : null;
}

/** Entities known by this exact name or alias, case-insensitively. */
export async function findEntitiesByName(db: CounterpartDB, name: string): Promise<Entity[]> {
  const rows = await db.entities.where('aliasKeys').equals(name.trim().toLowerCase()).toArray();
  return rows.map(stripEntity);
}

export interface OfficialInput {
  name: string;
  aliases?: string[];
  country?: CountryCode;
  offices?: Office[];
}

export function addOfficial(db: CounterpartDB, input: OfficialInput): Promise<Result<OfficialEntity>> {
  return safeWrite(() =>
    db.transaction('rw', db.entities, async () => {
      const name = cleanName(input.name, 'name');
      const entity = entityToStore<OfficialEntity>({
        kind: 'official',
        id: officialId(name),
        name,
        aliases: cleanAliases(name, input.aliases ?? []),
        offices: input.offices ?? [],
        ...(input.country ? { country: input.country } : {}),
      });
      if (await db.entities.get(entity.id)) throw new UserError(`${name} is already in your gazetteer.`);
      const clash = await db.entities.where('aliasKeys').equals(name.toLowerCase()).first();
      if (clash) throw new UserError(`"${name}" is already a name or alias of ${clash.name}.`);
      await db.entities.add(toStoredEntity(entity));
      return entity;
    }),
  );
}

/** Changes name, aliases, country or offices; the id stays, so engagements that point to it stay linked. */
export function updateOfficial(
  db: CounterpartDB,
  id: string,
  patch: Partial<Pick<OfficialEntity, 'name' | 'aliases' | 'country' | 'offices'>>,
): Promise<Result<OfficialEntity>> {
  return safeWrite(() =>
    db.transaction('rw', db.entities, async () => {
      const row = await db.entities.get(id);
      if (row?.kind !== 'official') throw new UserError('This official is no longer in your gazetteer.');
      const current = stripEntity(row) as OfficialEntity;
      const name = patch.name !== undefined ? cleanName(patch.name, 'name') : current.name;
      const next = entityToStore<OfficialEntity>({
        ...current,
        ...patch,
        name,
        aliases: cleanAliases(name, patch.aliases ?? current.aliases),
      });
      await db.entities.put(toStoredEntity(next));
      return next;
    }),
  );
}

/** Adds or replaces any entity as is (e.g. a restored one, or a topic keyword override). */
export function putEntity(db: CounterpartDB, entity: Entity): Promise<Result<Entity>> {
  return safeWrite(async () => {
    const row = entityToStore(entity);
    await db.entities.put(toStoredEntity(row));
    return row;
  });
}

/** Removes an entity and returns it, so the editor can offer undo through putEntity. Engagements keep their names. */
export function removeEntity(db: CounterpartDB, id: string): Promise<Result<Entity>> {
  return safeWrite(() =>
    db.transaction('rw', db.entities, async () => {
      const row = await db.entities.get(id);
      if (!row) throw new UserError('This entry is no longer in your gazetteer.');
      await db.entities.delete(id);
      return stripEntity(row);
    }),
  );
}

export function addAlias(db: CounterpartDB, id: string, alias: string): Promise<Result<Entity>> {
  return editAliases(db, id, (aliases) => [...aliases, cleanName(alias, 'alias')]);
}

export function removeAlias(db: CounterpartDB, id: string, alias: string): Promise<Result<Entity>> {
  const key = alias.trim().toLowerCase();
  return editAliases(db, id, (aliases) => aliases.filter((a) => a.toLowerCase() !== key));
}

function editAliases(db: CounterpartDB, id: string, edit: (aliases: string[]) => string[]): Promise<Result<Entity>> {
  return safeWrite(() =>
    db.transaction('rw', db.entities, async () => {
      const row = await db.entities.get(id);
      if (!row) throw new UserError('This entry is no longer in your gazetteer.');
      const current = stripEntity(row);
      if (current.kind === 'topic') throw new UserError('Topics have keywords, not aliases.');
      const next = entityToStore({ ...current, aliases: cleanAliases(current.name, edit(current.aliases)) });
      await db.entities.put(toStoredEntity(next));
      return next;
    }),
  );
}
