import type { FilePayload } from '../../../core/api';

/** Reads dropped or chosen files into the api's payload form (name + base64 bytes). */
export async function readFilePayloads(files: readonly File[]): Promise<FilePayload[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })));
}

/** base64 without building one giant binary string (chunks keep big files off the call stack). */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}
