/** The gazetteer editor's form for one official, and its checks. Pure. */
import type { Office, OfficialEntity } from '../types';
import { rowKey } from './draft-form';
import { splitList } from './format';

export interface OfficeRow {
  key: string;
  office: string;
  country: string;
  from: string;
  to: string;
}

export interface OfficialForm {
  name: string;
  /** One alias per line or comma-separated. */
  aliases: string;
  country: string;
  offices: OfficeRow[];
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
    country: o.country ?? '',
    offices: o.offices.map((f) => ({
      key: rowKey(),
      office: f.office,
      country: f.country ?? '',
      from: f.from ?? '',
      to: f.to ?? '',
    })),
  };
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const COUNTRY = /^[A-Z]{2}$/;

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
  const country = form.country.trim().toUpperCase();
  if (country && !COUNTRY.test(country)) errors.push('Country must be a two-letter code such as PK (or EU).');
  const offices: Office[] = [];
  form.offices.forEach((r, i) => {
    const office = r.office.trim();
    const from = r.from.trim();
    const to = r.to.trim();
    const oc = r.country.trim().toUpperCase();
    if (!office && !from && !to && !oc) return;
    const n = i + 1;
    if (!office) errors.push(`Office ${n} has no title.`);
    if (from && !DATE.test(from)) errors.push(`Office ${n}: "from" must look like 2024-03-11 (or 2024-03, 2024).`);
    if (to && !DATE.test(to)) errors.push(`Office ${n}: "to" must look like 2024-03-11 (or 2024-03, 2024).`);
    if (from && to && DATE.test(from) && DATE.test(to) && from > to) errors.push(`Office ${n} ends before it starts.`);
    if (oc && !COUNTRY.test(oc)) errors.push(`Office ${n}: country must be a two-letter code.`);
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
