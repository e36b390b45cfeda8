/**
 * What the background knows about each tab's page. Kept in session storage because an MV3 service worker
 * can be stopped at any moment and must find the state again when it wakes.
 */
import { storage } from 'wxt/utils/storage';
import { tabStateKey } from '../messaging/first-screen';
import type { PageReport, SameEventAsk } from '../messaging/protocol';
import type { AnalysisJson } from '../pipeline';
import type { EngagementDraft } from '../types';

export interface TabState {
  report: PageReport;
  draft: EngagementDraft | null;
  analysis: AnalysisJson | null;
  /** The grey-zone question for this page's article, until the reader answers it. */
  ask?: SameEventAsk | null;
}

export interface TabStore {
  get(tabId: number): Promise<TabState | null>;
  set(tabId: number, state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
  /** Saved passages of a page that could not be found on it at the last visit. */
  setOrphans(url: string, ids: string[]): Promise<void>;
  getOrphans(url: string): Promise<string[]>;
}

const key = (tabId: number) => `session:${tabStateKey(tabId)}` as const;

export const sessionTabStore: TabStore = {
  get: (tabId) => storage.getItem<TabState>(key(tabId)),
  set: (tabId, state) => storage.setItem(key(tabId), state),
  remove: (tabId) => storage.removeItem(key(tabId)),
  setOrphans: (url, ids) => storage.setItem(`session:orphans-${url}`, ids),
  getOrphans: async (url) => (await storage.getItem<string[]>(`session:orphans-${url}`)) ?? [],
};

export function memoryTabStore(): TabStore {
  const map = new Map<number, TabState>();
  const orphans = new Map<string, string[]>();
  return {
    get: async (id) => map.get(id) ?? null,
    set: async (id, s) => void map.set(id, s),
    remove: async (id) => void map.delete(id),
    setOrphans: async (url, ids) => void orphans.set(url, ids),
    getOrphans: async (url) => orphans.get(url) ?? [],
  };
}

/**
 * At most one page analysis per tab. A newer request for the tab cancels the one in flight (it stops at its next
 * pause and its answer is dropped) and starts once that one has stopped, so a page that changes its URL or
 * content again and again costs one analysis at a time, and the last one wins.
 */
export interface TabGate {
  enter(tabId: number): { ready: Promise<void>; cancelled: () => boolean; leave: () => void };
}

export function createTabGate(): TabGate {
  const generation = new Map<number, number>();
  const running = new Map<number, Promise<void>>();
  return {
    enter(tabId) {
      const mine = (generation.get(tabId) ?? 0) + 1;
      generation.set(tabId, mine);
      const ready = running.get(tabId) ?? Promise.resolve();
      let leave = () => {};
      const done = new Promise<void>((resolve) => {
        leave = resolve;
      });
      const chain = ready.then(() => done);
      running.set(tabId, chain);
      return {
        ready,
        cancelled: () => generation.get(tabId) !== mine,
        leave: () => {
          leave();
          if (running.get(tabId) === chain) {
            running.delete(tabId);
            generation.delete(tabId);
          }
        },
      };
    },
  };
}

/**
 * Automatic captures one tab may make per `AUTO_CAPTURE_WINDOW_MS`. A reader opens a few articles a minute; a page
 * that rewrites its URL by pushState forty times must not file forty engagements. Drafts past the limit stay in
 * the tab's state, for the popup's "Save this article".
 */
export const MAX_AUTO_CAPTURES = 3;
export const AUTO_CAPTURE_WINDOW_MS = 60_000;
/** Pages a tab remembers having captured: a page re-analysed after it changed is never captured twice. */
const REMEMBERED_CAPTURES = 20;

export interface CaptureLimiter {
  /** Whether `tabId` may capture `url` automatically now: not captured by the tab before, and under the rate. */
  allows(tabId: number, url: string, now: number): boolean;
  /** Records an automatic capture. */
  captured(tabId: number, url: string, now: number): void;
}

export function createCaptureLimiter(): CaptureLimiter {
  const byTab = new Map<number, { url: string; at: number }[]>();
  return {
    allows(tabId, url, now) {
      const seen = byTab.get(tabId) ?? [];
      if (seen.some((c) => c.url === url)) return false;
      return seen.filter((c) => now - c.at < AUTO_CAPTURE_WINDOW_MS).length < MAX_AUTO_CAPTURES;
    },
    captured(tabId, url, now) {
      const seen = [...(byTab.get(tabId) ?? []), { url, at: now }];
      byTab.set(tabId, seen.slice(-REMEMBERED_CAPTURES));
    },
  };
}
