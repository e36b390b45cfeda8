/** The reads behind the Timeline tab, each bounded so the popup never loads the whole table. */
import { stripEntity } from '../db/derive';
import type { CounterpartDB } from '../db/schema';
import { type EngagementFilter, queryEngagements, sourcesFor } from '../db/timeline';
import type { EngagementView } from '../messaging/protocol';
import { countryName, nameFromId } from './format';

export const PAGE_SIZE = 50;

export interface TimelinePage {
  items: EngagementView[];
  /** There are more rows after these. */
  more: boolean;
}

/** The newest `limit` engagements matching `filter`, with their sources. Asks for one extra row to know if there are more. */
export async function loadTimelinePage(
  db: CounterpartDB,
  filter: EngagementFilter,
  limit: number,
): Promise<TimelinePage> {
  const rows = await queryEngagements(db, { ...filter, limit: limit + 1, offset: 0 });
  const page = rows.slice(0, limit);
  const sources = await sourcesFor(
    db,
    page.map((e) => e.id),
  );
  return { items: page.map((e) => ({ ...e, sources: sources[e.id] ?? [] })), more: rows.length > limit };
}

export interface Option {
  value: string;
  label: string;
}

export interface FilterOptions {
  people: Option[];
  countries: Option[];
}

/**
 * The people and countries that occur in the timeline, read from index keys only (no rows), for the filter
 * selects. Called when the reader opens the filters, not on first render.
 */
export async function loadFilterOptions(db: CounterpartDB): Promise<FilterOptions> {
  const [personIds, codes] = await Promise.all([
    db.engagements.orderBy('participantIds').uniqueKeys(),
    db.engagements.orderBy('countries').uniqueKeys(),
  ]);
  const ids = personIds.map(String);
  const rows = await db.entities.bulkGet(ids);
  const people = ids
    .map((id, i) => {
      const row = rows[i];
      return { value: id, label: row ? stripEntity(row).name : nameFromId(id) };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  const countries = codes
    .map(String)
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { people, countries };
}

/** The display name of an entity id, from the gazetteer when it is there. */
export async function entityName(db: CounterpartDB, id: string): Promise<string> {
  const row = await db.entities.get(id);
  return row ? stripEntity(row).name : nameFromId(id);
}
