import type { F1Figures } from './f1-figures';
import type { AgreementReport } from './report';
import { counted } from '../text/plural';

/**
 * The report as the CLI prints it: markdown tables (default) or JSON. Undefined figures read
 * "n/a" in markdown and are null in JSON, never 0 or NaN.
 */

export function formatFigure(value: number | null, precision = 3): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(precision);
}

/** A pair's key in JSON and tables, as the reference file writes it. */
export function pairKey(a: string, b: string): string {
  return `${a}|${b}`;
}

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

function f1Json(f: F1Figures): { [key: string]: Json } {
  return {
    mean_f1: f.overall.mean,
    sd_f1: f.overall.sd,
    per_label: Object.fromEntries(f.perLabel.map((l) => [l.label, { mean_f1: l.mean, sd_f1: l.sd }])),
    per_document: Object.fromEntries(f.perDocument.map((d) => [d.document, { mean_f1: d.mean, sd_f1: d.sd }])),
    pairs: Object.fromEntries(f.pairs.map((p) => [pairKey(p.a, p.b), { tp: p.total.tp, fp: p.total.fp, fn: p.total.fn, f1: p.total.f1 }])),
  };
}

/** Link F1 in the same shape, its rows named per_type. */
function linkJson(f: F1Figures): { [key: string]: Json } {
  const { per_label, ...rest } = f1Json(f);
  return { ...rest, per_type: per_label! };
}

/**
 * JSON in the shape of the reference file (polnear-multi-agreement.json: coders, documents,
 * labels, instance_f1, token_f1, token_binary), so figures can be checked against scikit-learn,
 * NLTK and bratiaa side by side, plus per-document and per-pair detail.
 */
export function agreementJson(report: AgreementReport): { [key: string]: Json } {
  return {
    coders: report.annotators,
    documents: report.documents.length,
    document_ids: report.documents.map((d) => d.id),
    excluded_documents: report.excluded.map((e) => ({ id: e.id, missing: e.missing })),
    labels: report.labels,
    tokens: report.tokenCount,
    instance_f1: f1Json(report.instance),
    token_f1: f1Json(report.token),
    link_f1: linkJson(report.links),
    attribute_agreement: Object.fromEntries(
      report.attributes.map((x) => [
        x.name,
        {
          mean_agreement: x.mean,
          sd_agreement: x.sd,
          pairs: Object.fromEntries(x.pairs.map((p) => [pairKey(p.a, p.b), { compared: p.compared, agreed: p.agreed, share: p.share }])),
        },
      ]),
    ),
    token_binary: Object.fromEntries(
      report.tokenBinary.map((l) => [
        l.label,
        {
          cohen_kappa_pairs: Object.fromEntries(l.kappaPairs.map((k) => [pairKey(k.a, k.b), k.kappa])),
          mean_cohen_kappa: l.meanKappa,
          krippendorff_alpha: l.alpha,
        },
      ]),
    ),
  };
}

/** Table cells cannot hold a pipe or a line break. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function f1Section(title: string, what: string, f: F1Figures, report: AgreementReport, p: number, rows = { heading: 'Per label', column: 'Label' }): string {
  const parts = [
    `## ${title}`,
    what,
    `Overall: mean F1 ${formatFigure(f.overall.mean, p)}, SD ${formatFigure(f.overall.sd, p)} (${f.overall.n} of ${report.pairs.length} pairs defined)`,
    `### ${rows.heading}`,
    table(
      [rows.column, 'Mean F1', 'SD F1', 'Pairs'],
      f.perLabel.map((l) => [l.label, formatFigure(l.mean, p), formatFigure(l.sd, p), String(l.n)]),
    ),
    '### Per document',
    table(
      ['Document', 'Mean F1', 'SD F1', 'Pairs'],
      f.perDocument.map((d, i) => [report.documents[i]?.title || d.document, formatFigure(d.mean, p), formatFigure(d.sd, p), String(d.n)]),
    ),
  ];
  if (report.annotators.length > 1) {
    const byPair = new Map(f.pairs.map((x) => [pairKey(x.a, x.b), x.total.f1]));
    const value = (a: string, b: string) => (a === b ? '—' : formatFigure(byPair.get(pairKey(a, b)) ?? byPair.get(pairKey(b, a)) ?? null, p));
    parts.push(
      '### Per annotator pair',
      table(
        ['', ...report.annotators],
        report.annotators.map((a) => [a, ...report.annotators.map((b) => value(a, b))]),
      ),
    );
  }
  return parts.join('\n\n');
}

export function agreementMarkdown(report: AgreementReport, options: { precision?: number } = {}): string {
  const p = options.precision ?? 3;
  const setup = [
    `- ${counted(report.annotators.length, 'annotator')}: ${report.annotators.join(', ') || 'none'}`,
    `- ${counted(report.documents.length, 'document')} compared (those every selected annotator has), ${counted(report.tokenCount, 'token')}`,
    ...report.excluded.map((e) => `  - left out: ${e.title || e.id} (no layer for ${e.missing.join(', ')})`),
    `- ${counted(report.labels.length, 'label')}: ${report.labels.join(', ') || 'none'}`,
  ];
  const pairColumns = report.pairs.map(([a, b]) => `${a} / ${b}`);
  const sections = [
    '# Inter-annotator agreement',
    setup.join('\n'),
    f1Section('Instance F1', 'Two annotations match when the label and every fragment are equal.', report.instance, report, p),
    f1Section('Token F1', 'Each fragment counts (label, token) for every token it overlaps; tokens are runs of non-whitespace.', report.token, report, p),
    "## Cohen's kappa and Krippendorff's alpha",
    'Per token: does a span with this label overlap it? Kappa per annotator pair, alpha over all annotators.',
    table(
      ['Label', ...pairColumns, 'Mean kappa', 'Alpha'],
      report.tokenBinary.map((l) => [l.label, ...l.kappaPairs.map((k) => formatFigure(k.kappa, p)), formatFigure(l.meanKappa, p), formatFigure(l.alpha, p)]),
    ),
    f1Section(
      'Link F1',
      'Two links match when the type and both ends (label and fragments) are equal; each distinct link counts once.',
      report.links,
      report,
      p,
      { heading: 'Per link type', column: 'Link type' },
    ),
    '## Attribute agreement',
    'Over the spans two annotators share (same label and fragments): the share where both give an attribute the same value (unset on one side disagrees).',
    report.attributes.length === 0
      ? 'No attribute is set on a shared span.'
      : table(
          ['Attribute', ...pairColumns, 'Mean', 'SD'],
          report.attributes.map((x) => [
            x.name,
            ...x.pairs.map((q) => `${formatFigure(q.share, p)} (${q.agreed}/${q.compared})`),
            formatFigure(x.mean, p),
            formatFigure(x.sd, p),
          ]),
        ),
  ];
  return `${sections.join('\n\n')}\n`;
}
