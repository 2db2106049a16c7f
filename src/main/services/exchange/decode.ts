import { Buffer, isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../../core/import/article-bytes';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { ImportFormat } from '../../../core/formats';
import { fail, ok, type Result } from '../../../core/model/result';
import { sortIntoUnits, type TextFile, type Units } from './units';
import { expandZips } from './unzip';
import { mayBeAnnotationFile } from '../../../core/formats/registry';

/**
 * Chosen files as an import (and `lede validate`) sees them: zips unpacked, each file decoded,
 * then sorted into what gets parsed. A file that cannot be decoded is a problem; every other file
 * is still sorted, so all problems show at once. Beside brat files, a file no annotation format
 * has (a brat project's README, stats cache, kb.shelve…) is skipped with a note, not read.
 */
export function decodeIntoUnits(chosen: readonly { path: string; bytes: Uint8Array }[], format?: ImportFormat): Units {
  const { files, problems, notes } = expandZips(chosen);
  const texts: TextFile[] = [];
  const brat = files.some((f) => /\.ann$/i.test(f.path));
  for (const f of files) {
    if (f.path.split('/').pop()!.startsWith('.')) {
      notes.push(`${f.path}: hidden file; skipped`);
      continue;
    }
    if (brat && !mayBeAnnotationFile(f.path)) {
      notes.push(`${f.path}: not an annotation file (a brat project's README, settings or cache); skipped`);
      continue;
    }
    const decoded = decodeAnnotationFile(f.path, f.bytes);
    if (decoded.ok) texts.push({ path: f.path, text: decoded.value });
    else problems.push(...decoded.errors);
  }
  const sorted = sortIntoUnits(texts, format);
  return { ...sorted, problems: [...problems, ...sorted.problems], notes: [...notes, ...sorted.notes] };
}

/**
 * The text of an annotation file, or why it is refused: over 50 MB (checked before decoding, so
 * a huge file costs nothing), NUL bytes (binary, or UTF-16 that happens to decode), or anything
 * that is not strict UTF-8 — a malformed byte is never turned into U+FFFD, since offsets counted
 * in the original text would then point at the wrong characters. A leading BOM is dropped, but
 * for a .txt: brat counts it as a character, so parseBrat reads the offsets against it (and drops it).
 */
export function decodeAnnotationFile(file: string, bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): Result<string> {
  if (bytes.length > maxBytes) {
    return fail({
      file,
      message: `the file is ${megabytes(bytes.length)} MB, over the ${megabytes(maxBytes)} MB import limit; refused (export one file per article instead)`,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail({ file, line: lineAtByte(bytes, nul), message: 'contains NUL bytes: a binary file, or text saved as UTF-16; save it as UTF-8' });
  }
  // Validated natively, then decoded in one copy: a fatal TextDecoder does the same check at a
  // fraction of the speed (a tenth of a 40 MB import). A leading byte order mark stays in the
  // text (toString keeps it), so it is this code that decides what to do with it.
  const text = isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  if (text === null) {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at];
    const what = byte === undefined ? 'it ends inside a character' : `byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at}`;
    return fail({ file, line: lineAtByte(bytes, at), message: `is not valid UTF-8 (${what}); save it as UTF-8 and import it again` });
  }
  return ok(text.charCodeAt(0) === 0xfeff && !/\.txt$/i.test(file) ? text.slice(1) : text);
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
