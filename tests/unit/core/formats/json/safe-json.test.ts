import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, safeJsonParse } from '../../../../../src/core/formats/json/safe-json';

describe('safeJsonParse', () => {
  it('parses ordinary JSON, a byte order mark included', () => {
    expect(safeJsonParse('\uFEFF{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
  });

  it('names the path to a prototype-polluting key, however deep', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = safeJsonParse(`{"documents":[{"x":1},{"article":{"${key}":{}}}]}`, 'f.json');
      expect(result).toMatchObject({
        ok: false,
        errors: [{ file: 'f.json', field: `documents[1].article.${key}`, message: expect.stringMatching(/not allowed/) }],
      });
    }
    expect(safeJsonParse('[{"__proto__":1}]')).toMatchObject({ ok: false, errors: [{ field: '[0].__proto__' }] });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels and says where`, () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    const result = safeJsonParse(deep);
    expect(result).toMatchObject({ ok: false, errors: [{ field: `${'[0]'.repeat(MAX_JSON_DEPTH)}`, message: expect.stringMatching(/nested more than/) }] });
    expect(safeJsonParse(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`).ok).toBe(true);
  });

  it('locates a syntax error by line', () => {
    expect(safeJsonParse('{\n"a": 1,\n}', 'f.json')).toMatchObject({ ok: false, errors: [{ file: 'f.json', line: 3 }] });
  });

  it('finds a problem after thousands of safe objects (the quick walk) and still names its path', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: i, fragments: [{ start: i, end: i + 1 }], attributes: {} }));
    expect(safeJsonParse(JSON.stringify({ items })).ok).toBe(true);
    const text = JSON.stringify({ items }).replace(/"attributes":\{\}\}\]\}$/, '"attributes":{"constructor":1}}]}');
    expect(safeJsonParse(text)).toMatchObject({ ok: false, errors: [{ field: 'items[4999].attributes.constructor' }] });
  });
});
