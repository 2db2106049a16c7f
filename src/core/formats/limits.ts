import type { Problem } from '../model/result';

/** Imports larger than this are refused before any parsing: 50 MB. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Bytes the string takes in UTF-8, counted without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A problem when the input is over the size limit, else null. Cheap for short inputs. */
export function sizeProblem(text: string, file?: string, maxBytes = MAX_INPUT_BYTES): Problem | null {
  // Each UTF-16 unit is at most 3 UTF-8 bytes, so short strings need no counting.
  if (text.length * 3 <= maxBytes) return null;
  const bytes = text.length > maxBytes ? text.length : utf8ByteLength(text);
  if (bytes <= maxBytes) return null;
  return { message: `input is larger than ${Math.round(maxBytes / 1024 / 1024)} MB (${bytes} bytes); refused`, ...(file ? { file } : {}) };
}
