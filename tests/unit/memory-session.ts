import type { SessionArea } from '../../lib/db/revision';

/** Session storage as a plain map, as `browser.storage.session` behaves (values are copied in and out). */
export function memorySession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const list = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys]);
  return {
    data,
    async get(keys) {
      return Object.fromEntries(list(keys).flatMap((k) => (data.has(k) ? [[k, structuredClone(data.get(k))]] : [])));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of list(keys)) data.delete(k);
    },
  };
}
