import { describe, expect, it } from 'vitest';
import { selectForAgreement } from '../../../../src/core/agreement/documents';
import { instanceDisagreements } from '../../../../src/core/agreement/instance-f1';
import { computeAgreement } from '../../../../src/core/agreement/report';
import { indicatorDisagreements, tokenF1Disagreements } from '../../../../src/core/agreement/token-disagreements';
import { doc, span } from './make';

//            0         1         2         3
//            0123456789012345678901234567890123456
const TEXT = 'The mayor said the bridge will close.';
const docs = [
  doc(
    'one',
    TEXT,
    ['x', 'y', 'z'],
    [
      span('x', 'Source', [0, 9]),
      span('y', 'Source', [4, 9]),
      span('z', 'Source', [0, 9]),
      span('x', 'Cue', [10, 14]),
      span('y', 'Cue', [10, 14]),
      span('z', 'Content', [15, 37]),
    ],
  ),
  doc('two', 'Nothing here.', ['x', 'y', 'z'], [span('y', 'Cue', [0, 7])]),
];
const selection = selectForAgreement(docs, { annotators: ['x', 'y', 'z'] });

describe('what lies behind a figure', () => {
  it('instance: the annotations left unmatched, side A as false negatives and B as false positives', () => {
    const found = instanceDisagreements(selection, { a: 'x', b: 'y' });
    expect(found.map((d) => [d.document, d.label, d.side, d.annotation.fragments[0]!.start])).toEqual([
      ['one', 'Source', 'A', 0],
      ['one', 'Source', 'B', 4],
      ['two', 'Cue', 'B', 0],
    ]);
    const report = computeAgreement(docs, { annotators: ['x', 'y', 'z'] });
    const pair = report.instance.pairs.find((p) => p.a === 'x' && p.b === 'y')!;
    expect(found.filter((d) => d.side === 'A')).toHaveLength(pair.total.fn);
    expect(found.filter((d) => d.side === 'B')).toHaveLength(pair.total.fp);
  });

  it('instance: narrowed to one label or one document', () => {
    expect(instanceDisagreements(selection, { a: 'x', b: 'y', label: 'Cue' }).map((d) => d.document)).toEqual(['two']);
    expect(instanceDisagreements(selection, { a: 'x', b: 'y', document: 'two' })).toHaveLength(1);
  });

  it('token F1: the tokens whose unit counts differ', () => {
    const found = tokenF1Disagreements(selection, { a: 'x', b: 'y' });
    expect(found.map((d) => [d.label, d.text, d.counts])).toEqual([
      ['Source', 'The', [1, 0]],
      ['Cue', 'Nothing', [0, 1]],
    ]);
  });

  it('kappa and alpha: tokens where the annotators asked about do not all agree', () => {
    const pair = indicatorDisagreements(selection, { annotators: ['x', 'z'], label: 'Content' });
    expect(pair.map((d) => d.text)).toEqual(['the', 'bridge', 'will', 'close.']);
    const all = indicatorDisagreements(selection, { annotators: ['x', 'y', 'z'], label: 'Source' });
    expect(all.map((d) => [d.text, d.counts])).toEqual([['The', [1, 0, 1]]]);
  });
});
