import type { ExportDownload } from '../../../core/api/exchange';

/**
 * Hands an export to the analyst: a Blob behind an <a download> link. The browser saves it as a
 * download; Electron shows its native save dialog for the same click.
 */
export function saveDownload(file: ExportDownload): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
