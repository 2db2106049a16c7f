import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleFileKind, decodeArticleBytes, firstInvalidUtf8, MAX_ARTICLE_BYTES } from '../../../../src/core/import/article-bytes';
import { formatProblem } from '../../../../src/core/model/result';

const utf8 = (s: string) => new TextEncoder().encode(s);
const message = (r: ReturnType<typeof decodeArticleBytes>) => (r.ok ? '' : r.errors.map(formatProblem).join('; '));

describe('articleFileKind', () => {
  it('knows text, markdown and html, case-insensitively, and nothing else', () => {
    expect(articleFileKind('a.txt')).toBe('text');
    expect(articleFileKind('A.MD')).toBe('markdown');
    expect(articleFileKind('notes.markdown')).toBe('markdown');
    expect(articleFileKind('page.HTM')).toBe('html');
    expect(articleFileKind('page.html')).toBe('html');
    expect(articleFileKind('report.pdf')).toBeNull();
    expect(articleFileKind('txt')).toBeNull();
    expect(articleFileKind('archive.txt.gz')).toBeNull();
  });
});

describe('decodeArticleBytes', () => {
  it('keeps the text exactly, dropping only a UTF-8 BOM', () => {
    const text = 'Héadline\r\n\n  indented “quote” 🚌\t\n';
    expect(decodeArticleBytes('a.txt', utf8(text))).toEqual({ ok: true, value: text });
    expect(decodeArticleBytes('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ ok: true, value: text });
  });

  it('refuses empty and whitespace-only files, naming the file', () => {
    expect(message(decodeArticleBytes('e.txt', new Uint8Array()))).toBe('e.txt: is empty');
    expect(message(decodeArticleBytes('w.txt', utf8(' \n\t\n')))).toBe('w.txt: contains only whitespace');
  });

  it('refuses oversized files before looking at them', () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(message(decodeArticleBytes('big.txt', big))).toMatch(/^big\.txt: is 20\.0 MB, over the 20 MB limit/);
    expect(decodeArticleBytes('max.txt', new Uint8Array(MAX_ARTICLE_BYTES).fill(0x61)).ok).toBe(true);
  });

  it('refuses binary (NUL) files', () => {
    expect(message(decodeArticleBytes('b.txt', new Uint8Array([0x61, 0x0a, 0x62, 0x00])))).toMatch(/^b\.txt: looks like a binary file/);
  });

  it('refuses non-UTF-8 text, pointing at the first bad byte', () => {
    const latin1 = new Uint8Array([...utf8('ok line\nCaf'), 0xe9, 0x20, 0x6f]);
    expect(message(decodeArticleBytes('l.txt', latin1))).toBe(
      'l.txt:2: is not valid UTF-8 text (byte 0xe9 at offset 11); save it as UTF-8 and import it again',
    );
  });

  it('refuses control characters that never occur in articles', () => {
    expect(message(decodeArticleBytes('c.txt', utf8('line\n\u001b[31mred')))).toMatch(/^c\.txt:2: contains the control character U\+001B/);
    expect(message(decodeArticleBytes('c1.txt', utf8('mojibake \u0093quoted\u0094')))).toMatch(/U\+0093/);
    expect(decodeArticleBytes('ok.txt', utf8('tab\there\fform feed\vvertical\r\n')).ok).toBe(true);
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the strict TextDecoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the exact offset in text with one corrupted byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 10 }), (a, b) => {
        const bytes = new Uint8Array([...utf8(a), 0xff, ...utf8(b)]);
        expect(firstInvalidUtf8(bytes)).toBe(utf8(a).length);
      }),
    );
  });
});
