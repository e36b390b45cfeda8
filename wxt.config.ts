import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { stubCssom, trimWorldCountries } from './scripts/vite-plugins';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  vite: () => ({ plugins: [preact(), trimWorldCountries(), stubCssom()] }),
  manifest: ({ browser }) => ({
    name: 'Counterpart',
    description:
      'Marks officials, countries and security-cooperation topics in news and keeps a private timeline of who met whom.',
    permissions: ['storage', 'contextMenus', 'unlimitedStorage'],
    commands: {
      'save-passage': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected passage to the Counterpart timeline',
      },
      'toggle-marks': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Show or hide Counterpart marks on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpart@counterpart.local',
              // `data_collection_permissions` (AMO's declaration that nothing is collected) exists from Firefox 140
              // and Firefox for Android 142; an older minimum makes Firefox ignore the declaration.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
