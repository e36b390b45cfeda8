import { useLayoutEffect, useState } from 'preact/hooks';
import type { PopupParams, PopupTab } from '../../lib/ui/popup-params';
import { type ActiveTab, ServicesContext, type UiServices } from '../../lib/ui/services';
import { Tabs } from '../common/Tabs';
import { OnThisPage } from './OnThisPage';
import { PassagesTab } from './PassagesTab';
import { SaveArticleTab } from './SaveArticleTab';
import { TimelineTab } from './TimelineTab';

export interface PopupAppProps {
  services: UiServices;
  params: PopupParams;
  /** Search debounce; tests pass 0. */
  debounceMs?: number;
}

const TABS: { id: PopupTab; label: string }[] = [
  { id: 'page', label: 'On this page' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'passages', label: 'Saved passages' },
  { id: 'save', label: 'Save this article' },
];

/**
 * The toolbar popup. The shell and the selected tab render at once; each tab then fetches only its own first
 * page of data, so opening the popup never waits on the size of the timeline.
 */
export function PopupApp({ services, params, debounceMs }: PopupAppProps) {
  const [tab, setTab] = useState<PopupTab>(params.tab);
  // Changing the entity remounts the Timeline tab with its filter set.
  const [timelineEntity, setTimelineEntity] = useState<{ id: string | null; n: number }>({ id: params.entity, n: 0 });
  const [activeTab, setActiveTab] = useState<ActiveTab | null | undefined>(undefined);

  // A layout effect: the tab is the first step of "On this page", which should not wait a frame to start.
  useLayoutEffect(() => {
    services.activeTab().then(setActiveTab, () => setActiveTab(null));
  }, [services]);

  const openTimeline = (entityId: string | null) => {
    setTimelineEntity({ id: entityId, n: timelineEntity.n + 1 });
    setTab('timeline');
  };

  return (
    <ServicesContext.Provider value={services}>
      <main class="popup">
        <h1 class="visually-hidden">Counterpart</h1>
        <Tabs idPrefix="popup" label="Counterpart" tabs={TABS} selected={tab} onSelect={setTab}>
          {tab === 'page' && <OnThisPage tab={activeTab} onOpenTimeline={openTimeline} />}
          {tab === 'timeline' && (
            <TimelineTab
              key={timelineEntity.n}
              entityId={timelineEntity.id}
              engagementId={timelineEntity.n === 0 ? (params.engagement ?? null) : null}
              debounceMs={debounceMs}
            />
          )}
          {tab === 'passages' && <PassagesTab tab={activeTab} debounceMs={debounceMs} />}
          {tab === 'save' && <SaveArticleTab tab={activeTab} onOpenTimeline={() => openTimeline(null)} />}
        </Tabs>
      </main>
    </ServicesContext.Provider>
  );
}
