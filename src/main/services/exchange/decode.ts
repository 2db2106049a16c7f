import { firstInvalidUtf8 } from '../../../core/import/article-bytes';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { ImportFormat } from '../../../core/formats';
import { fail, ok, type Problem, type Result } from '../../../core/model/result';
import { sortIntoUnits, type TextFile, type Units } from './units';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Chosen files as an import (and `lede validate`) sees them: each decoded, then sorted into what
 * gets parsed. A file that cannot be decoded is a problem; every other file is still sorted, so
 * all problems show at once.
 */
export function decodeIntoUnits(files: readonly { path: string; bytes: Uint8Array }[], format?: ImportFormat): Units {
  const texts: TextFile[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const decoded = decodeAnnotationFile(f.path, f.bytes);
    if (decoded.ok) texts.push({ path: f.path, text: decoded.value });
    else problems.push(...decoded.errors);
  }
  const sorted = sortIntoUnits(texts, format);
  return { ...sorted, problems: [...problems, ...sorted.problems] };
}

/**
 * The text of an annotation file, or why it is refused: over 50 MB (checked before decoding, so
 * a huge file costs nothing), NUL bytes (binary, or UTF-16 that happens to decode), or anything
 * that is not strict UTF-8 — a malformed byte is never turned into U+FFFD, since offsets counted
 * in the original text would then point at the wrong characters. A leading BOM is dropped.
 */
export function decodeAnnotationFile(file: string, bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): Result<string> {
  if (bytes.length > maxBytes) {
    return fail({ file, message: `the file is ${megabytes(bytes.length)} MB, over the ${megabytes(maxBytes)} MB import limit; refused (export one file per article instead)` });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail({ file, line: lineAtByte(bytes, nul), message: 'contains NUL bytes: a binary file, or text saved as UTF-16; save it as UTF-8' });
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at];
    const what = byte === undefined ? 'it ends inside a character' : `byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at}`;
    return fail({ file, line: lineAtByte(bytes, at), message: `is not valid UTF-8 (${what}); save it as UTF-8 and import it again` });
  }
  return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
