/**
 * The background's answers to every message in the protocol. Each handler is a small async function over
 * the database and the tab store; thrown errors become `{ ok: false }` in the router.
 */

import { liveQuery } from 'dexie';
import { readArticle } from '../article';
import { pageOnlyMeta } from '../article/page-meta';
import { htmlOverLimits, parseDocument } from '../article/parse-html';
import type { MarkedDetail } from '../content/instrument';
import { saveEditedDraft } from '../db/corrections';
import { participantIdsOf } from '../db/derive';
import type { CounterpartDB } from '../db/schema';
import {
  answerSameEvent,
  canonicalUrl,
  countEngagementsFor,
  deletePassage,
  latestFor,
  listEntities,
  passagesForUrl,
  putEntity,
  queryEngagements,
  recordEngagement,
  removeEntity,
  restorePassage,
  sameEventQuestion,
  savePassage,
  searchPassages,
  sourcesFor,
  undoCapture,
  updatePassage,
} from '../db/timeline';
import { articleUrl, declaredUrls, urlVariants } from '../db/url';
import { buildGazetteer, createDetector, type Detector, type Gazetteer } from '../detect';
import type {
  CaptureReport,
  EngagementView,
  Handlers,
  KnownEngagement,
  PageReport,
  Request,
  SameEventAsk,
} from '../messaging/protocol';
import { AnalysisCancelled, analyzeTextInSteps, captureDraft, toJson, yieldToEvents } from '../pipeline';
import { getSettings, hostMatches, settingsItem } from '../settings/settings';
import type { ArticleMeta, Engagement, EngagementDraft, OfficialEntity, Result } from '../types';
import { engagementUrl, timelineUrl } from '../ui/popup-params';
import { safeHref } from '../ui/safe-url';
import { createCaptureLimiter, createTabGate, type TabState, type TabStore } from './tab-state';

export interface BackgroundDeps {
  db: CounterpartDB;
  tabs: TabStore;
  setBadge: (tabId: number, count: number) => void;
  /** A tab's page was analysed (its report is in the tab store). */
  onTabReport?: (tabId: number, report: PageReport) => void;
  /** A tab's content script finished a marking pass (benchmarks and e2e tests read this). */
  onMarked?: (tabId: number, detail: MarkedDetail) => void;
  /** Opens a new tab (the extension's own pages, or a source a banner names). */
  openTab?: (url: string) => Promise<void>;
  now?: () => number;
}

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Longest text one `detect` question is answered for; marks past it are not placed. Detection cannot pause, and
 * other tabs wait meanwhile: 300,000 characters take about 150 ms here (the content script sends the pages it
 * hands over for analysis cut at the same length).
 */
export const MAX_DETECT_CHARS = 300_000;

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, tabs } = deps;
  let detector: Detector | null = null;
  let gazetteer: Gazetteer | null = null;
  const listOfficials = async () =>
    (await listEntities(db, 'official')).filter((e): e is OfficialEntity => e.kind === 'official');
  const getDetector = async () => {
    const { topicKeywords } = await getSettings();
    if (!detector) {
      gazetteer = buildGazetteer({ officials: await listOfficials(), topicKeywords });
      detector = createDetector(gazetteer);
    }
    return detector;
  };

  /** "Same meeting as … (Outlet, date)?" about a stored engagement: its summary and its first source. */
  const askAbout = async (engagementId: string): Promise<SameEventAsk | null> => {
    const e = await db.engagements.get(engagementId);
    if (!e) return null;
    const list = (await sourcesFor(db, [engagementId]))[engagementId] ?? [];
    // A dated source names the report best (sources are in publication order, undated ones first).
    const first = list.find((s) => s.published) ?? list[0];
    return {
      engagementId,
      summary: e.summary,
      outlet: first?.outlet ?? null,
      date: e.date ?? first?.published ?? null,
    };
  };

  const withSources = async (items: Engagement[]): Promise<EngagementView[]> => {
    const sources = await sourcesFor(
      db,
      items.map((e) => e.id),
    );
    return items.map((e) => ({ ...e, sources: sources[e.id] ?? [] }));
  };

  const knownFor = async (engagementId: string, url: string): Promise<KnownEngagement | null> => {
    const e = await db.engagements.get(engagementId);
    if (!e) return null;
    const sources = (await sourcesFor(db, [engagementId]))[engagementId] ?? [];
    const here = urlVariants(url);
    const others = sources.filter((s) => !here.includes(canonicalUrl(s.url)));
    if (others.length === 0) return null;
    return {
      engagementId,
      summary: e.summary,
      otherSources: others.map((s) => ({ outlet: s.outlet, url: s.url, title: s.title })),
    };
  };

  /**
   * Stores a tab's (possibly edited) draft with the tab's page as its source: the reader's own choice. When it goes
   * into an engagement already in the timeline, the reader's edits of the extracted draft land on that engagement.
   */
  async function saveTabDraft(s: TabState | null, draft: EngagementDraft) {
    const meta = s?.report.meta;
    const url = meta?.url ?? s?.report.url ?? 'about:blank';
    const record = () =>
      recordEngagement(
        db,
        draft,
        {
          url,
          outlet: meta?.outlet ?? null,
          title: meta?.title ?? null,
          published: meta?.published ?? null,
          capturedAt: deps.now?.() ?? Date.now(),
        },
        'user',
      );
    return unwrap(await saveEditedDraft(db, s?.draft ?? null, draft, canonicalUrl(url), record, deps.now?.()));
  }

  /** What the capture notice says about a capture that just happened. */
  const captureReport = async (engagementId: string, sourceId: string, merged: boolean): Promise<CaptureReport> => {
    const e = await db.engagements.get(engagementId);
    const sources = (await sourcesFor(db, [engagementId]))[engagementId]?.length ?? 1;
    return {
      engagementId,
      sourceId,
      merged,
      sources,
      names: e?.participants.map((p) => p.name) ?? [],
      place: e?.place ?? null,
      date: e?.date ?? null,
      datePrecision: e?.datePrecision ?? null,
    };
  };

  // The reader's gazetteer edits (made by the options page straight in the database) and topic keywords apply
  // from the next page on.
  settingsItem.watch(() => {
    detector = null;
  });
  liveQuery(() => db.entities.toArray()).subscribe({
    next: () => {
      detector = null;
    },
    error: () => {
      detector = null;
    },
  });

  /** One analysis per tab at a time (the newest wins), and a bounded number of automatic captures per tab. */
  const gate = createTabGate();
  const captures = createCaptureLimiter();

  /** Reads and analyses a page in steps, pausing between them so other tabs' questions are answered meanwhile. */
  async function readPage(req: Request<'pageAnalyzed'>, cancelled: () => boolean) {
    const { url, title, html, text: pageText } = req;
    const check = async () => {
      await yieldToEvents();
      if (cancelled()) throw new AnalysisCancelled();
    };
    // Markup over the parser's limits (size, elements, nesting) is not parsed: the page's text stands in.
    const parsed = html && htmlOverLimits(html) === null ? parseDocument(html) : null;
    if (parsed) await check();
    const article = parsed ? readArticle(parsed, url) : null;
    await check();
    const page: ArticleMeta = article?.meta ?? pageOnlyMeta(url, title);
    // The article's own address (its same-site canonical one), so variants of one page are one source.
    const meta: ArticleMeta = { ...page, url: articleUrl(url, parsed ? declaredUrls(parsed) : []) };
    const text = article?.text ?? pageText;
    const analysis = await analyzeTextInSteps(text, meta, await getDetector(), { cancelled });
    return { meta, analysis };
  }

  /** `pageAnalyzed` for one request whose turn it is; throws `AnalysisCancelled` when a newer one replaced it. */
  async function analyzePage(
    req: Request<'pageAnalyzed'>,
    tabId: number | undefined,
    cancelled: () => boolean,
  ): ReturnType<Handlers['pageAnalyzed']> {
    if (cancelled()) throw new AnalysisCancelled();
    const { meta, analysis } = await readPage(req, cancelled);
    const report: PageReport = { url: req.url, meta, entities: req.entities };
    const draft = captureDraft(analysis);
    const ids = report.entities.map((e) => e.id);
    const counts = await countEngagementsFor(db, ids);
    const withHistory = Object.values(counts).filter((n) => n > 0).length;
    // The last moment a newer request can replace this one: from here on it writes.
    if (cancelled()) throw new AnalysisCancelled();
    if (tabId !== undefined) {
      deps.setBadge(tabId, withHistory);
      await tabs.set(tabId, { report, draft, analysis: toJson(analysis) });
    }
    // Told after any capture below, so what follows from the report (its counts) includes this article.
    const reported = <T>(answer: T): T => {
      if (tabId !== undefined) deps.onTabReport?.(tabId, report);
      return answer;
    };
    if (!draft || !report.meta.isArticle) return reported({ report, known: null, offer: null });
    const settings = await getSettings();
    const host = hostOf(report.url);
    const quiet = hostMatches(host, settings.quietSites) || hostMatches(host, settings.neverCaptureSites);
    const now = deps.now?.() ?? Date.now();
    // Past its rate, a tab's drafts are not captured by themselves (the popup can still save them).
    const allowed = tabId === undefined || captures.allows(tabId, report.url, now);
    if (settings.capture === 'on' && !quiet && allowed) {
      if (tabId !== undefined) captures.captured(tabId, report.url, now);
      const res = unwrap(
        await recordEngagement(
          db,
          draft,
          {
            url: report.meta.url ?? report.url,
            outlet: report.meta.outlet,
            title: report.meta.title,
            published: report.meta.published,
            capturedAt: deps.now?.() ?? Date.now(),
          },
          'captured',
          deps.now?.() ?? Date.now(),
          { dateline: report.meta.dateline },
        ),
      );
      const known = res.merged ? await knownFor(res.engagementId, report.url) : null;
      const captured = res.sourceId ? await captureReport(res.engagementId, res.sourceId, res.merged) : null;
      const ask = res.ask ? await askAbout(res.ask) : null;
      if (ask && tabId !== undefined) await tabs.set(tabId, { report, draft, analysis: toJson(analysis), ask });
      return reported({ report, known, offer: null, captured, ask });
    }
    // Nothing is written: the page only says whether the timeline has this engagement, or may have it.
    const same = await sameEventQuestion(db, draft, report.meta.url ?? report.url, report.meta.published, {
      dateline: report.meta.dateline,
    });
    const known = same.match ? await knownFor(same.match.id, report.url) : null;
    const ask = same.ask ? await askAbout(same.ask) : null;
    if (ask && tabId !== undefined) await tabs.set(tabId, { report, draft, analysis: toJson(analysis), ask });
    const offer = settings.capture === 'ask' && !quiet && !same.match ? { summary: draft.summary } : null;
    return reported({ report, known, offer, ask });
  }

  return {
    async detect({ text, date }) {
      const detector = await getDetector();
      const detection = detector.detect(text.slice(0, MAX_DETECT_CHARS), { date: date ?? null });
      const countryNames: Record<string, string> = {};
      for (const code of [...detection.countries.map((c) => c.code), ...detection.officials.map((o) => o.country)]) {
        if (code && !countryNames[code]) countryNames[code] = gazetteer?.countryNames.get(code) ?? code;
      }
      return { ...detection, countryNames };
    },

    async pageAnalyzed(req, sender) {
      const tabId = sender.tabId;
      const turn = tabId === undefined ? null : gate.enter(tabId);
      try {
        await turn?.ready;
        return await analyzePage(req, tabId, turn?.cancelled ?? (() => false));
      } catch (e) {
        if (!(e instanceof AnalysisCancelled)) throw e;
        // A newer request from this tab replaced this one: its answer is all that counts, this one changes nothing.
        const { url, title, entities } = req;
        return { report: { url, meta: pageOnlyMeta(url, title), entities }, known: null, offer: null };
      } finally {
        turn?.leave();
      }
    },

    async getPageReport({ tabId }) {
      return (await tabs.get(tabId))?.report ?? null;
    },

    async summarize({ entityIds, latest = 3 }) {
      const counts = await countEngagementsFor(db, entityIds);
      return Promise.all(
        entityIds.map(async (entityId) => {
          const count = counts[entityId] ?? 0;
          const items = latest > 0 && count > 0 ? await latestFor(db, entityId, latest) : [];
          return { entityId, count, latest: await withSources(items) };
        }),
      );
    },

    async queryTimeline({ filter }) {
      const limit = filter.limit ?? 50;
      const rows = await queryEngagements(db, { ...filter, limit: limit + 1 });
      return { items: await withSources(rows.slice(0, limit)), hasMore: rows.length > limit };
    },

    async getDraft({ tabId }) {
      const s = await tabs.get(tabId);
      return { draft: s?.draft ?? null, analysis: s?.analysis ?? null, ask: s?.ask ?? null };
    },

    async answerSameEvent({ tabId, engagementId, same }, sender) {
      const id = tabId ?? sender.tabId;
      const s = id === undefined ? null : await tabs.get(id);
      // Only the question this tab was asked can be answered: nothing else can be made a source of this page.
      if (id === undefined || !s || s.ask?.engagementId !== engagementId)
        throw new Error('This question is no longer open. Reload the page and try again.');
      const url = s.report.meta.url ?? s.report.url;
      unwrap(await answerSameEvent(db, url, engagementId, same, deps.now?.() ?? Date.now()));
      await tabs.set(id, { ...s, ask: null });
      return { known: same ? await knownFor(engagementId, url) : null };
    },

    async acceptOffer(_req, sender) {
      const s = sender.tabId === undefined ? null : await tabs.get(sender.tabId);
      if (!s?.draft) throw new Error('There is nothing to save on this page any more. Reload it and try again.');
      return saveTabDraft(s, s.draft);
    },

    async saveDraft({ tabId, draft }) {
      return saveTabDraft(await tabs.get(tabId), draft);
    },

    async savePassage({ passage }) {
      return unwrap(await savePassage(db, passage));
    },

    async listPassages({ url, text }) {
      if (url) return passagesForUrl(db, url);
      return searchPassages(db, text ?? '');
    },

    async updatePassage({ id, note, tags }) {
      return unwrap(await updatePassage(db, id, { note, tags }));
    },

    async deletePassage({ id }) {
      return unwrap(await deletePassage(db, id));
    },

    async restorePassage({ passage }) {
      return unwrap(await restorePassage(db, passage));
    },

    async reportOrphans({ url, orphanIds }) {
      await tabs.setOrphans(url, orphanIds);
      return null;
    },

    async getOrphans({ tabId }) {
      // The popup has no `tabs` permission to read the tab's URL; the page reported it here.
      const url = (await tabs.get(tabId))?.report.url;
      return url ? tabs.getOrphans(url) : [];
    },

    async getGazetteer() {
      return { officials: await listOfficials() };
    },

    async putOfficial({ official }) {
      const saved = unwrap(await putEntity(db, official));
      detector = null;
      return saved as OfficialEntity;
    },

    async removeOfficial({ id }) {
      unwrap(await removeEntity(db, id));
      detector = null;
      return null;
    },

    async marked({ detail }, sender) {
      if (sender.tabId !== undefined) deps.onMarked?.(sender.tabId, detail);
      return null;
    },

    async openTimeline({ entityId }) {
      if (!deps.openTab) throw new Error('Counterpart cannot open a tab here.');
      await deps.openTab(timelineUrl(entityId));
      return null;
    },

    async undoPageCapture({ engagementId, sourceId }, sender) {
      // Only a capture of the page that asks: a source of another page is not this notice's to take back.
      const source = await db.sources.get(sourceId);
      const pages = [sender.url, sender.tabId === undefined ? undefined : (await tabs.get(sender.tabId))?.report.url];
      if (!source || !pages.some((u) => u && canonicalUrl(u) === source.url))
        throw new Error('Nothing to undo: this capture is no longer in the timeline.');
      unwrap(await undoCapture(db, engagementId, sourceId));
      return null;
    },

    async openEngagement({ engagementId }) {
      if (!deps.openTab) throw new Error('Counterpart cannot open a tab here.');
      if (!(await db.engagements.get(engagementId))) throw new Error('This engagement is no longer in the timeline.');
      await deps.openTab(engagementUrl(engagementId));
      return null;
    },

    async openSource({ engagementId, url }) {
      // Only a web URL that this engagement's sources really hold: a page cannot make the extension open anything.
      const href = safeHref(url);
      const sources = (await sourcesFor(db, [engagementId]))[engagementId] ?? [];
      if (!href || !sources.some((s) => safeHref(s.url) === href))
        throw new Error('That link is not in your timeline.');
      if (!deps.openTab) throw new Error('Counterpart cannot open a tab here.');
      await deps.openTab(href);
      return null;
    },
  };
}
