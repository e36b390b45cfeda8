// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { NO_PAGE_DATA, OnThisPage, READING_PAGE } from '../../../components/popup/OnThisPage';
import { SaveArticleTab } from '../../../components/popup/SaveArticleTab';
import type { LivePage, PageReport } from '../../../lib/messaging/protocol';
import { type PageOnTab, pageOnTab } from '../../../lib/ui/page-on-tab';
import { draft, fakeServices, freshDb, mount, TAB, waitFor } from './helpers';

function reportOf(url: string, title: string, names: string[]): PageReport {
  return {
    url,
    meta: { title, outlet: null, author: null, published: null, url, dateline: null, isArticle: true },
    entities: names.map((name) => ({ id: `country:${name}`, kind: 'country' as const, name, count: 1 })),
  };
}

const BEFORE = reportOf('https://news.example/first', 'The first article', ['Belgium']);
const NOW: LivePage = { url: 'https://news.example/second', title: 'The second article' };

describe('pageOnTab', () => {
  it.each<[string, PageReport | null, LivePage | null, boolean, PageOnTab['status']]>([
    ['the report of the page in the tab', BEFORE, { url: BEFORE.url, title: null }, false, 'ready'],
    ['a report of the page the tab showed before', BEFORE, NOW, false, 'reading'],
    ['a page of ours whose report is not in yet', null, NOW, false, 'reading'],
    ['a report while the next page loads (no script answers yet)', BEFORE, null, true, 'reading'],
    ['a report whose page is gone and nothing is loading', BEFORE, null, false, 'none'],
    ['no report and no script: a browser page or a quiet site', null, null, false, 'none'],
  ])('%s', (_name, report, live, loading, status) => {
    const page = pageOnTab(report, live, loading);
    expect(page.status).toBe(status);
    if (page.status === 'ready') expect(page.report).toBe(report);
  });
});

describe('"On this page" after the tab navigated', () => {
  it('says it is reading the new page instead of showing the last one, and shows the new one when it is read', async () => {
    let stored: PageReport | null = BEFORE;
    let changed = () => {};
    const tab = { ...TAB, url: null };
    const services = {
      ...fakeServices(freshDb(), { getPageReport: () => ({ ok: true, value: stored }) }, tab, {
        whichPage: () => ({ ok: true, value: NOW }),
      }),
      watchTab: (_id: number, onChange: () => void) => {
        changed = onChange;
        return () => {};
      },
    };
    const root = mount(<OnThisPage tab={tab} onOpenTimeline={() => {}} />, services);
    await waitFor(() => expect(root.textContent).toContain(READING_PAGE));
    expect(root.textContent).not.toContain('The first article');
    expect(root.textContent).not.toContain('Belgium');

    // The background files the new page's report: the popup hears of it and shows it.
    stored = reportOf(NOW.url, 'The second article', ['Italy']);
    await act(() => changed());
    await waitFor(() => expect(root.textContent).toContain('The second article'));
    expect(root.textContent).toContain('Italy');
    expect(root.textContent).not.toContain(READING_PAGE);
  });

  it('does not show a report when no script of ours answers on the tab any more', async () => {
    const services = fakeServices(freshDb(), { getPageReport: () => ({ ok: true, value: BEFORE }) }, TAB, {
      whichPage: () => ({ ok: false, error: 'This page cannot be reached: Could not establish connection.' }),
    });
    const root = mount(<OnThisPage tab={TAB} onOpenTimeline={() => {}} />, services);
    await waitFor(() => expect(root.textContent).toContain(NO_PAGE_DATA));
    expect(root.textContent).not.toContain('The first article');
  });
});

describe('"Save this article" after the tab navigated', () => {
  it("does not offer the last page's draft while the new page is read", async () => {
    const services = fakeServices(
      freshDb(),
      {
        getPageReport: () => ({ ok: true, value: BEFORE }),
        getDraft: () => ({ ok: true, value: { draft: draft(), analysis: null } }),
      },
      TAB,
      { whichPage: () => ({ ok: true, value: NOW }) },
    );
    const root = mount(<SaveArticleTab tab={TAB} onOpenTimeline={() => {}} />, services);
    await waitFor(() => expect(root.textContent).toContain('Reading the article…'));
    await new Promise((r) => setTimeout(r, 50));
    expect(root.textContent).not.toContain('Save to timeline');
    expect(services.send).not.toHaveBeenCalledWith('getDraft', expect.anything());
  });
});
