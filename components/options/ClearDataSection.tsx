import { useState } from 'preact/hooks';
import { clearAllData } from '../../lib/ui/clear-data';
import { downloadText } from '../../lib/ui/download';
import { readErrorMessage } from '../../lib/ui/errors';
import { buildExport } from '../../lib/ui/exports';
import { useServices } from '../../lib/ui/services';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Notice } from '../common/Notice';

export interface ClearDataSectionProps {
  download?: (filename: string, text: string, mime: string) => void;
}

/** Deletes the whole timeline after a confirmation that offers a backup first. */
export function ClearDataSection({ download = downloadText }: ClearDataSectionProps) {
  const { database } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);

  const exportFirst = async () => {
    try {
      const files = await buildExport(await database(), 'json');
      for (const f of files) download(f.filename, f.text, f.mime);
      setExported(
        files.length === 1 ? 'Backup downloaded.' : `Backup downloaded as ${files.length} files: keep them together.`,
      );
    } catch (e) {
      setMessage({ kind: 'error', text: readErrorMessage(e) });
    }
  };
  const clear = async () => {
    setConfirming(false);
    const r = await clearAllData(await database());
    setMessage(
      r.ok
        ? { kind: 'success', text: 'All engagements, sources, passages and gazetteer entries were deleted.' }
        : { kind: 'error', text: r.error },
    );
  };

  return (
    <section aria-labelledby="clear-title" id="clear">
      <h2 id="clear-title">Clear all data</h2>
      <p class="muted">Deletes every engagement, source, saved passage and gazetteer entry. Settings are kept.</p>
      <button
        type="button"
        class="danger"
        onClick={() => {
          setExported(null);
          setMessage(null);
          setConfirming(true);
        }}
      >
        Clear all data…
      </button>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {confirming && (
        <ConfirmDialog
          title="Delete everything Counterpart stored?"
          confirmLabel="Delete everything"
          danger
          onConfirm={clear}
          onCancel={() => setConfirming(false)}
        >
          <p>This cannot be undone. Download a backup first so you can import it again later.</p>
          <button type="button" onClick={exportFirst}>
            Download a JSON backup first
          </button>
          {exported && (
            <p class="notice notice-success" role="status">
              {exported}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
