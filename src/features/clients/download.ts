/**
 * Saves text as a CSV file. A UTF-8 byte-order mark comes first so spreadsheets read
 * Chinese names as such, not as mojibake.
 */
export function downloadCsv(csv: string, fileName: string): void {
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own reference by now.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
