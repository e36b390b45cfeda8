import { browser } from 'wxt/browser';
import { runContent } from '../lib/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const start = () => {
      const controller = new AbortController();
      ctx.onInvalidated(() => controller.abort());
      void runContent({
        doc: document,
        win: window,
        signal: controller.signal,
        timelineUrl: (id) => `${browser.runtime.getURL('/popup.html')}?tab=timeline&entity=${encodeURIComponent(id)}`,
        onMessage: (listener) => {
          const wrapped = (msg: unknown) => listener(msg);
          browser.runtime.onMessage.addListener(wrapped);
          controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(wrapped));
        },
      });
      return controller;
    };
    let current = start();
    // Single-page apps: a new URL is a new article.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      current.abort();
      current = start();
    });
  },
});
