/**
 * The content script's life on one page: mark the article, report it to the background, show cards and
 * the banner, re-highlight saved passages, and redo all of it when the page changes. Everything hangs off
 * the AbortSignal, so a navigation or an extension reload leaves nothing behind.
 */
import { h, render } from 'preact';
import { CaptureNotice } from '../../components/page/CaptureNotice';
import { CARD_HEIGHT, CARD_WIDTH, type CardEntity, HoverCard } from '../../components/page/HoverCard';
import { KnownBanner } from '../../components/page/KnownBanner';
import { Notice } from '../../components/page/Notice';
import { OfferBanner } from '../../components/page/OfferBanner';
import { SameEventPrompt } from '../../components/page/SameEventPrompt';
import { MARK_CSS } from '../../components/page/styles';
import { pageOnlyMeta } from '../article/page-meta';
import { send } from '../messaging/client';
import type {
  AnyContentRequest,
  CaptureReport,
  ContentHandlers,
  DetectResult,
  PageReport,
  SameEventAsk,
} from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { getSettings, hostMatches } from '../settings/settings';
import type { Detection, Passage } from '../types';
import { findArticle } from './article-root';
import { placeCard } from './card-place';
import { nextTabStop } from './focus';
import { reportMarked } from './instrument';
import { type MarkSet, placeMarks, yieldToMain } from './marks';
import { highlightPassages, type PassageHighlights, selectionToSelectors } from './passages';
import { mountUiHost, type UiHost } from './ui-host';

export interface ContentEnv {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  onMessage: (listener: (msg: unknown) => Promise<unknown> | undefined) => void;
}

/** Quiet time after a page change before marking again, and the most it grows to on a restless page. */
const REMARK_QUIET_MS = 600;
const REMARK_MAX_QUIET_MS = 30_000;

/** Text per detect request, under the background's cap on one request (`MAX_DETECT_CHARS`, 300,000). */
const DETECT_REQUEST_CHARS = 250_000;

/** Largest page whose HTML goes to the background for Readability; beyond it the page is not an article. */
const MAX_ARTICLE_CHARS = 300_000;

function entitiesOf(detection: Detection): PageReport['entities'] {
  const byId = new Map<string, PageReport['entities'][number]>();
  const officials = new Map(detection.officials.map((o) => [o.entityId, o]));
  const countries = new Map(detection.countries.map((c) => [`country:${c.code}`, c.name]));
  for (const m of detection.mentions) {
    const entry = byId.get(m.entityId);
    if (entry) {
      entry.count++;
      continue;
    }
    const o = officials.get(m.entityId);
    const name =
      o?.name ??
      countries.get(m.entityId) ??
      detection.blocs.find((b) => b.id === m.entityId)?.name ??
      detection.topics.find((t) => `topic:${t.id}` === m.entityId)?.label ??
      m.text;
    byId.set(m.entityId, {
      id: m.entityId,
      kind: m.kind,
      name,
      role: o?.role ?? null,
      country: o?.country ?? null,
      count: 1,
    });
  }
  return [...byId.values()];
}

/** The paragraph-like element a mark sits in: the card keeps clear of it when it can. */
const MARK_BLOCK = 'p,li,dd,dt,td,th,h1,h2,h3,h4,h5,h6,blockquote,figcaption,pre,div,section,article,main,body';

/** Where the card of `mark` goes: clear of the mark and of the lines after it (see card-place.ts). */
function cardPosition(mark: HTMLElement, win: Window): { top: number; left: number } {
  const r = mark.getBoundingClientRect();
  const first = mark.getClientRects()[0] ?? r;
  const block = (mark.parentElement?.closest(MARK_BLOCK) ?? mark).getBoundingClientRect();
  const line = { top: r.top, bottom: r.bottom, left: first.left, right: first.right };
  const view = { width: win.innerWidth, height: win.innerHeight };
  const { top, left } = placeCard(line, block, view, { width: CARD_WIDTH, height: CARD_HEIGHT });
  return { top, left };
}

/** Resolves when the page is idle (or after a second at most; at once where idle callbacks do not exist). */
function whenIdle(win: Window): Promise<void> {
  const ric = (win as { requestIdleCallback?: Window['requestIdleCallback'] }).requestIdleCallback;
  if (typeof ric !== 'function') return Promise.resolve();
  return new Promise((resolve) => ric.call(win, () => resolve(), { timeout: 1_000 }));
}

export async function runContent(env: ContentEnv): Promise<void> {
  const { doc, win, signal } = env;
  const startedAt = performance.now();
  const settings = await getSettings();
  const host = win.location.hostname;
  if (hostMatches(host, settings.quietSites)) return;

  let visible = settings.marks;
  // Setup (styles, listeners, finding the article) is main-thread work before the first mark: it is counted.
  let setupStart = performance.now();
  // A new style sheet makes the browser recompute the style of the whole page: only pages that get marks pay it.
  // While marks are hidden the sheet is out of the page (no attribute on the page's root says so).
  let markStyle: HTMLStyleElement | null = null;
  let wantStyle = false;
  const ensureStyle = () => {
    wantStyle = true;
    if (signal.aborted || !visible || markStyle?.isConnected) return;
    if (!markStyle) {
      markStyle = doc.createElement('style');
      markStyle.textContent = MARK_CSS;
    }
    (doc.head ?? doc.documentElement).appendChild(markStyle);
  };
  let setupMs = performance.now() - setupStart;

  if (signal.aborted) return;
  // Detection runs in the background, which keeps one warm detector with the reader's gazetteer: building a
  // gazetteer here would cost every page 50–100 ms of main-thread time before the first mark.
  const countryNames: Record<string, string> = {};
  const detect = async (text: string): Promise<Detection> => {
    const res = await send('detect', { text, date: published });
    if (!res.ok) throw new Error(res.error);
    Object.assign(countryNames, (res.value as DetectResult).countryNames);
    return res.value;
  };
  const countryName = (code: string | null | undefined) => (code ? (countryNames[code] ?? code) : null);

  let ui: UiHost | null = null;
  let marks: MarkSet | null = null;
  let passages: PassageHighlights | null = null;
  let report: PageReport | null = null;
  /** The entities of the latest marking pass, as the page report will list them. */
  let found: PageReport['entities'] = [];
  let published: string | null = null;
  let working = false;

  // The host is mounted on every page the extension reads, whatever the timeline holds, so its presence tells
  // the page nothing about the reader's data; everything inside it is in a closed shadow root.
  const ensureUi = () => {
    ui ??= mountUiHost(doc);
    ui.ensureAttached();
    return ui;
  };
  ensureUi();

  /**
   * The grey zone: "Same meeting as …?" with Yes / No. A "yes" shows the known-meeting banner the background
   * answers with; a "no" shows the capture offer, when capture asks first.
   */
  const showSameEventPrompt = (ask: SameEventAsk, offer: { summary: string } | null) => {
    const { banner } = ensureUi();
    const close = () => render(null, banner);
    const onAnswer = async (same: boolean) => {
      const r = await send('answerSameEvent', { engagementId: ask.engagementId, same });
      if (!r.ok) return r;
      const { known } = r.value;
      if (known) {
        const onOpen = (url: string) => void send('openSource', { engagementId: known.engagementId, url });
        render(h(KnownBanner, { known, onOpen, onDismiss: close }), banner);
      } else if (offer) {
        const onAccept = async () => {
          const a = await send('acceptOffer', {});
          return a.ok ? ({ ok: true } as const) : a;
        };
        render(h(OfferBanner, { summary: offer.summary, onAccept, onDismiss: close }), banner);
      } else close();
      return { ok: true } as const;
    };
    render(h(SameEventPrompt, { ask, onAnswer, onDismiss: close }), banner);
  };

  /** The mark whose card is open, to give focus back to when the card closes. */
  let cardMark: HTMLElement | null = null;
  let cardToken = 0;
  /** Set while focus goes back to a mark after its card closed: that focus must not open the card again. */
  let refocusing = false;
  const closeCard = (refocus = false) => {
    cardToken++;
    if (ui) render(null, ui.card);
    const mark = cardMark;
    cardMark = null;
    if (refocus && mark?.isConnected && doc.activeElement !== mark) {
      refocusing = true;
      try {
        mark.focus();
      } finally {
        refocusing = false;
      }
    }
  };

  /** Only marks this content script made and recorded count: a lookalike the page made is ignored. */
  const ownMark = (target: EventTarget | null): HTMLElement | null => {
    const el = target as HTMLElement | null;
    return el && marks?.infoOf(el) ? el : null;
  };

  const showCard = async (mark: HTMLElement) => {
    const mine = marks?.infoOf(mark);
    if (!mine || !visible || mark === cardMark) return;
    const id = mine.entityId;
    // Before the background's report arrives, the detection made for the marks already knows role and country.
    const info = (report?.entities ?? found).find((e) => e.id === id);
    const shown: CardEntity = info ?? { id, kind: mine.kind, name: mark.textContent ?? id };
    const entity = { ...shown, country: countryName(shown.country) };
    const position = cardPosition(mark, win);
    // The card is opened by the extension: a page cannot navigate to an extension URL, and must not learn it.
    const onOpenTimeline = () => void send('openTimeline', { entityId: id });
    const props = { entity, onOpenTimeline, position, onClose: () => closeCard(true), onTabOut: leaveCard };
    const { card } = ensureUi();
    cardMark = mark;
    const token = ++cardToken;
    render(h(HoverCard, { ...props, count: null, latest: [] }), card);
    const res = await send('summarize', { entityIds: [id], latest: 3 });
    if (signal.aborted || token !== cardToken) return;
    if (res.ok) {
      const s = res.value[0];
      render(h(HoverCard, { ...props, count: s?.count ?? 0, latest: s?.latest ?? [] }), card);
    } else render(h(HoverCard, { ...props, count: 0, latest: [], error: res.error }), card);
  };

  // Only input the reader made opens a card: a page's synthetic events (`isTrusted` false) are ignored.
  const onOver = (e: Event) => {
    if (!e.isTrusted || refocusing) return;
    const mark = ownMark(e.target);
    if (mark) void showCard(mark);
  };
  const onOut = (e: Event) => {
    if (!e.isTrusted || !ownMark(e.target)) return;
    const to = (e as MouseEvent | FocusEvent).relatedTarget as Node | null;
    if (ui?.contains(to) || ownMark(to)) return;
    const leaving = cardMark;
    setTimeout(() => {
      if (cardMark === leaving && !ui?.contains(doc.activeElement)) closeCard();
    }, 400);
  };
  // Keyboard readers: Tab from a mark whose card is open goes into the card (its timeline link), and Tab out of
  // the card goes on to what follows the mark in the page; Shift+Tab goes back to the mark.
  const leaveCard = (backwards: boolean) => {
    const mark = cardMark;
    if (backwards || !mark) {
      closeCard(true);
      return;
    }
    closeCard();
    nextTabStop(mark, doc, (el) => !!ui?.contains(el))?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || !cardMark) return;
    if (e.key === 'Escape') closeCard(true);
    // A Tab inside the card was the card's own (it may have moved focus on to the next mark already).
    else if (e.key === 'Tab' && !e.shiftKey && doc.activeElement === cardMark && !ui?.contains(e.target as Node)) {
      const control = ui?.card.querySelector<HTMLElement>('button, a[href]');
      if (!control) return;
      e.preventDefault();
      control.focus();
    }
  };
  setupStart = performance.now();
  doc.addEventListener('mouseover', onOver, { signal });
  doc.addEventListener('focusin', onOver, { signal });
  doc.addEventListener('mouseout', onOut, { signal });
  doc.addEventListener('focusout', onOut, { signal });
  doc.addEventListener('keydown', onKey, { signal });

  const refreshPassages = async () => {
    const res = await send('listPassages', { url: win.location.href });
    if (!res.ok || signal.aborted) return;
    // The old highlights stay until the new ones are ready, so a re-analysis does not make them blink.
    const previous = passages;
    const { overlay } = ensureUi();
    overlay.hidden = !visible;
    // Most pages have no saved passages: skip indexing the whole body for them.
    passages = res.value.length && doc.body ? highlightPassages(doc.body, res.value, overlay) : null;
    if (!passages) previous?.remove();
    await send('reportOrphans', { url: win.location.href, orphanIds: passages?.orphans.map((p) => p.id) ?? [] });
  };
  // Highlights are painted over the text: paint again when the text moves (a resize, late images, fonts).
  let repaintFrame = 0;
  const repaint = () => {
    if (!passages || repaintFrame) return;
    repaintFrame = win.requestAnimationFrame(() => {
      repaintFrame = 0;
      passages?.repaint();
    });
  };
  win.addEventListener('resize', repaint, { signal });
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(repaint) : null;
  if (doc.body) resizes?.observe(doc.body);

  const analyze = async () => {
    if (working || signal.aborted) return;
    working = true;
    setupStart = performance.now();
    observer.disconnect();
    try {
      marks?.remove();
      closeCard();
      // What the story is gets decided once per pass, before anything is indexed: only its blocks are marked.
      const article = findArticle(doc);
      setupMs += performance.now() - setupStart;
      // Deciding the story and indexing it are two tasks, so a large page is never one long one.
      await yieldToMain();
      if (signal.aborted) return;
      marks = await placeMarks(doc.body ?? doc.documentElement, detect, {
        scope: article,
        signal,
        doc,
        // One message for any article; a page longer than the background reads in one request goes in parts.
        chunkChars: DETECT_REQUEST_CHARS,
        beforeWrap: ensureStyle,
      });
      if (signal.aborted) {
        // The abort handler ran while these were being placed and could not see them.
        marks.remove();
        return;
      }
      reportMarked({
        url: win.location.href,
        timeOrigin: performance.timeOrigin,
        marks: marks.elements.length,
        chars: marks.index.text.length,
        ...marks.timing,
        setupMs,
        busyMs: setupMs + marks.timing.busyMs,
        visibleMs: setupMs + marks.timing.visibleMs,
        startedAt,
        markedAt: performance.now(),
      });
      setupMs = 0;
      const small = marks.index.text.length < MAX_ARTICLE_CHARS;
      const entities = entitiesOf(marks.detection);
      found = entities;
      // Serializing the page for the background costs as much as marking it: it waits until the page is idle,
      // after the marks are in place (so it is not in the busy time reported above, which ends at the marks).
      await whenIdle(win);
      if (signal.aborted || !marks) return;
      const res = await send('pageAnalyzed', {
        url: win.location.href,
        title: doc.title || null,
        // The background has no DOM of its own: it reads the article from the page's markup (read, never written).
        html: small ? doc.documentElement.outerHTML : null,
        text: marks.index.text.slice(0, MAX_ARTICLE_CHARS),
        entities,
      });
      if (signal.aborted) return;
      if (res.ok) {
        report = res.value.report;
        published = report.meta.published;
      } else report = { url: win.location.href, meta: pageOnlyMeta(win.location.href, doc.title || null), entities };
      if (res.ok && res.value.known) {
        const { banner } = ensureUi();
        const known = res.value.known;
        // The extension opens the other outlets' articles: their URLs never become links in the page.
        const onOpen = (url: string) => void send('openSource', { engagementId: known.engagementId, url });
        render(h(KnownBanner, { known, onOpen, onDismiss: () => render(null, banner) }), banner);
      } else if (res.ok && res.value.ask) {
        showSameEventPrompt(res.value.ask, res.value.offer);
      } else if (res.ok && res.value.offer) {
        const { banner } = ensureUi();
        const onAccept = async () => {
          const r = await send('acceptOffer', {});
          return r.ok ? ({ ok: true } as const) : r;
        };
        render(
          h(OfferBanner, { summary: res.value.offer.summary, onAccept, onDismiss: () => render(null, banner) }),
          banner,
        );
      }
      if (res.ok && res.value.captured) showCapture(res.value.captured);
      await refreshPassages();
    } finally {
      working = false;
      if (!signal.aborted) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    }
  };

  // Late-loading text and framework re-renders: redo once the page has been quiet for a moment.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let remarks = 0;
  const observer = new MutationObserver((records) => {
    const relevant = records.some((r) => !marks?.infoOf(r.target as Element));
    if (!relevant) return;
    clearTimeout(timer);
    // Each re-mark the page provokes doubles the quiet time it must keep first, so a page that re-renders or
    // strips our marks all the time costs a few passes, not one every second forever.
    const quiet = Math.min(REMARK_QUIET_MS * 2 ** remarks, REMARK_MAX_QUIET_MS);
    timer = setTimeout(() => {
      remarks++;
      void analyze();
    }, quiet);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    observer.disconnect();
    resizes?.disconnect();
    marks?.remove();
    passages?.remove();
    ui?.destroy();
    markStyle?.remove();
  });

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const notify = (text: string, error: boolean) => {
    const { notice } = ensureUi();
    const close = () => render(null, notice);
    clearTimeout(noticeTimer);
    render(h(Notice, { text, error, onDismiss: close }), notice);
    // Errors stay until dismissed: the reader has to learn that nothing was saved.
    if (!error) noticeTimer = setTimeout(close, 4000);
  };

  /** After an automatic capture: what was stored, with Undo and Edit (both go through the background). */
  function showCapture(capture: CaptureReport) {
    const { notice } = ensureUi();
    const close = () => render(null, notice);
    clearTimeout(noticeTimer);
    const onUndo = async () => {
      const r = await send('undoPageCapture', { engagementId: capture.engagementId, sourceId: capture.sourceId });
      return r.ok ? ({ ok: true } as const) : r;
    };
    const onEdit = () => void send('openEngagement', { engagementId: capture.engagementId });
    render(h(CaptureNotice, { capture, onUndo, onEdit, onDismiss: close }), notice);
  }

  const saveSelection = async (): Promise<Passage> => {
    const sel = win.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) throw new Error('Select some text first.');
    const range = sel.getRangeAt(0);
    const selectors = selectionToSelectors(range, doc.body);
    if (!selectors) throw new Error('Select some text first.');
    const found = await send('detect', { text: selectors.quote.exact, date: published });
    const inside = found.ok ? found.value.mentions : [];
    const res = await send('savePassage', {
      passage: {
        url: win.location.href,
        title: report?.meta.title ?? doc.title ?? null,
        outlet: report?.meta.outlet ?? null,
        published: report?.meta.published ?? null,
        selectors,
        entityIds: [...new Set(inside.map((m) => m.entityId))],
      },
    });
    if (!res.ok) throw new Error(res.error);
    await refreshPassages();
    return res.value as Passage;
  };

  const handlers: ContentHandlers = {
    // The context menu and the shortcut have no UI of their own: the page says what happened.
    saveSelection: async () => {
      try {
        const saved = await saveSelection();
        notify('Saved to your Counterpart timeline.', false);
        return saved;
      } catch (e) {
        notify(e instanceof Error ? e.message : String(e), true);
        throw e;
      }
    },
    toggleMarks: async () => {
      visible = !visible;
      if (visible) {
        if (wantStyle) ensureStyle();
      } else {
        markStyle?.remove();
        closeCard();
      }
      if (ui) ui.overlay.hidden = !visible;
      return { visible };
    },
    refreshPassages: async () => {
      await refreshPassages();
      return null;
    },
    whichPage: async () => ({ url: win.location.href, title: doc.title || null }),
  };
  env.onMessage(createRouter<AnyContentRequest, null>(handlers as never, () => null) as never);
  setupMs += performance.now() - setupStart;

  await analyze();
}
