import { ApiError, type FilePayload } from '../../../core/api';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Files cross the api as base64 (JSON has no bytes). Names are reduced to their last path
 * segment so a caller cannot smuggle a path into anything that later touches disk.
 */
export function decodeFilePayloads(files: readonly FilePayload[]): { name: string; bytes: Uint8Array }[] {
  return files.map(({ name, base64 }) => {
    if (base64.length % 4 !== 0 || !BASE64.test(base64)) {
      throw new ApiError('invalid-argument', `The content sent for ${JSON.stringify(name)} is not valid base64.`);
    }
    const bytes = Buffer.from(base64, 'base64');
    return { name: baseName(name), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  });
}

function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last.trim() || 'unnamed';
}
