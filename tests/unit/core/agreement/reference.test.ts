import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agreementJson } from '../../../../src/core/agreement/format';
import { computeAgreement } from '../../../../src/core/agreement/report';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../support/shared';
import { readBratProject } from './brat-project';

/**
 * Every figure of the reference file, computed by scikit-learn and NLTK (and bratiaa's
 * definitions) for the six-annotator polnear corpus, must come out of Lede to 1e-9.
 * What counts, worked out from the data: every span annotation the brat import yields — T lines,
 * with each event (E line) counted once over its trigger's span (in this corpus every trigger
 * has exactly one event of its own type); event arguments and the AnnotatorNotes line do not
 * count. Fragments are compared as written (touching fragments are not merged).
 */
if (!sharedAvailable) console.warn(`reference agreement test ${SHARED_MISSING_REASON}`);

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

/** Every leaf of the reference with its path, compared with the same path in ours. */
function mismatches(reference: Json, ours: Json, path: string, out: string[]): number {
  if (typeof reference === 'number') {
    if (typeof ours !== 'number' || !(Math.abs(ours - reference) <= 1e-9)) out.push(`${path}: reference ${reference}, Lede ${JSON.stringify(ours)}`);
    return 1;
  }
  if (reference === null || typeof reference !== 'object') {
    if (ours !== reference) out.push(`${path}: reference ${String(reference)}, Lede ${JSON.stringify(ours)}`);
    return 1;
  }
  if (ours === null || typeof ours !== 'object') {
    out.push(`${path}: missing in Lede's figures`);
    return 1;
  }
  let leaves = 0;
  for (const [key, value] of Object.entries(reference)) {
    const mine = Object.prototype.hasOwnProperty.call(ours, key) ? (ours as Record<string, Json>)[key]! : ('(absent)' as Json);
    leaves += mismatches(value, mine, `${path}.${key}`, out);
  }
  return leaves;
}

describe.skipIf(!sharedAvailable)('agreement figures on polnear-multi', () => {
  it('reproduces every figure of the reference file to 1e-9', () => {
    const reference = JSON.parse(readFileSync(sharedPath('reference/polnear-multi-agreement.json'), 'utf8')) as Json;
    const project = readBratProject(sharedPath('corpora/polnear-multi'));
    const report = computeAgreement(project.documents, { annotators: project.annotators });
    const problems: string[] = [];
    const leaves = mismatches(reference, agreementJson(report), 'reference', problems);
    expect(problems).toEqual([]);
    // 6 coders + documents + 7 labels + 2 × (2 + 14) F1 figures + 7 × (15 kappas + mean + alpha)
    expect(leaves).toBe(6 + 1 + 7 + 32 + 7 * 17);
    expect(report.excluded.map((e) => e.missing)).toEqual([['4e07']]);
  });
});
