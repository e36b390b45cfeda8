/**
 * Everything the popup and options page reach outside themselves, behind one context so tests hand in a fake
 * database, fake messaging and a fixed active tab instead of patching globals.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CounterpartDB } from '../db/schema';
import { send, sendToTab } from '../messaging/client';
import type {
  ContentProtocol,
  ContentRequest,
  ContentType,
  MessageType,
  Request,
  Response,
} from '../messaging/protocol';
import type { Result } from '../types';

export interface ActiveTab {
  id: number;
  url: string | null;
  title: string | null;
}

export type SendFn = <K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>) => Promise<Response<K>>;

export type SendToTabFn = <K extends ContentType>(
  tabId: number,
  type: K,
  payload: Omit<ContentRequest<K>, 'type'>,
) => Promise<Result<ContentProtocol[K]['res']>>;

export interface UiServices {
  db: CounterpartDB;
  send: SendFn;
  sendToTab: SendToTabFn;
  /** The tab the popup was opened over; null on an extension page opened in its own tab. */
  activeTab: () => Promise<ActiveTab | null>;
}

let sharedDb: CounterpartDB | null = null;

function db(): CounterpartDB {
  sharedDb ??= new CounterpartDB();
  return sharedDb;
}

async function queryActiveTab(): Promise<ActiveTab | null> {
  // `?tabId=N` points the popup at a given tab when it is opened as a page (tests, screenshots, keyboard users).
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  const [tab] =
    Number.isInteger(pinned) && pinned > 0
      ? [await browser.tabs.get(pinned).catch(() => undefined)]
      : await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  // A popup opened as a tab (hover-card link) is itself the active tab: it is not a page to report on.
  if (tab.url?.startsWith(browser.runtime.getURL('/'))) return null;
  return { id: tab.id, url: tab.url ?? null, title: tab.title ?? null };
}

/** The real services, created on first use so importing this module opens nothing. */
export function browserServices(): UiServices {
  return {
    db: db(),
    send: (type, payload) => send(type, payload),
    sendToTab: (tabId, type, payload) => sendToTab(tabId, type, payload),
    activeTab: queryActiveTab,
  };
}

export const ServicesContext = createContext<UiServices | null>(null);

export function useServices(): UiServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('UiServices missing: wrap the app in <ServicesContext.Provider>.');
  return s;
}
