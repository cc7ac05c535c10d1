/** Saves a file through a temporary object URL (extension pages need no downloads permission for this). */
function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled (the download keeps its own reference).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text (CSV, ICS, a backup) as a file. */
export function downloadText(filename: string, text: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Saves bytes (an .xlsx workbook) as a file. */
export function downloadBytes(filename: string, bytes: Uint8Array, type: string): void {
  downloadBlob(filename, new Blob([bytes as BlobPart], { type }));
}
