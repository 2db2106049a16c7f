import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonl, serializeJsonl } from '../../../../../src/core/formats/jsonl';
import { docsArb, schema } from '../arbitraries';
import { meaningOf } from '../docs';

const ALL = ['label', 'fragments', 'attributes', 'note', 'normalizations', 'quote', 'prefix', 'suffix'] as const;

describe('JSONL (doccano)', () => {
  for (const variant of ['label', 'entities'] as const) {
    it(`round-trips random documents in the ${variant} shape`, () => {
      fc.assert(
        fc.property(docsArb, (docs) => {
          const out = serializeJsonl(docs, schema(), { variant });
          const back = parseJsonl(out.files[0]!.content, { author: 'colleague' });
          if (!back.ok) throw new Error(JSON.stringify(back.errors));
          expect(back.value.documents.map((d) => [d.article.text, d.article.id, d.article.hash])).toEqual(
            docs.map((d) => [d.article.text, d.article.id, d.article.hash]),
          );
          for (const [i, doc] of docs.entries())
            expect(meaningOf(back.value.documents[i]!, { fields: [...ALL] })).toEqual(meaningOf(doc, { fields: [...ALL] }));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('reads plain doccano lines (no Lede key): one annotation per span, code point offsets', () => {
    const text = 'Ada 😀 met Bob';
    const input = [
      JSON.stringify({ text, label: [[0, 3, 'PER'], [10, 13, 'PER'], 'positive'] }),
      '',
      JSON.stringify({
        text,
        entities: [
          { id: 7, label: 'PER', start_offset: 0, end_offset: 3 },
          { id: 8, label: 'PER', start_offset: 10, end_offset: 13 },
        ],
        relations: [{ id: 1, from_id: 7, to_id: 8, type: 'meets' }],
      }),
    ].join('\n');
    const r = parseJsonl(input, { author: 'x' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [first, second] = r.value.documents;
    expect(first!.annotations.map((a) => a.quote)).toEqual(['Ada', 'Bob']);
    expect(r.value.report[0]).toMatch(/document label "positive"/);
    expect(second!.relations).toHaveLength(1);
    expect(r.value.schema.relationTypes.map((t) => t.id)).toEqual(['meets']);
  });

  it('reports bad lines with their line number and field, and fails the whole import', () => {
    const text = 'Hello 😀 world';
    const bad = (lines: string[]) => {
      const r = parseJsonl(lines.join('\n'), { author: 'x', file: 'in.jsonl' });
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.errors;
    };
    const good = JSON.stringify({ text, label: [[0, 5, 'X']] });
    expect(bad([good, JSON.stringify({ text, label: [[0, 99, 'X']] })])[0]).toMatchObject({ file: 'in.jsonl', line: 2, field: 'label[0]' });
    expect(bad([good, good, JSON.stringify({ text, label: [[5, 2, 'X']] })])[0]).toMatchObject({ line: 3, message: expect.stringMatching(/reversed/) });
    expect(bad(['{"text": "a", "label": [[0, 1, "X"]'])[0]).toMatchObject({ line: 1, message: expect.stringMatching(/not valid JSON/) });
    expect(bad([good, '{"label": []}'])[0]).toMatchObject({ line: 2, field: 'text' });
    expect(bad([JSON.stringify({ text, label: [[0, 1]] })])[0]).toMatchObject({ field: 'label[0]' });
    expect(bad([good, '{"text":"a","__proto__":{"polluted":1}}'])[0]).toMatchObject({ line: 2, field: '__proto__' });
    expect(
      bad([JSON.stringify({ text, entities: [{ id: 1, label: 'X', start_offset: 0, end_offset: 5 }], relations: [{ from_id: 1, to_id: 2, type: 'r' }] })])[0],
    ).toMatchObject({ field: 'relations[0]' });
  });
});
