/** The four export formats as files ready to download; each reads the database once. */
import { backupFiles, exportBackup, toCsv, toMarkdown, toWebAnnotations } from '../db/backup';
import type { CounterpartDB } from '../db/schema';
import { getSettings, type Settings } from '../settings/settings';
import { exportName } from './download';

export type ExportFormat = 'json' | 'csv' | 'markdown' | 'annotations';

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON backup (everything, can be imported)',
  csv: 'CSV of engagements (spreadsheets)',
  markdown: 'Markdown of the timeline and passages',
  annotations: 'Saved passages as W3C Web Annotations (JSON-LD)',
};

/**
 * The files of one export: one per format, except a JSON backup larger than an import may read in one piece,
 * which comes as numbered parts (`…-part-1-of-2.json`) that are imported together (see `backupFiles`).
 */
export async function buildExport(
  db: CounterpartDB,
  format: ExportFormat,
  now: Date = new Date(),
  readSettings: () => Promise<Settings> = getSettings,
): Promise<ExportFile[]> {
  // The JSON backup is everything, settings included; the other formats are the timeline only.
  const b = await exportBackup(db, now.getTime(), format === 'json' ? await readSettings() : null);
  switch (format) {
    case 'json': {
      const texts = backupFiles(b);
      return texts.map((text, i) => ({
        filename: exportName(texts.length > 1 ? `backup-part-${i + 1}-of-${texts.length}` : 'backup', 'json', now),
        mime: 'application/json',
        text,
      }));
    }
    case 'csv':
      return [
        { filename: exportName('engagements', 'csv', now), mime: 'text/csv', text: toCsv(b.engagements, b.sources) },
      ];
    case 'markdown':
      return [
        {
          filename: exportName('timeline', 'md', now),
          mime: 'text/markdown',
          text: toMarkdown(b.engagements, b.sources, b.passages),
        },
      ];
    case 'annotations': {
      const items = toWebAnnotations(b.passages);
      // An AnnotationCollection (W3C Web Annotation Protocol) so the file is one JSON-LD document.
      const collection = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        label: 'Counterpart saved passages',
        total: items.length,
        first: { type: 'AnnotationPage', startIndex: 0, items },
      };
      return [
        {
          filename: exportName('passages', 'jsonld', now),
          mime: 'application/ld+json',
          text: JSON.stringify(collection),
        },
      ];
    }
  }
}

/** "Saved counterpart-backup-2026-01-06.json to your downloads." or the parts, for the reader. */
export function savedMessage(files: readonly ExportFile[]): string {
  if (files.length === 1) return `Saved ${files[0].filename} to your downloads.`;
  return `Saved ${files.length} files to your downloads (${files[0].filename} to ${files[files.length - 1].filename}): the backup was too large for one file. Import them together.`;
}
