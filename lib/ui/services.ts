/**
 * Everything the popup and options page reach outside themselves, behind one context so tests hand in a fake
 * database, fake messaging and a fixed active tab instead of patching globals.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type SessionArea, sessionRevision, watchWrites } from '../db/revision';
import type { CounterpartDB } from '../db/schema';
import { send, sendToTab } from '../messaging/client';
import { tabStateKey } from '../messaging/first-screen';
import type {
  ContentProtocol,
  ContentRequest,
  ContentType,
  MessageType,
  Request,
  Response,
} from '../messaging/protocol';
import type { Result } from '../types';
import { type ActiveTab, queryActiveTab } from './active-tab';
import type { EarlyRequests } from './early-requests';

export type { ActiveTab } from './active-tab';

export type SendFn = <K extends MessageType>(type: K, payload: Omit<Request<K>, 'type'>) => Promise<Response<K>>;

export type SendToTabFn = <K extends ContentType>(
  tabId: number,
  type: K,
  payload: Omit<ContentRequest<K>, 'type'>,
) => Promise<Result<ContentProtocol[K]['res']>>;

export interface UiServices {
  /**
   * The database, opened on first use. It is loaded with a dynamic import so the popup's first bundle does not
   * carry Dexie: the popup paints its first page from the background's answer while Dexie loads.
   */
  database: () => Promise<CounterpartDB>;
  send: SendFn;
  sendToTab: SendToTabFn;
  /** The tab the popup was opened over; null on an extension page opened in its own tab. */
  activeTab: () => Promise<ActiveTab | null>;
  /** Calls `onChange` whenever the background's record of a tab changes (its page was read); returns the unsubscribe. */
  watchTab?: (tabId: number, onChange: () => void) => () => void;
}

let sharedDb: Promise<CounterpartDB> | null = null;

function database(): Promise<CounterpartDB> {
  sharedDb ??= import('../db/schema').then(
    ({ CounterpartDB }) => {
      const db = new CounterpartDB();
      // The popup's and options page's writes (a passage, a gazetteer edit, an import) must date the
      // background's first-screen snapshots as much as the background's own writes.
      const session = browser.storage.session as SessionArea | undefined;
      if (session) watchWrites(db, sessionRevision(session));
      return db;
    },
    (e: unknown) => {
      sharedDb = null; // let the next use try again
      throw e;
    },
  );
  return sharedDb;
}

/**
 * The real services, created on first use so importing this module opens nothing. `early` holds the answers to
 * questions the popup asked before its app loaded; each is used once, for the same question.
 */
export function browserServices(early?: EarlyRequests): UiServices {
  return {
    database,
    send: (type, payload) => early?.take(type, payload) ?? send(type, payload),
    sendToTab: (tabId, type, payload) => sendToTab(tabId, type, payload),
    activeTab: () => early?.activeTab ?? queryActiveTab(),
    watchTab,
  };
}

function watchTab(tabId: number, onChange: () => void): () => void {
  const key = tabStateKey(tabId);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && key in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export const ServicesContext = createContext<UiServices | null>(null);

export function useServices(): UiServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('UiServices missing: wrap the app in <ServicesContext.Provider>.');
  return s;
}
