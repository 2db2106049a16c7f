import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../src/core/agreement/report';
import { instanceDisagreements } from '../../../../src/core/agreement/instance-f1';
import { selectForAgreement } from '../../../../src/core/agreement/documents';
import { tokenF1Disagreements } from '../../../../src/core/agreement/token-disagreements';
import { readBratProject } from './brat-project';

/**
 * Two brat events on one trigger (tests/fixtures/brat-shared-trigger): the brat import makes two
 * event annotations over the same span, but the trigger is one text-bound span, tagged once. The
 * figures count it once — instance F1 and token F1 alike — so two annotators who tagged the same
 * four spans agree perfectly on spans however many events they hung on the trigger.
 */
const PROJECT = join(__dirname, '../../../fixtures/brat-shared-trigger');

describe('a trigger shared by two events counts once', () => {
  const project = readBratProject(PROJECT);

  it('the import really holds two Attack annotations over the one trigger in Ana’s layer', () => {
    const attacks = project.documents[0]!.annotations.filter((a) => a.author === 'ana' && a.label === 'Attack');
    expect(attacks.map((a) => a.fragments)).toEqual([[{ start: 7, end: 15 }], [{ start: 7, end: 15 }]]);
  });

  it('instance and token F1 are 1 overall and for the event label, with nothing behind them', () => {
    const report = computeAgreement(project.documents, { annotators: project.annotators });
    const attack = report.labels.indexOf('Attack');
    expect(report.instance.pairs[0]!.total).toEqual({ tp: 4, fp: 0, fn: 0, f1: 1 });
    expect(report.instance.perLabel[attack]!.mean).toBe(1);
    expect(report.token.pairs[0]!.total).toEqual({ tp: 4, fp: 0, fn: 0, f1: 1 });
    expect(report.token.perLabel[attack]!.mean).toBe(1);
    const selection = selectForAgreement(project.documents, { annotators: project.annotators });
    expect(instanceDisagreements(selection, { a: 'ana', b: 'ben' })).toEqual([]);
    expect(tokenF1Disagreements(selection, { a: 'ana', b: 'ben' })).toEqual([]);
  });
});
