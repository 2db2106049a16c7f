import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBrat, serializeBrat, splitAtLineBreaks, validateBrat } from '../../../../../src/core/formats/brat';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { docArb, schema } from '../arbitraries';
import { meaningOf } from '../docs';

/**
 * What brat can hold of a document, stated independently of the exporter: spans split at line
 * breaks, no `false` attributes (brat has only present/absent), notes on one line, and no notes
 * on event arguments (they have no id to attach a note to).
 */
function bratView(doc: ArticleDoc): ArticleDoc {
  const text = doc.article.text;
  const annotations = doc.annotations
    .map((a) => ({
      ...a,
      fragments: splitAtLineBreaks(text, a.fragments),
      attributes: Object.fromEntries(Object.entries(a.attributes).filter(([, v]) => v !== false)),
      note: a.note.replace(/\r\n|[\r\n]/g, ' '),
    }))
    .filter((a) => a.fragments.length > 0);
  const kept = new Map(annotations.map((a) => [a.id, a]));
  const relations = doc.relations
    .filter((r) => kept.has(r.from) && kept.has(r.to))
    .map((r) => {
      const fromEvent = kept.get(r.from)!.label === 'event';
      const note = fromEvent || !r.note ? undefined : r.note.replace(/\r\n|[\r\n]/g, ' ');
      const { note: _, ...rest } = r;
      return note ? { ...rest, note } : rest;
    });
  return { ...doc, annotations, relations };
}

describe('brat round trip of random documents', () => {
  it('export -> import gives back labels, fragments, relations, attributes and notes as brat can hold them', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const out = serializeBrat([doc], schema());
        const ann = out.files.find((f) => f.path.endsWith('.ann'))!.content;
        const txt = out.files.find((f) => f.path.endsWith('.txt'))!.content;
        expect(validateBrat({ txt, ann })).toEqual([]);
        const conf = out.files.find((f) => f.path === 'annotation.conf')!.content;
        const back = parseBrat({ txt, ann, author: 'x', conf });
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(meaningOf(back.value.documents[0]!)).toEqual(meaningOf(bratView(doc)));
        expect(back.value.schema.labels.find((l) => l.id === 'event')?.kind ?? 'event').toBe('event');
      }),
      { numRuns: 150 },
    );
  });
});
