/** Hands a file to the browser's download, as a link with `download` would. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the time this runs; the URL only holds the Blob alive.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
