import { useState } from 'preact/hooks';
import { ServicesContext, type UiServices } from '../../lib/ui/services';
import { useSettings } from '../../lib/ui/use-settings';
import { Notice } from '../common/Notice';
import { CaptureSettings } from './CaptureSettings';
import { ClearDataSection } from './ClearDataSection';
import { ExportSection } from './ExportSection';
import { GazetteerEditor } from './GazetteerEditor';
import { ImportSection } from './ImportSection';
import { SiteLists } from './SiteLists';
import { StorageSection } from './StorageSection';
import { TopicKeywords } from './TopicKeywords';

export interface OptionsAppProps {
  services: UiServices;
  download?: (filename: string, text: string, mime: string) => void;
  nav?: Navigator;
}

const SECTIONS = [
  ['gazetteer', 'Officials'],
  ['topics', 'Topic keywords'],
  ['capture', 'Capture and marks'],
  ['sites', 'Sites'],
  ['import', 'Import'],
  ['export', 'Export'],
  ['storage', 'Storage'],
  ['clear', 'Clear all data'],
] as const;

/** The options page: gazetteer, topic keywords, capture, sites, import/export, storage, clearing. */
export function OptionsApp({ services, download, nav }: OptionsAppProps) {
  const [settings, update] = useSettings();
  // Bumped by an import: the settings forms hold a copy of what they edit and must read the imported values.
  const [imports, setImports] = useState(0);

  return (
    <ServicesContext.Provider value={services}>
      <div class="options">
        <header>
          <h1>Counterpart options</h1>
          <nav aria-label="Sections">
            <ul>
              {SECTIONS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main>
          <GazetteerEditor />
          {settings.status === 'loading' ? (
            <Notice kind="loading">Loading settings…</Notice>
          ) : settings.status === 'error' ? (
            <Notice kind="error">{settings.error}</Notice>
          ) : (
            <>
              <TopicKeywords
                key={`topics-${imports}`}
                value={settings.value.topicKeywords ?? {}}
                onSave={(topicKeywords) => update({ topicKeywords })}
              />
              <CaptureSettings settings={settings.value} onChange={(patch) => void update(patch)} />
              <SiteLists key={`sites-${imports}`} settings={settings.value} onSave={update} />
            </>
          )}
          <ImportSection saveSettings={(s) => update(s)} onImported={() => setImports((n) => n + 1)} />
          <ExportSection download={download} />
          <StorageSection nav={nav} />
          <ClearDataSection download={download} />
        </main>
      </div>
    </ServicesContext.Provider>
  );
}
