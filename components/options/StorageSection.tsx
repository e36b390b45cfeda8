import { useEffect, useState } from 'preact/hooks';
import { type PersistStatus, persistStatus, requestPersist, usageText } from '../../lib/ui/persistence';
import { Notice } from '../common/Notice';

export interface StorageSectionProps {
  nav?: Navigator;
}

const TEXT: Record<PersistStatus, string> = {
  persisted: 'Persistent: the browser will not delete your timeline to free space.',
  'not-persisted':
    'Not persistent: under storage pressure the browser may delete your timeline. Ask for persistent storage, and export a backup now and then.',
  unsupported: 'This browser does not report whether storage is persistent. Export a backup now and then.',
};

/** Whether the browser may evict the timeline, with a button to ask it not to. */
export function StorageSection({ nav = globalThis.navigator }: StorageSectionProps) {
  const [status, setStatus] = useState<PersistStatus | null>(null);
  const [usage, setUsage] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    persistStatus(nav).then(setStatus, () => setStatus('unsupported'));
    usageText(nav).then(setUsage, () => setUsage(null));
  }, [nav]);

  const ask = async () => {
    setAsked(true);
    setStatus(await requestPersist(nav).catch((): PersistStatus => 'unsupported'));
  };

  return (
    <section aria-labelledby="storage-title" id="storage">
      <h2 id="storage-title">Storage</h2>
      {status === null ? (
        <Notice kind="loading">Checking storage…</Notice>
      ) : (
        <Notice kind={status === 'persisted' ? 'success' : 'info'}>{TEXT[status]}</Notice>
      )}
      {usage && <p class="muted">{usage}</p>}
      {status === 'not-persisted' && (
        <button type="button" onClick={ask}>
          Ask for persistent storage
        </button>
      )}
      {asked && status === 'not-persisted' && (
        <p class="muted">The browser declined for now; browsers grant it more readily to extensions you use often.</p>
      )}
    </section>
  );
}
