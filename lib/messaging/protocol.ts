/**
 * Every message between the content script, the background and the extension pages, declared once.
 * A request is `{ type, ...payload }`; the background answers with a `Result` of the declared response type,
 * so a failure arrives as `{ ok: false, error }` and never as a thrown string.
 */
import type { MarkedDetail } from '../content/instrument';
import type { EngagementFilter as TimelineFilter } from '../db/query-plan';
import type { AnalysisJson } from '../pipeline';
import type {
  ArticleMeta,
  DatePrecision,
  Detection,
  Engagement,
  EngagementDraft,
  OfficialEntity,
  Passage,
  PassageSelectors,
  Result,
  Source,
} from '../types';

/** A detection, with display names for every country it refers to (officials' countries included). */
export interface DetectResult extends Detection {
  countryNames: Record<string, string>;
}

/** What the content script reports about the page it is on. */
export interface PageReport {
  url: string;
  meta: ArticleMeta;
  /** Entity ids found on the page, with how often each was seen. */
  entities: { id: string; kind: string; name: string; role?: string | null; country?: string | null; count: number }[];
}

/** An engagement with the outlets that reported it, as the UI shows it. */
export interface EngagementView extends Engagement {
  sources: Source[];
}

export interface EntitySummary {
  entityId: string;
  count: number;
  latest: EngagementView[];
}

export type { EngagementFilter as TimelineFilter } from '../db/query-plan';

export interface NewPassage {
  url: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  selectors: PassageSelectors;
  entityIds: string[];
  note?: string;
  tags?: string[];
}

/** A request with no payload. */
type Empty = Record<never, never>;

export interface Protocol {
  /** Content script → background: the page's article, so the background can extract and maybe capture it. */
  /**
   * Content script → background: detect mentions in the page's text. The background keeps one warm detector
   * (built once, with the reader's gazetteer), so a page pays for a message, not for building a gazetteer.
   */
  detect: { req: { text: string; date?: string | null }; res: DetectResult };
  /**
   * Content script → background: the page, so the background can read the article (Readability on its own
   * DOM), extract the engagement and maybe capture it. `html` is left out on huge pages; `text` stands in.
   */
  pageAnalyzed: {
    req: { url: string; title: string | null; html: string | null; text: string; entities: PageReport['entities'] };
    /**
     * `offer` is set when capture is on "ask" and the page reports an engagement the timeline does not have;
     * `ask` when it may be one the timeline has (the grey zone), for the reader to answer (`answerSameEvent`).
     */
    res: {
      report: PageReport;
      known: KnownEngagement | null;
      offer: { summary: string } | null;
      /** What an automatic capture of this page just stored (for the page notice with Undo and Edit). */
      captured?: CaptureReport | null;
      ask?: SameEventAsk | null;
    };
  };
  /**
   * Content/UI → background: the reader's answer to "Same meeting as …?" for a tab's article (the sender's tab,
   * or `tabId` from the popup): remembered, and a "yes" makes the article a source of that engagement.
   */
  answerSameEvent: {
    req: { tabId?: number; engagementId: string; same: boolean };
    res: { known: KnownEngagement | null };
  };
  /** Content script → background: the reader accepted the offer; store this tab's draft. */
  acceptOffer: { req: Empty; res: { engagementId: string; merged: boolean } };
  /** UI → background: the latest page report of a tab (for the popup's "On this page"). */
  getPageReport: { req: { tabId: number }; res: PageReport | null };
  /** Any → background: counts and latest engagements for these entities (hover cards, popup). */
  summarize: { req: { entityIds: string[]; latest?: number }; res: EntitySummary[] };
  /** UI → background: timeline query, newest first. */
  queryTimeline: { req: { filter: TimelineFilter }; res: { items: EngagementView[]; hasMore: boolean } };
  /** UI → background: the extracted draft for a tab's article (Save this article). */
  getDraft: {
    req: { tabId: number };
    res: { draft: EngagementDraft | null; analysis: AnalysisJson | null; ask?: SameEventAsk | null };
  };
  /**
   * UI → background: store a (possibly edited) draft, merging with the same event when there is one; the reader's
   * edits are applied to the engagement it merges into (`corrected`).
   */
  saveDraft: {
    req: { tabId: number; draft: EngagementDraft };
    res: { engagementId: string; merged: boolean; corrected?: boolean };
  };
  /** Content/UI → background: save a passage. */
  savePassage: { req: { passage: NewPassage }; res: Passage };
  /** UI → background: passages, for a url or all, newest first, optionally filtered by text. */
  listPassages: { req: { url?: string; text?: string }; res: Passage[] };
  /** UI → background: change a passage's note and tags. */
  updatePassage: { req: { id: string; note?: string; tags?: string[] }; res: Passage };
  /** UI → background: delete a passage (returned so the UI can offer undo). */
  deletePassage: { req: { id: string }; res: Passage };
  /** UI → background: put a deleted passage back. */
  restorePassage: { req: { passage: Passage }; res: Passage };
  /** Content → background: which saved passages on this page could not be found again. */
  reportOrphans: { req: { url: string; orphanIds: string[] }; res: null };
  /** UI → background: the saved passages the content script could not find on a tab's page. */
  getOrphans: { req: { tabId: number }; res: string[] };
  /** Content → background: user officials from the gazetteer editor, for detection. */
  getGazetteer: { req: Empty; res: { officials: OfficialEntity[] } };
  /** Options → background: add or replace an official in the gazetteer. */
  putOfficial: { req: { official: OfficialEntity }; res: OfficialEntity };
  /** Options → background: remove an official from the gazetteer. */
  removeOfficial: { req: { id: string }; res: null };
  /** Content → background: a marking pass finished and what it cost (read by the benchmarks and e2e tests). */
  marked: { req: { detail: MarkedDetail }; res: null };
  /** Content → background: the reader clicked a hover card's link; open the timeline filtered to this entity. */
  openTimeline: { req: { entityId: string }; res: null };
  /** Content → background: the reader clicked another outlet in the banner; open it if it is that engagement's. */
  openSource: { req: { engagementId: string; url: string }; res: null };
  /** Content → background: Undo in the capture notice; takes back this page's capture (only this page's). */
  undoPageCapture: { req: { engagementId: string; sourceId: string }; res: null };
  /** Content → background: Edit in the capture notice; opens the timeline on that engagement with its editor. */
  openEngagement: { req: { engagementId: string }; res: null };
}

/** An automatic capture as the page notice tells it: "Added to your timeline: Naqvi – Piantedosi, Rome, 6 Jun". */
export interface CaptureReport {
  engagementId: string;
  sourceId: string;
  /** It went into an engagement the timeline had (as its `sources`-th source), rather than a new one. */
  merged: boolean;
  sources: number;
  names: string[];
  place: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
}

/** Background → content script (tabs.sendMessage). */
export interface ContentProtocol {
  /** Save the current selection as a passage. */
  saveSelection: { req: Empty; res: Passage | null };
  /** Show or hide marks. */
  toggleMarks: { req: Empty; res: { visible: boolean } };
  /** Re-read the saved passages of this page and highlight them. */
  refreshPassages: { req: Empty; res: null };
  /** The page this tab shows now: the popup has no `tabs` permission to read a tab's URL and title. */
  whichPage: { req: Empty; res: LivePage };
}

/** A page as its own content script sees it at this moment. */
export interface LivePage {
  url: string;
  title: string | null;
}

/** An engagement this page's report may be (the grey zone), as "Same meeting as … (Outlet, date)?" shows it. */
export interface SameEventAsk {
  engagementId: string;
  summary: string;
  /** The outlet and publication date of its first source, when known. */
  outlet: string | null;
  date: string | null;
}

export interface KnownEngagement {
  engagementId: string;
  summary: string;
  /** Outlets other than this page's that reported it. */
  otherSources: { outlet: string | null; url: string; title: string | null }[];
}

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = { type: K } & Protocol[K]['req'];
export type Response<K extends MessageType> = Result<Protocol[K]['res']>;
export type AnyRequest = { [K in MessageType]: Request<K> }[MessageType];

export type ContentType = keyof ContentProtocol;
export type ContentRequest<K extends ContentType> = { type: K } & ContentProtocol[K]['req'];
export type AnyContentRequest = { [K in ContentType]: ContentRequest<K> }[ContentType];

export type Handlers = { [K in MessageType]: (req: Request<K>, sender: SenderInfo) => Promise<Protocol[K]['res']> };
export type ContentHandlers = { [K in ContentType]: (req: ContentRequest<K>) => Promise<ContentProtocol[K]['res']> };

export interface SenderInfo {
  tabId?: number;
  url?: string;
}
