import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectForAgreement, type AgreementDocument } from '../../../../src/core/agreement/documents';
import { agreementJson, agreementMarkdown } from '../../../../src/core/agreement/format';
import { attributeDisagreements, linkDisagreements } from '../../../../src/core/agreement/links';
import { computeAgreement } from '../../../../src/core/agreement/report';
import { readBratProject } from './brat-project';
import { doc, span } from './make';

const PROJECT = join(__dirname, '../../../fixtures/brat-shared-trigger');
const TEXT = 'The mayor said the bridge will close. Critics said it was safe.';

describe('link F1', () => {
  it('on the shared-trigger project: the Agent both events name is one link; Ana’s second Target is hers alone', () => {
    const project = readBratProject(PROJECT);
    const report = computeAgreement(project.documents, { annotators: project.annotators });
    expect(report.linkTypes).toEqual(['Agent', 'Target']);
    expect(report.links.pairs[0]!.perLabel).toEqual([
      { tp: 1, fp: 0, fn: 0, f1: 1 },
      { tp: 1, fp: 0, fn: 1, f1: 2 / 3 },
    ]);
    const behind = linkDisagreements(selectForAgreement(project.documents, { annotators: project.annotators }), { a: 'ana', b: 'ben' });
    expect(behind.map((d) => [d.type, d.side, d.from.label, d.to.fragments])).toEqual([['Target', 'A', 'Attack', [{ start: 35, end: 39 }]]]);
  });

  it('links match by type and both ends as spans; another type or another end is a miss on both sides', () => {
    const [mSpeaker, mQuote, cSpeaker, cQuote, cOther] = [
      span('m', 'Actor', [0, 9]),
      span('m', 'Quote', [15, 37]),
      span('c', 'Actor', [0, 9]),
      span('c', 'Quote', [15, 37]),
      span('c', 'Actor', [38, 45]),
    ];
    const d: AgreementDocument = {
      ...doc('d', TEXT, ['m', 'c'], [mSpeaker, mQuote, cSpeaker, cQuote, cOther]),
      relations: [
        { id: 'r1', author: 'm', type: 'speaker', from: mQuote.id, to: mSpeaker.id },
        { id: 'r2', author: 'c', type: 'speaker', from: cQuote.id, to: cSpeaker.id },
        { id: 'r3', author: 'm', type: 'source', from: mQuote.id, to: mSpeaker.id },
        { id: 'r4', author: 'c', type: 'source', from: cQuote.id, to: cOther.id },
      ],
    };
    const report = computeAgreement([d], { annotators: ['m', 'c'] });
    expect(report.linkTypes).toEqual(['source', 'speaker']);
    expect(report.links.perLabel.map((x) => x.mean)).toEqual([0, 1]);
    expect(report.links.overall.mean).toBe(0.5);
  });
});

describe('attribute agreement', () => {
  const d = doc(
    'd',
    TEXT,
    ['m', 'c'],
    [
      { ...span('m', 'Quote', [15, 37]), attributes: { type: 'direct', named: true } },
      { ...span('c', 'Quote', [15, 37]), attributes: { type: 'indirect', named: true } },
      { ...span('m', 'Actor', [0, 9]), attributes: { named: true } },
      { ...span('c', 'Actor', [0, 9]), attributes: {} },
      // Not shared (other fragments): its attributes are not compared.
      { ...span('c', 'Actor', [38, 45]), attributes: { named: false } },
    ],
  );

  it('is the share of shared spans where both give the same value, per attribute; unset on one side disagrees', () => {
    const report = computeAgreement([d], { annotators: ['m', 'c'] });
    expect(report.attributes.map((x) => [x.name, x.pairs[0]!.agreed, x.pairs[0]!.compared, x.mean])).toEqual([
      ['named', 1, 2, 0.5],
      ['type', 0, 1, 0],
    ]);
    const behind = attributeDisagreements(selectForAgreement([d], { annotators: ['m', 'c'] }), { a: 'm', b: 'c' });
    expect(behind.map((x) => [x.name, x.a.label, x.values])).toEqual(
      [
        ['type', 'Quote', ['direct', 'indirect']],
        ['named', 'Actor', [true, undefined]],
      ].sort((p, q) => (p[1]! < q[1]! ? -1 : 1)),
    );
  });

  it('is in the JSON and the markdown', () => {
    const report = computeAgreement([d], { annotators: ['m', 'c'] });
    const json = agreementJson(report) as {
      attribute_agreement: Record<string, { mean_agreement: number; pairs: Record<string, unknown> }>;
      link_f1: { per_type: unknown };
    };
    expect(json.attribute_agreement.named).toEqual({ mean_agreement: 0.5, sd_agreement: 0, pairs: { 'c|m': { compared: 2, agreed: 1, share: 0.5 } } });
    expect(json.link_f1.per_type).toEqual({});
    const md = agreementMarkdown(report);
    expect(md).toContain('## Link F1');
    expect(md).toMatch(/\| named \| 0\.500 \(1\/2\) \| 0\.500 \| 0\.000 \|/);
  });
});
