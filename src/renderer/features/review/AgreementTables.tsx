import type { AgreementReport } from '../../../core/agreement/report';
import { useAgreement } from '../../state/review-agreement';
import { FigureBar } from './FigureBar';

/**
 * The figures per label (instance and token F1 as bars with their SD over pairs, Cohen's kappa,
 * Krippendorff's alpha) and per document. Every figure is a button: clicking it lists the
 * disagreements behind it.
 */
export function LabelTable({ report, labelOf }: { report: AgreementReport; labelOf(id: string): string }) {
  const showFigure = useAgreement((s) => s.showFigure);
  const setHeatmap = useAgreement((s) => s.setHeatmap);
  const onePair = report.pairs.length === 1 ? report.pairs[0]! : null;
  return (
    <table className="agreement-table" aria-label="Agreement per label">
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Instance F1</th>
          <th scope="col">Token F1</th>
          <th scope="col">{onePair ? "Cohen's κ" : "Mean Cohen's κ"}</th>
          <th scope="col">Krippendorff's α</th>
        </tr>
      </thead>
      <tbody>
        <tr className="overall">
          <th scope="row">All labels</th>
          <td>
            <FigureBar
              value={report.instance.overall}
              title="Instance F1, all labels"
              onClick={() => void showFigure({ kind: 'instance' }, 'Instance F1, all labels')}
            />
          </td>
          <td>
            <FigureBar value={report.token.overall} title="Token F1, all labels" onClick={() => void showFigure({ kind: 'token' }, 'Token F1, all labels')} />
          </td>
          <td />
          <td />
        </tr>
        {report.labels.map((label, l) => {
          const name = labelOf(label);
          const binary = report.tokenBinary[l]!;
          return (
            <tr key={label}>
              <th scope="row">{name}</th>
              <td>
                <FigureBar
                  value={report.instance.perLabel[l]!}
                  title={`Instance F1, ${name}`}
                  onClick={() => void showFigure({ kind: 'instance', label }, `Instance F1, ${name}`)}
                />
              </td>
              <td>
                <FigureBar
                  value={report.token.perLabel[l]!}
                  title={`Token F1, ${name}`}
                  onClick={() => void showFigure({ kind: 'token', label }, `Token F1, ${name}`)}
                />
              </td>
              <td>
                <FigureBar
                  value={binary.meanKappa}
                  title={`Cohen's kappa, ${name}`}
                  onClick={() => {
                    if (onePair) return void showFigure({ kind: 'kappa', a: onePair[0], b: onePair[1], label }, `Cohen's kappa, ${name}`);
                    // The mean hides the pairs: show them in the heatmap, and the tokens any two disagree on.
                    setHeatmap({ metric: 'kappa', label });
                    void showFigure({ kind: 'alpha', label }, `Cohen's kappa, ${name}: tokens the annotators disagree on`);
                  }}
                />
              </td>
              <td>
                <FigureBar
                  value={binary.alpha}
                  title={`Krippendorff's alpha, ${name}`}
                  onClick={() => void showFigure({ kind: 'alpha', label }, `Krippendorff's alpha, ${name}`)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DocumentTable({ report }: { report: AgreementReport }) {
  const showFigure = useAgreement((s) => s.showFigure);
  const links = report.linkTypes.length > 0;
  return (
    <table className="agreement-table" aria-label="Agreement per document">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Instance F1</th>
          <th scope="col">Token F1</th>
          {links && <th scope="col">Link F1</th>}
        </tr>
      </thead>
      <tbody>
        {report.documents.map((d, i) => (
          <tr key={d.id}>
            <th scope="row" className="doc-title">
              {d.title}
            </th>
            <td>
              <FigureBar
                value={report.instance.perDocument[i]!}
                title={`Instance F1, ${d.title}`}
                onClick={() => void showFigure({ kind: 'instance', document: d.id }, `Instance F1, ${d.title}`)}
              />
            </td>
            <td>
              <FigureBar
                value={report.token.perDocument[i]!}
                title={`Token F1, ${d.title}`}
                onClick={() => void showFigure({ kind: 'token', document: d.id }, `Token F1, ${d.title}`)}
              />
            </td>
            {links && (
              <td>
                <FigureBar
                  value={report.links.perDocument[i]!}
                  title={`Link F1, ${d.title}`}
                  onClick={() => void showFigure({ kind: 'link', document: d.id }, `Link F1, ${d.title}`)}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
