/**
 * The shared vocabulary of Counterpart: what detection finds, what extraction drafts and what the timeline
 * stores. Every module speaks in these types; nothing here has behaviour.
 */

/** ISO 3166-1 alpha-2 code, or `EU` for the European Union. */
export type CountryCode = string;

export type TopicId =
  | 'illegal-migration'
  | 'migrant-smuggling'
  | 'human-trafficking'
  | 'narcotics'
  | 'counterterrorism'
  | 'border-security'
  | 'information-sharing'
  | 'law-enforcement-training'
  | 'returns-readmission'
  | 'legal-migration'
  | 'organised-crime'
  | 'money-laundering'
  | 'cybercrime'
  | 'extradition'
  | 'visas-consular'
  | 'asylum-refugees'
  | 'pilgrim-facilitation';

export type EntityKind = 'official' | 'country' | 'bloc' | 'topic';

/** An office a person held, with the dates it is known to have started and ended (ISO dates, open ends allowed). */
export interface Office {
  office: string;
  country?: CountryCode;
  from?: string;
  to?: string;
  source?: string;
}

export interface OfficialEntity {
  kind: 'official';
  /** `official:<slug of the name>` */
  id: string;
  name: string;
  aliases: string[];
  country?: CountryCode;
  offices: Office[];
}

export interface CountryEntity {
  kind: 'country';
  /** `country:<code>` */
  id: string;
  code: CountryCode;
  name: string;
  aliases: string[];
}

export interface BlocEntity {
  kind: 'bloc';
  /** `bloc:<short name>`, e.g. `bloc:nato`; the EU is `country:EU`-free: it is `bloc:eu` with code `EU`. */
  id: string;
  code: string;
  name: string;
  aliases: string[];
}

export interface TopicEntity {
  kind: 'topic';
  /** `topic:<TopicId>` */
  id: string;
  topic: TopicId;
  name: string;
  keywords: string[];
}

export type Entity = OfficialEntity | CountryEntity | BlocEntity | TopicEntity;

/** One span of text that refers to one entity. Offsets are UTF-16 indices into the text given to the detector. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  entityId: string;
  /** For officials: the role as written or inferred at this mention ("Interior Minister"). */
  role?: string;
  /** For officials: the country the role belongs to. */
  country?: CountryCode;
  /** For country mentions that name a place (a capital or city): the place as written, e.g. "Brussels". */
  place?: string;
}

/** An official as detected in one text: known from the gazetteer or found from a title. */
export interface DetectedOfficial {
  entityId: string;
  name: string;
  role: string | null;
  country: CountryCode | null;
  /** true when the person was not in the gazetteer and was found from a title. */
  discovered: boolean;
  /** Other spellings seen in this text that resolved to this person. */
  variants: string[];
}

export interface Detection {
  mentions: Mention[];
  officials: DetectedOfficial[];
  /** Countries (and the EU) mentioned, in order of first mention. */
  countries: { code: CountryCode; name: string }[];
  /** Other blocs and organisations (NATO, UNODC…), in order of first mention. */
  blocs: { id: string; code: string; name: string }[];
  topics: { id: TopicId; label: string }[];
}

export type EngagementKind = 'meeting' | 'call' | 'visit' | 'planned_visit' | 'agreement' | 'statement' | 'other';

export type DatePrecision = 'day' | 'month' | 'year' | 'approximate';

export interface Participant {
  name: string;
  entityId?: string;
  role?: string | null;
  country?: CountryCode | null;
}

export interface Figure {
  /** The figure as a short phrase, e.g. "1,770 smugglers arrested", "47% reduction". */
  text: string;
  value?: number;
  unit?: string;
}

/** What extraction proposes from one article, before it is merged into the timeline. */
export interface EngagementDraft {
  kind: EngagementKind;
  participants: Participant[];
  /** Countries of the participants (and the host), unique. */
  countries: CountryCode[];
  place: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  topics: TopicId[];
  figures: Figure[];
  summary: string;
}

export interface Engagement extends EngagementDraft {
  id: string;
  /** entityIds of participants, for indexing. */
  participantIds: string[];
  /** Sorted "AA|BB" pairs of participant countries, for the pair filter. */
  countryPairs: string[];
  origin: 'seed' | 'captured' | 'user';
  createdAt: number;
  updatedAt: number;
}

export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) of publication, or null when unknown. */
  published: string | null;
  url: string | null;
  /** The dateline city as written ("ISLAMABAD"), when there is one. */
  dateline: string | null;
  /** true when the page looks like an article (JSON-LD Article type, og:type article, or Readability said so). */
  isArticle: boolean;
}

export interface Source {
  id: string;
  engagementId: string;
  url: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  capturedAt: number;
}

/** W3C Web Annotation–style selectors that let a passage be found again on a changed page. */
export interface PassageSelectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

export interface Passage {
  id: string;
  url: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  selectors: PassageSelectors;
  entityIds: string[];
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** A result that can fail, as it crosses a boundary (messages, storage). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
