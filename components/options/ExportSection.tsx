import { useState } from 'preact/hooks';
import { downloadText } from '../../lib/ui/download';
import { readErrorMessage } from '../../lib/ui/errors';
import { buildExport, EXPORT_LABELS, type ExportFormat, savedMessage } from '../../lib/ui/exports';
import { useServices } from '../../lib/ui/services';
import { Notice } from '../common/Notice';

export interface ExportSectionProps {
  /** Saves a file; the default downloads it through a Blob URL. */
  download?: (filename: string, text: string, mime: string) => void;
}

const FORMATS = Object.keys(EXPORT_LABELS) as ExportFormat[];

/** Downloads of everything stored, in four formats. */
export function ExportSection({ download = downloadText }: ExportSectionProps) {
  const { database } = useServices();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const run = async (format: ExportFormat) => {
    try {
      const files = await buildExport(await database(), format);
      for (const f of files) download(f.filename, f.text, f.mime);
      setMessage({ kind: 'success', text: savedMessage(files) });
    } catch (e) {
      setMessage({ kind: 'error', text: readErrorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="export-title" id="export">
      <h2 id="export-title">Export</h2>
      <ul class="export-list">
        {FORMATS.map((f) => (
          <li key={f}>
            <button type="button" onClick={() => run(f)}>
              Download {EXPORT_LABELS[f]}
            </button>
          </li>
        ))}
      </ul>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </section>
  );
}
