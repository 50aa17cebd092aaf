/**
 * Saves a Blob made or fetched in the page as a file, through a temporary object URL (allowed by the CSP),
 * so nothing is sent to the server a second time.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own copy.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
