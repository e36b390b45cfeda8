import { browser } from 'wxt/browser';
import { startLifecycle } from '../lib/content/lifecycle';
import { runContent } from '../lib/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's start-up `postMessage` carries the extension id to every script on the page: it must not be sent.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const life = startLifecycle({
      doc: document,
      run: (signal) =>
        void runContent({
          doc: document,
          win: window,
          signal,
          onMessage: (listener) => {
            const wrapped = (msg: unknown) => listener(msg);
            browser.runtime.onMessage.addListener(wrapped);
            signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(wrapped));
          },
        }),
    });
    ctx.onInvalidated(() => life.stop());
    // Single-page apps: a new URL is a new article.
    ctx.addEventListener(window, 'wxt:locationchange', () => life.restart());
  },
});
