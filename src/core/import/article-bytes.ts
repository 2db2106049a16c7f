import { fail, ok, type Result } from '../model/result';

/**
 * Turning an imported file's bytes into article text, platform-free: the checks that decide
 * whether a file is a readable article at all. Every refusal names the file (and the line when
 * there is one) so the analyst knows what to fix.
 */

/** 20 MB: far above any news article, low enough that a mistaken drop of a video is refused fast. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type ArticleFileKind = 'text' | 'markdown' | 'html';

const KINDS: Record<string, ArticleFileKind> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

/** The kind of article a file name promises, or null for an extension Lede does not import. */
export function articleFileKind(name: string): ArticleFileKind | null {
  const match = /\.([^./\\]+)$/.exec(name);
  return (match && KINDS[match[1]!.toLowerCase()]) ?? null;
}

export function unsupportedExtensionProblem(name: string): Result<never> {
  return fail({ file: name, message: 'is not an article file Lede can import (use .txt, .md, .html or .htm)' });
}

interface StrictDecoder {
  decode(bytes: Uint8Array): string;
}
type DecoderClass = new (label: string, options: { fatal: boolean }) => StrictDecoder;

/**
 * Strict UTF-8 decoding. `TextDecoder` exists in every runtime Lede targets but is not in the
 * platform-free typings src/core compiles against, so it is reached through a narrow type.
 * With `fatal` a malformed byte throws instead of becoming U+FFFD, and a leading BOM is dropped.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  const Decoder = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;
  try {
    return new Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL; C1. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;

/**
 * The one rule for article text, wherever it comes from (an article file, the text inside an
 * annotation import): no control character but tab and line breaks. NUL and ESC never occur in
 * news text, and an article holding one could not be exported to brat and imported again.
 */
export function controlCharacterProblem(text: string): { line: number; message: string } | null {
  const control = CONTROL.exec(text);
  if (!control) return null;
  const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return {
    line: lineAtIndex(text, control.index),
    message: `contains the control character U+${code}, which does not occur in article text: it looks like a binary or terminal file`,
  };
}

/** The exact text of an article file, or why it cannot be one. Nothing but the BOM is removed. */
export function decodeArticleBytes(name: string, bytes: Uint8Array): Result<string> {
  if (bytes.length === 0) return fail({ file: name, message: 'is empty' });
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail({ file: name, message: `is ${megabytes(bytes.length)} MB, over the ${megabytes(MAX_ARTICLE_BYTES)} MB limit for an article` });
  }
  if (bytes.indexOf(0) >= 0) {
    return fail({
      file: name,
      message: 'looks like a binary file, not text (it contains NUL bytes); if it is text saved as UTF-16, save it as UTF-8',
    });
  }
  const text = strictUtf8(bytes);
  if (text === null) {
    const at = firstInvalidUtf8(bytes);
    return fail({
      file: name,
      line: lineAtByte(bytes, at),
      message: `is not valid UTF-8 text (${describeByte(bytes, at)}); save it as UTF-8 and import it again`,
    });
  }
  const control = controlCharacterProblem(text);
  if (control) return fail({ file: name, ...control });
  if (text.trim() === '') return fail({ file: name, message: 'contains only whitespace' });
  return ok(text);
}

function describeByte(bytes: Uint8Array, at: number): string {
  const byte = bytes[at];
  return byte === undefined ? 'it ends inside a character' : `byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at}`;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineAtIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past
 * U+10FFFF), only used to point at the problem once the strict decoder has refused the file.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
