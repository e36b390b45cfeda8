/** The gazetteer editor's form for one official, and its checks. Pure. */
import { choiceLabel, countryChoice, resolveCountry } from '../db/country-names';
import type { CountryCode, Office, OfficialEntity } from '../types';
import { rowKey } from './draft-form';
import { splitList } from './format';

export interface OfficeRow {
  key: string;
  office: string;
  /** The country as typed or picked ("Belgium", "BE", "Belgium (BE)"); resolved exactly on save. */
  country: string;
  from: string;
  to: string;
}

export interface OfficialForm {
  name: string;
  /** One alias per line or comma-separated. */
  aliases: string;
  /** As typed or picked; see `OfficeRow.country`. */
  country: string;
  offices: OfficeRow[];
}

/** A stored code as the picker shows it ("Belgium (BE)"); a code the picker does not list stays as it is. */
export function countryText(code: CountryCode | undefined): string {
  if (!code) return '';
  const choice = countryChoice(code);
  return choice ? choiceLabel(choice) : code;
}

export function emptyOfficeRow(): OfficeRow {
  return { key: rowKey(), office: '', country: '', from: '', to: '' };
}

export function emptyOfficialForm(): OfficialForm {
  return { name: '', aliases: '', country: '', offices: [emptyOfficeRow()] };
}

export function officialToForm(o: OfficialEntity): OfficialForm {
  return {
    name: o.name,
    aliases: o.aliases.join('\n'),
    country: countryText(o.country),
    offices: o.offices.map((f) => ({
      key: rowKey(),
      office: f.office,
      country: countryText(f.country),
      from: f.from ?? '',
      to: f.to ?? '',
    })),
  };
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The code of a typed country, '' when the field is empty, or the resolver's reason (prefixed with `what`). */
function countryField(text: string, what: string, errors: string[]): string {
  if (!text.trim()) return '';
  const r = resolveCountry(text);
  if (r.ok) return r.code;
  errors.push(`${what}: ${r.error}`);
  return '';
}

export interface OfficialFields {
  name: string;
  aliases: string[];
  country?: string;
  offices: Office[];
}

export type OfficialFormResult = { ok: true; value: OfficialFields } | { ok: false; errors: string[] };

export function formToOfficial(form: OfficialForm): OfficialFormResult {
  const errors: string[] = [];
  const name = form.name.replace(/\s+/g, ' ').trim();
  if (!name) errors.push('Enter the official’s name.');
  const country = countryField(form.country, 'Country', errors);
  const offices: Office[] = [];
  form.offices.forEach((r, i) => {
    const office = r.office.trim();
    const from = r.from.trim();
    const to = r.to.trim();
    if (!office && !from && !to && !r.country.trim()) return;
    const n = i + 1;
    const oc = countryField(r.country, `Office ${n} country`, errors);
    if (!office) errors.push(`Office ${n} has no title.`);
    if (from && !DATE.test(from)) errors.push(`Office ${n}: "from" must look like 2024-03-11 (or 2024-03, 2024).`);
    if (to && !DATE.test(to)) errors.push(`Office ${n}: "to" must look like 2024-03-11 (or 2024-03, 2024).`);
    if (from && to && DATE.test(from) && DATE.test(to) && from > to) errors.push(`Office ${n} ends before it starts.`);
    const o: Office = { office };
    const c = oc || country;
    if (c) o.country = c;
    if (from) o.from = from;
    if (to) o.to = to;
    offices.push(o);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { name, aliases: splitList(form.aliases), offices, ...(country ? { country } : {}) },
  };
}
