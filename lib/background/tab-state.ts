/**
 * What the background knows about each tab's page. Kept in session storage because an MV3 service worker
 * can be stopped at any moment and must find the state again when it wakes.
 */
import { storage } from 'wxt/utils/storage';
import { tabStateKey } from '../messaging/first-screen';
import type { PageReport } from '../messaging/protocol';
import type { AnalysisJson } from '../pipeline';
import type { EngagementDraft } from '../types';

export interface TabState {
  report: PageReport;
  draft: EngagementDraft | null;
  analysis: AnalysisJson | null;
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
