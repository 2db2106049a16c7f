import { Buffer, isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../../core/import/article-bytes';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { ImportFormat } from '../../../core/formats';
import { fail, ok, type Problem, type Result } from '../../../core/model/result';
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
    const problem = annotationFileProblem(f.path, f.bytes);
    if (problem) problems.push(problem);
    else texts.push(lazyTextFile(f.path, f.bytes));
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
  const problem = annotationFileProblem(file, bytes, maxBytes);
  return problem ? fail(problem) : ok(decodeChecked(file, bytes));
}

/** Why decodeAnnotationFile refuses these bytes, found without decoding them (no string is made). */
export function annotationFileProblem(file: string, bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): Problem | null {
  if (bytes.length > maxBytes) {
    return {
      file,
      message: `the file is ${megabytes(bytes.length)} MB, over the ${megabytes(maxBytes)} MB import limit; refused (export one file per article instead)`,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { file, line: lineAtByte(bytes, nul), message: 'contains NUL bytes: a binary file, or text saved as UTF-16; save it as UTF-8' };
  }
  // Validated natively: a fatal TextDecoder does the same check at a fraction of the speed (a
  // tenth of a 40 MB import).
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at];
    const what = byte === undefined ? 'it ends inside a character' : `byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at}`;
    return { file, line: lineAtByte(bytes, at), message: `is not valid UTF-8 (${what}); save it as UTF-8 and import it again` };
  }
  return null;
}

/**
 * The text of bytes annotationFileProblem accepted, in one copy. A leading byte order mark stays
 * in the text (toString keeps it) only for a .txt: brat counts it as a character.
 */
function decodeChecked(file: string, bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && !/\.txt$/i.test(file);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom ? 3 : 0);
}

/**
 * A checked file whose text is decoded each time it is read and never kept: an import holds its
 * input as bytes (UTF-8) until each file is parsed, not as text, which is twice the size in memory
 * once a file holds one character outside Latin-1 (a thousand W3C files: 86 MB of bytes, 172 MB
 * of text). Read it once, where it is parsed, and take it there (its bytes are let go then).
 */
function lazyTextFile(path: string, bytes: Uint8Array): TextFile {
  let held: Uint8Array | null = bytes;
  const read = () => {
    if (held === null) throw new Error(`${path} was read after it was taken`);
    return decodeChecked(path, held);
  };
  return {
    path,
    get text() {
      return read();
    },
    take() {
      const text = read();
      held = null;
      return text;
    },
  };
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
