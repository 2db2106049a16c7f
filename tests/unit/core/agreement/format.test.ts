import { describe, expect, it } from 'vitest';
import { agreementJson, agreementMarkdown, formatFigure } from '../../../../src/core/agreement/format';
import { computeAgreement } from '../../../../src/core/agreement/report';
import { doc, span } from './make';

const TEXT = 'The mayor said the bridge will close.';
const report = computeAgreement(
  [doc('d|1', TEXT, ['x', 'y', 'z'], [span('x', 'Cue', [10, 14]), span('y', 'Cue', [10, 14]), span('z', 'Source', [0, 9])]), doc('lonely', TEXT, ['x'], [])],
  { annotators: ['x', 'y', 'z'], labels: ['Cue', 'Source', 'Unused'] },
);

describe('formatting the figures', () => {
  it('writes undefined figures as n/a and numbers to the precision asked', () => {
    expect(formatFigure(null)).toBe('n/a');
    expect(formatFigure(Number.NaN)).toBe('n/a');
    expect(formatFigure(2 / 3)).toBe('0.667');
    expect(formatFigure(2 / 3, 5)).toBe('0.66667');
  });

  it('markdown: setup, per-label and per-document tables, pair matrix, kappa/alpha table; never NaN', () => {
    const md = agreementMarkdown(report);
    expect(md).toContain('- 3 annotators: x, y, z');
    expect(md).toContain('left out: lonely (no layer for y, z)');
    expect(md).toContain('| Unused | n/a | n/a | 0 |');
    expect(md).toContain('| Cue | 0.333 | 0.471 | 3 |');
    expect(md).toContain('| d\\|1 |');
    expect(md).toContain('| x | — | 1.000 | 0.000 |');
    expect(md).toContain("## Cohen's kappa and Krippendorff's alpha");
    expect(md).toMatch(/\| Unused \| n\/a \| n\/a \| n\/a \| n\/a \| n\/a \|/);
    expect(md).not.toMatch(/NaN|undefined/);
  });

  it('JSON: the reference file shape, with null for undefined figures, and survives a JSON round trip', () => {
    const json = agreementJson(report);
    expect(json).toMatchObject({ coders: ['x', 'y', 'z'], documents: 1, labels: ['Cue', 'Source', 'Unused'] });
    const text = JSON.stringify(json);
    expect(JSON.parse(text)).toEqual(json);
    const parsed = JSON.parse(text);
    expect(parsed.instance_f1.per_label.Unused).toEqual({ mean_f1: null, sd_f1: null });
    expect(parsed.token_binary.Unused.cohen_kappa_pairs['x|y']).toBeNull();
    expect(parsed.instance_f1.pairs['x|y']).toEqual({ tp: 1, fp: 0, fn: 0, f1: 1 });
  });
});
