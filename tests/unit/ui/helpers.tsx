/** Fixtures for the UI tests: a fresh database, fake messaging, and small DOM helpers over preact's render. */
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, vi } from 'vitest';
import { CounterpartDB } from '../../../lib/db/schema';
import type { MessageType, PageReport, Protocol } from '../../../lib/messaging/protocol';
import type { EngagementDraft, Participant, Result } from '../../../lib/types';
import {
  type ActiveTab,
  type SendFn,
  type SendToTabFn,
  ServicesContext,
  type UiServices,
} from '../../../lib/ui/services';

const open: CounterpartDB[] = [];
const mounted: HTMLElement[] = [];
let counter = 0;

export function freshDb(): CounterpartDB {
  const db = new CounterpartDB(`ui-test-${counter++}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const el of mounted.splice(0)) {
    render(null, el);
    el.remove();
  }
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

export type Handlers = {
  [K in MessageType]?: (
    req: Omit<Protocol[K]['req'], 'type'>,
  ) => Result<Protocol[K]['res']> | Promise<Result<Protocol[K]['res']>>;
};

export const TAB: ActiveTab = { id: 7, url: 'https://news.example/article', title: 'An article' };

/** The background's report of the page in `TAB`, for tabs that only need the page to be read. */
export function tabReport(): Result<PageReport> {
  const url = TAB.url ?? '';
  const meta = { title: TAB.title, outlet: null, author: null, published: null, url, dateline: null, isArticle: true };
  return { ok: true, value: { url, meta, entities: [] } };
}

const NO_SCRIPT = { ok: false, error: 'This page cannot be reached: Could not establish connection.' };

export interface FakeServices extends UiServices {
  send: SendFn & ReturnType<typeof vi.fn>;
  sendToTab: SendToTabFn & ReturnType<typeof vi.fn>;
}

export function fakeServices(
  db: CounterpartDB,
  handlers: Handlers = {},
  tab: ActiveTab | null = TAB,
  tabHandlers: Record<string, () => Result<unknown>> = {},
): FakeServices {
  const send = vi.fn(async (type: MessageType, payload: unknown) => {
    const h = handlers[type] as ((req: unknown) => Result<unknown>) | undefined;
    return h ? h(payload) : { ok: false, error: `No fake for ${type}` };
  });
  const sendToTab = vi.fn(async (_tabId: number, type: string) => {
    const h = tabHandlers[type];
    if (h) return h();
    // The tab's content script says it shows the tab's page, unless a test says otherwise.
    if (type === 'whichPage') return tab?.url ? { ok: true, value: { url: tab.url, title: tab.title } } : NO_SCRIPT;
    return { ok: true, value: null };
  });
  return {
    database: async () => db,
    send: send as unknown as FakeServices['send'],
    sendToTab: sendToTab as unknown as FakeServices['sendToTab'],
    activeTab: async () => tab,
  };
}

/** Renders into a fresh container in the document; with services when given. */
export function mount(ui: ComponentChildren, services?: UiServices): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  mounted.push(el);
  act(() => {
    render(services ? <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider> : ui, el);
  });
  return el;
}

/** Polls until `check` stops throwing (Dexie live queries and messages resolve asynchronously). */
export async function waitFor<T>(check: () => T, timeout = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
  }
}

export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.trim() === label);
  if (labels.length !== 1) throw new Error(`Expected one label "${label}", found ${labels.length}`);
  const id = labels[0].getAttribute('for');
  const el = id ? root.querySelector<T>(`#${CSS.escape(id)}`) : labels[0].querySelector<T>('input,select,textarea');
  if (!el) throw new Error(`No control for label "${label}"`);
  return el;
}

export function button(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const all = [...root.querySelectorAll('button')].filter((b) => {
    const t = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
    return typeof text === 'string' ? t === text || b.textContent?.trim() === text : text.test(t);
  });
  if (all.length === 0) throw new Error(`No button "${text}"`);
  return all[0];
}

export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(el: HTMLSelectElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
  });
}

export const NAQVI: Participant = {
  name: 'Mohsin Naqvi',
  entityId: 'official:mohsin-naqvi',
  role: 'Interior Minister',
  country: 'PK',
};
export const QUINTIN: Participant = { name: 'Bernard Quintin', entityId: 'official:bernard-quintin', country: 'BE' };
export const BRUNNER: Participant = { name: 'Magnus Brunner', entityId: 'official:magnus-brunner', country: 'EU' };

export function draft(over: Partial<EngagementDraft> = {}): EngagementDraft {
  const participants = over.participants ?? [NAQVI, QUINTIN];
  return {
    kind: 'meeting',
    participants,
    countries: [...new Set(participants.flatMap((p) => (p.country ? [p.country] : [])))],
    place: 'Brussels',
    date: '2025-12-12',
    datePrecision: 'day',
    topics: ['illegal-migration'],
    figures: [],
    summary: 'They met in Brussels.',
    ...over,
  };
}

export function source(url: string, outlet: string, published: string | null = '2025-12-12') {
  return { url, outlet, title: `Report by ${outlet}`, published, capturedAt: Date.UTC(2025, 11, 12) };
}
