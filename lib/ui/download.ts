/**
 * Saves text as a file through a Blob, an object URL and a temporary <a download>: no `downloads` permission.
 * The document is a parameter so tests can watch the click.
 */
export function downloadText(filename: string, text: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The click has started the download synchronously; revoking later lets slow browsers read the blob first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "counterpart-2025-12-12" style names, so exports sort by date in a downloads folder. */
export function exportName(stem: string, ext: string, now: Date = new Date()): string {
  return `counterpart-${stem}-${now.toISOString().slice(0, 10)}.${ext}`;
}
