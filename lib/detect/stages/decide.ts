/**
 * Stage 11: the role and country of every person, or null to drop them — known people seen only in
 * non-government roles or on a sports page without a government title, title-only people on a fiction page, and
 * title-only people on a sports page whose titles are all generic heads.
 */
import type { CountryCode } from '../../types';
import type { Gazetteer } from '../gazetteer';
import { currentOffice, type Person } from '../resolve';
import type { ContextCountry } from './context-country';
import type { Offices } from './offices';
import type { PageKind } from './page-kind';
import type { People } from './people';

export interface Decision {
  role: string | null;
  country: CountryCode | null;
}

/** Per person: their role and country, or null when they are no official on this page. */
export type Decisions = Map<Person, Decision | null>;

export function decidePeople(
  g: Gazetteer,
  people: People,
  date: string | null,
  page: PageKind,
  offices: Offices,
  contextCountry: ContextCountry,
): Decisions {
  const { persons, pms } = people;
  const { roleOf } = offices;
  const decided: Decisions = new Map();
  for (const p of persons) {
    const govTitles = p.titles.filter((x) => x.gov);
    const first = pms.find((pm) => pm.person === p);
    if (p.known >= 0) {
      if (govTitles.length > 0) {
        const withCountry = govTitles.find((x) => x.explicit) ?? govTitles[0];
        decided.set(p, {
          role:
            roleOf(govTitles.find((x) => !x.rankOnly) ?? govTitles[0]) ??
            currentOffice(g, p.known, date)?.office ??
            null,
          country: withCountry.explicit ? withCountry.country : (p.country ?? withCountry.country),
        });
      } else if (p.titles.some((x) => x.nongov) || page.isSports()) {
        decided.set(p, null);
      } else {
        const office = currentOffice(g, p.known, date);
        decided.set(p, { role: office?.office ?? null, country: office?.country ?? p.country });
      }
    } else {
      // A sports body's "Unit Head" or "Director" is no official: on a sports page, generic heads are not enough.
      if (page.isFiction() || (page.isSports() && govTitles.every((x) => x.generic))) {
        decided.set(p, null);
        continue;
      }
      const role = roleOf(govTitles.find((x) => !x.rankOnly) ?? govTitles[0]);
      const withCountry = govTitles.find((x) => x.explicit && x.country);
      const at = pms.find((pm) => pm.person === p && pm.title) ?? first;
      // Officials of international organisations have no country unless a title states one.
      const intl = govTitles.length > 0 && govTitles.every((x) => x.intl);
      const ctx = intl ? null : at ? contextCountry(p, at.s) : null;
      decided.set(p, { role, country: withCountry?.country ?? ctx });
    }
  }
  return decided;
}
