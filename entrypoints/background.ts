import { browser } from 'wxt/browser';
import { setupBackground } from '../lib/background/main';

export default defineBackground(() => {
  setupBackground({ browser });
});
