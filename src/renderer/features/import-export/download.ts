import type { ExportDownload } from '../../../core/api/exchange';

/**
 * Hands an export to the analyst: a Blob behind an <a download> link. The browser saves it as a
 * download; Electron shows its native save dialog for the same click.
 */
export async function saveDownload(file: ExportDownload): Promise<void> {
  const url = URL.createObjectURL(new Blob(await decodeBase64(file.base64), { type: file.mime }));
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

/** 4 MB of base64 at a time (a multiple of 4), yielding between pieces so a big export never freezes the window. */
const PIECE = 4 * 1024 * 1024;

async function decodeBase64(base64: string): Promise<Uint8Array<ArrayBuffer>[]> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < base64.length; at += PIECE) {
    const binary = atob(base64.slice(at, at + PIECE));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    pieces.push(bytes);
    if (at + PIECE < base64.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return pieces;
}
