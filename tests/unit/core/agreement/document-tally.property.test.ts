import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgreementDocument, AgreementLink, AgreementSpan } from '../../../../src/core/agreement/documents';
import { tallyDocument } from '../../../../src/core/agreement/document-tally';
import { agreementOfTallies, computeAgreement, sortedAnnotators, type AgreementReport } from '../../../../src/core/agreement/report';

/**
 * The report is a merge of per-document tallies (document-tally.ts). Documents use different
 * labels, link types and attributes, so the merge must realign each document's rows on the
 * report's: checked here against reports of each document on its own, and against tallies that
 * crossed a thread (structured clone), as the workspace's reading threads send them.
 */

const ANNOTATORS = ['ann', 'bob', 'cy'];
const LABELS = ['claim', 'quote', 'actor', 'event'];
const TEXT = 'The minister said on Tuesday that prices would fall, Zoë reported.\nVotes  were   counted.';

const fragment = fc
  .tuple(fc.nat({ max: TEXT.length - 1 }), fc.integer({ min: 1, max: 12 }))
  .map(([start, length]) => ({ start, end: Math.min(TEXT.length, start + length) }));

const annotation = fc.record({
  author: fc.constantFrom(...ANNOTATORS),
  label: fc.constantFrom(...LABELS),
  fragments: fc.oneof({ weight: 4, arbitrary: fragment.map((f) => [f]) }, { weight: 1, arbitrary: fc.tuple(fragment, fragment) }),
  attributes: fc.option(fc.dictionary(fc.constantFrom('certainty', 'gender'), fc.constantFrom('high', 'low')), { nil: undefined }),
});

const documentOf = (n: number) =>
  fc
    .record({
      layers: fc.subarray(ANNOTATORS, { minLength: 1 }),
      annotations: fc.array(annotation, { maxLength: 14 }),
      links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('speaker', 'source')), { maxLength: 5 }),
    })
    .map(({ layers, annotations, links }): AgreementDocument => {
      const spans: AgreementSpan[] = annotations
        .filter((a) => layers.includes(a.author))
        .map((a, i) => ({
          id: `s${i}`,
          author: a.author,
          label: a.label,
          fragments: [...a.fragments].sort((x, y) => x.start - y.start),
          ...(a.attributes ? { attributes: a.attributes } : {}),
        }));
      const relations: AgreementLink[] =
        spans.length === 0
          ? []
          : links.map(([from, to, type], i) => {
              const a = spans[from % spans.length]!;
              return { id: `r${i}`, type, from: a.id, to: spans[to % spans.length]!.id, author: a.author };
            });
      return { id: `d${n}`, title: `Document ${n}`, text: TEXT, layers, annotations: spans, relations };
    });

const corpus = fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, n) => documentOf(n))));
const chosen = fc.subarray(ANNOTATORS, { minLength: 2 });

describe('agreement as a merge of document tallies', () => {
  it('gives each compared document the counts of its report on its own', () => {
    fc.assert(
      fc.property(corpus, chosen, (docs, annotators) => {
        const report = computeAgreement(docs, { annotators });
        expect(report.documents.map((d) => d.id)).toEqual(docs.filter((d) => annotators.every((a) => d.layers.includes(a))).map((d) => d.id));
        let tokens = 0;
        report.documents.forEach((d, i) => {
          const alone = computeAgreement([docs.find((x) => x.id === d.id)!], { annotators });
          tokens += alone.tokenCount;
          report.pairs.forEach((_, p) => {
            for (const family of ['instance', 'token', 'links'] as const) {
              const { tp, fp, fn, f1 } = report[family].pairs[p]!.perDocument[i]!;
              expect({ tp, fp, fn, f1 }).toEqual(withoutSplits(alone[family].pairs[p]!.total));
            }
            alone.labels.forEach((label, l) => {
              const whole = report.instance.pairs[p]!.perLabel[report.labels.indexOf(label)]!;
              expect(whole.tp).toBeGreaterThanOrEqual(alone.instance.pairs[p]!.perLabel[l]!.tp);
            });
          });
        });
        expect(report.tokenCount).toBe(tokens);
        expectTablesAreSums(report, docs, annotators);
      }),
      { numRuns: 150 },
    );
  });

  it('is the same from tallies that crossed a thread', () => {
    fc.assert(
      fc.property(corpus, chosen, fc.option(fc.subarray(LABELS, { minLength: 1 }), { nil: undefined }), (docs, annotators, labels) => {
        const options = { annotators, ...(labels ? { labels } : {}) };
        const tallies = docs.map((d) => structuredClone(tallyDocument(d, sortedAnnotators(annotators), labels ? new Set(labels) : undefined)));
        expect(agreementOfTallies(tallies, options)).toEqual(computeAgreement(docs, options));
      }),
      { numRuns: 100 },
    );
  });
});

function withoutSplits(c: { tp: number; fp: number; fn: number; f1: number | null }) {
  return { tp: c.tp, fp: c.fp, fn: c.fn, f1: c.f1 };
}

/** Kappa tables and attribute tallies of the whole are the sums of the documents' own, label by label and name by name. */
function expectTablesAreSums(report: AgreementReport, docs: readonly AgreementDocument[], annotators: readonly string[]): void {
  const alone = report.documents.map((d) => computeAgreement([docs.find((x) => x.id === d.id)!], { annotators }));
  report.tokenBinary.forEach(({ label, kappaPairs }) => {
    kappaPairs.forEach(({ table }, p) => {
      const sum = { n11: 0, n10: 0, n01: 0 };
      for (const one of alone) {
        const row = one.tokenBinary.find((t) => t.label === label);
        if (!row) continue;
        sum.n11 += row.kappaPairs[p]!.table.n11;
        sum.n10 += row.kappaPairs[p]!.table.n10;
        sum.n01 += row.kappaPairs[p]!.table.n01;
      }
      expect({ n11: table.n11, n10: table.n10, n01: table.n01 }).toEqual(sum);
      expect(table.n00).toBe(report.tokenCount - sum.n11 - sum.n10 - sum.n01);
    });
  });
  for (const attribute of report.attributes) {
    attribute.pairs.forEach((pair, p) => {
      let compared = 0;
      let agreed = 0;
      for (const one of alone) {
        const row = one.attributes.find((x) => x.name === attribute.name);
        compared += row?.pairs[p]!.compared ?? 0;
        agreed += row?.pairs[p]!.agreed ?? 0;
      }
      expect({ compared: pair.compared, agreed: pair.agreed }).toEqual({ compared, agreed });
    });
  }
}
