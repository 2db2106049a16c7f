import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeConll } from '../../../../../src/core/formats/conll';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { docsArb, schema } from '../arbitraries';

/** Drops annotations that overlap an earlier one of the same label (one column cannot hold both). */
function withoutSameLabelOverlaps(doc: ArticleDoc): ArticleDoc {
  const kept: ArticleDoc['annotations'] = [];
  for (const a of doc.annotations) {
    const clash = kept.some((b) => b.label === a.label && b.fragments.some((f) => a.fragments.some((g) => g.start < f.end && f.start < g.end)));
    if (!clash) kept.push(a);
  }
  return { ...doc, annotations: kept, relations: [] };
}

/** Runs of B-/I- tags per label column, read back as the token text they cover. */
function runsOf(content: string): string[] {
  const lines = content.split('\n');
  const labels = lines[0]!.replace('# columns = TOKEN ', '').split(' ');
  const runs: string[] = [];
  const open = labels.map(() => -1);
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith('#')) continue;
    const [token, ...tags] = line.split('\t');
    for (const [c, tag] of tags.entries()) {
      if (tag.startsWith('B-')) open[c] = runs.push(`${labels[c]}:${token}`) - 1;
      else if (tag.startsWith('I-')) runs[open[c]!] += token!;
      else open[c] = -1;
    }
  }
  return runs.sort();
}

describe('CoNLL BIO', () => {
  it('tags every fragment with exactly its text, one column per label, nested spans included', () => {
    fc.assert(
      fc.property(docsArb, (raw) => {
        const docs = raw.map(withoutSameLabelOverlaps);
        const out = serializeConll(docs, schema());
        const expected = docs
          .flatMap((d) => d.annotations.flatMap((a) => a.fragments.map((f) => `${a.label}:${d.article.text.slice(f.start, f.end).replace(/\s/g, '')}`)))
          .filter((s) => !s.endsWith(':'))
          .sort();
        expect(runsOf(out.files[0]!.content)).toEqual(expected);
        // No overlap to report; only what CoNLL cannot hold (links, notes, attributes, …), by kind.
        for (const line of out.report)
          expect(line).toMatch(
            /^(\d+ links? of type "[^"]+": CoNLL has no links|\d+ annotation notes?: |attributes of \d+ annotations?: |\d+ discontinuous annotations?: |normalisations )/,
          );
      }),
      { numRuns: 80 },
    );
  });

  it('writes one token per line, blank lines between sentences and paragraphs, and reports same-label overlaps', () => {
    const text = 'Ada Lovelace said no. Bob agreed.\nNew paragraph 😀 here';
    const a = (id: string, label: string, start: number, end: number) => ({
      id,
      label,
      fragments: [{ start, end }],
      quote: '',
      prefix: '',
      suffix: '',
      attributes: {},
      note: '',
      author: 'x',
      created: '',
      modified: '',
    });
    const doc: ArticleDoc = {
      article: { id: 'a_1', title: '', source: '', importedAt: '', hash: '0'.repeat(64), text },
      annotations: [a('q', 'quote', 0, 21), a('p', 'actor', 0, 12), a('e', 'claim', 48, 50), a('c1', 'claim', 22, 33), a('c2', 'claim', 26, 33)],
      relations: [],
    };
    const out = serializeConll([doc], schema());
    const lines = out.files[0]!.content.split('\n');
    expect(lines[0]).toBe('# columns = TOKEN claim quote actor event');
    expect(lines.slice(2, 4)).toEqual(['# doc_id = a_1', 'Ada\tO\tB-quote\tB-actor\tO']);
    expect(lines[4]).toBe('Lovelace\tO\tI-quote\tI-actor\tO');
    expect(lines[7]).toBe('.\tO\tI-quote\tO\tO');
    expect(lines[8]).toBe('');
    expect(lines).toContain('😀\tB-claim\tO\tO\tO');
    expect(lines.filter((l) => l === '').length).toBe(4);
    expect(out.report[0]).toMatch(/c2 overlaps another claim span/);
  });

  it('says what it could not carry, per kind, instead of "everything was represented exactly" (issue 10)', () => {
    const text = 'Ada said it was done, and Bob agreed.';
    const a = (id: string, label: string, fragments: { start: number; end: number }[], extra: object = {}) => ({
      id,
      label,
      fragments,
      quote: '',
      prefix: '',
      suffix: '',
      attributes: {},
      note: '',
      author: 'x',
      created: '',
      modified: '',
      ...extra,
    });
    const rel = (id: string, type: string, from: string, to: string, note?: string) => ({
      id,
      type,
      from,
      to,
      author: 'x',
      created: '',
      modified: '',
      ...(note ? { note } : {}),
    });
    const doc: ArticleDoc = {
      article: { id: 'a_1', title: '', source: '', importedAt: '', hash: '0'.repeat(64), text },
      annotations: [
        a(
          'q',
          'quote',
          [
            { start: 9, end: 20 },
            { start: 26, end: 36 },
          ],
          { note: 'two pieces', attributes: { verified: true } },
        ),
        a('s', 'actor', [{ start: 0, end: 3 }], { normalizations: [{ resource: 'Wikidata', ref: 'Q7259', text: 'Ada' }] }),
        a('b', 'actor', [{ start: 26, end: 29 }]),
      ],
      relations: [rel('r1', 'speaker', 'q', 's'), rel('r2', 'cites', 'q', 'b', 'odd'), rel('r3', 'cites', 'q', 's')],
    };
    expect(serializeConll([doc], schema()).report).toEqual([
      '2 links of type "cites": CoNLL has no links; not exported',
      '1 link of type "speaker": CoNLL has no links; not exported',
      '1 annotation note: CoNLL has no notes; not exported',
      'attributes of 1 annotation: CoNLL has no attributes; not exported',
      '1 discontinuous annotation: CoNLL writes each piece as a span of its own, so they no longer read as one',
      'normalisations (entity links) of 1 annotation: CoNLL has no place for them; not exported',
    ]);
  });
});
