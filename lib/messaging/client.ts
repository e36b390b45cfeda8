import { browser } from 'wxt/browser';
import type { Result } from '../types';
import type { ContentProtocol, ContentRequest, ContentType, MessageType, Request, Response } from './protocol';

type Runtime = Pick<typeof browser.runtime, 'sendMessage'>;

/** Sends a typed request to the background. Never throws: a dead background becomes `{ ok: false }`. */
export async function send<K extends MessageType>(
  type: K,
  payload: Omit<Request<K>, 'type'>,
  runtime: Runtime = browser.runtime,
): Promise<Response<K>> {
  try {
    const res = (await runtime.sendMessage({ type, ...payload })) as Response<K> | undefined;
    return res ?? { ok: false, error: 'Counterpart did not answer. Reload the page or the extension.' };
  } catch (e) {
    return { ok: false, error: `Counterpart could not be reached: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Sends a typed request to a tab's content script. */
export async function sendToTab<K extends ContentType>(
  tabId: number,
  type: K,
  payload: Omit<ContentRequest<K>, 'type'>,
  tabs: Pick<typeof browser.tabs, 'sendMessage'> = browser.tabs,
): Promise<Result<ContentProtocol[K]['res']>> {
  try {
    const res = (await tabs.sendMessage(tabId, { type, ...payload })) as Result<ContentProtocol[K]['res']> | undefined;
    return res ?? { ok: false, error: 'This page has no Counterpart script (reload it, or it is a browser page).' };
  } catch (e) {
    return { ok: false, error: `This page cannot be reached: ${e instanceof Error ? e.message : String(e)}` };
  }
}
