// @vitest-environment happy-dom
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { PopupApp } from '../../../components/popup/PopupApp';
import { recordEngagement, savePassage } from '../../../lib/db/timeline';
import { type PopupTab, parsePopupParams } from '../../../lib/ui/popup-params';
import { draft, fakeServices, freshDb, mount, source, TAB, waitFor } from './helpers';

// Layout-dependent rules cannot run without a layout engine; the e2e run checks them in Chromium.
const RULES_OFF = { 'color-contrast': { enabled: false }, region: { enabled: false } };

async function seriousViolations(root: HTMLElement) {
  const result = await axe.run(root, { rules: RULES_OFF, resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

async function dataDb() {
  const db = freshDb();
  await recordEngagement(db, draft({ figures: [{ text: '47% reduction' }] }), source('https://a.example/1', 'APP'));
  await savePassage(db, {
    url: TAB.url ?? '',
    title: 'An article',
    outlet: 'APP',
    published: null,
    selectors: { quote: { exact: 'joint patrols', prefix: '', suffix: '' }, position: { start: 0, end: 13 } },
    entityIds: [],
    note: 'a note',
    tags: ['x'],
  });
  return db;
}

describe('accessibility (axe-core, structure rules)', () => {
  it.each<[PopupTab, string]>([
    ['page', 'Mohsin Naqvi'],
    ['timeline', '47% reduction'],
    ['passages', 'joint patrols'],
    ['save', 'Save to timeline'],
  ])('popup tab %s has no serious violations', async (tab, ready) => {
    const services = fakeServices(await dataDb(), {
      getPageReport: () => ({
        ok: true,
        value: {
          url: TAB.url ?? '',
          meta: {
            title: 'T',
            outlet: null,
            author: null,
            published: null,
            url: null,
            dateline: null,
            isArticle: true,
          },
          entities: [{ id: 'official:mohsin-naqvi', kind: 'official', name: 'Mohsin Naqvi', count: 1 }],
        },
      }),
      getDraft: () => ({ ok: true, value: { draft: draft(), analysis: null } }),
      getOrphans: () => ({ ok: true, value: [] }),
    });
    const root = mount(<PopupApp services={services} params={parsePopupParams(`?tab=${tab}`)} debounceMs={0} />);
    await waitFor(() => expect(root.textContent).toContain(ready));
    expect(await seriousViolations(root)).toEqual([]);
  });

  it('options page has no serious violations', async () => {
    const root = mount(<OptionsApp services={fakeServices(await dataDb())} />);
    await waitFor(() => expect(root.textContent).toContain('Save keywords'));
    expect(await seriousViolations(root)).toEqual([]);
  });
});
