import type { AgreementReport } from '../../../core/agreement/report';
import { useAgreement } from '../../state/review-agreement';
import { FigureBar } from './FigureBar';

/**
 * The figures per label (instance and token F1 as bars with their SD over pairs, Cohen's kappa,
 * Krippendorff's alpha) and per document. Every figure is a button: clicking it lists the
 * disagreements behind it.
 */
export function LabelTable({ report, labelOf }: { report: AgreementReport; labelOf(id: string): string }) {
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
            <FigureBar value={report.instance.overall} title="Instance F1, all labels" figure={{ kind: 'instance' }} />
          </td>
          <td>
            <FigureBar value={report.token.overall} title="Token F1, all labels" figure={{ kind: 'token' }} />
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
                <FigureBar value={report.instance.perLabel[l]!} title={`Instance F1, ${name}`} figure={{ kind: 'instance', label }} />
              </td>
              <td>
                <FigureBar value={report.token.perLabel[l]!} title={`Token F1, ${name}`} figure={{ kind: 'token', label }} />
              </td>
              <td>
                {onePair ? (
                  // The pair is named: the choice outlives a third layer ticked (the list is then still this pair's).
                  <FigureBar
                    value={binary.meanKappa}
                    title={`Cohen's kappa, ${name}, ${onePair[0]} and ${onePair[1]}`}
                    figure={{ kind: 'kappa', a: onePair[0], b: onePair[1], label }}
                  />
                ) : (
                  <FigureBar
                    value={binary.meanKappa}
                    title={`Cohen's kappa, ${name}`}
                    // The mean hides the pairs: show them in the heatmap, and the tokens any two disagree on.
                    figure={{ kind: 'alpha', label }}
                    list={`Cohen's kappa, ${name}: tokens the annotators disagree on`}
                    onChoose={() => setHeatmap({ metric: 'kappa', label })}
                  />
                )}
              </td>
              <td>
                <FigureBar value={binary.alpha} title={`Krippendorff's alpha, ${name}`} figure={{ kind: 'alpha', label }} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DocumentTable({ report }: { report: AgreementReport }) {
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
              <FigureBar value={report.instance.perDocument[i]!} title={`Instance F1, ${d.title}`} figure={{ kind: 'instance', document: d.id }} />
            </td>
            <td>
              <FigureBar value={report.token.perDocument[i]!} title={`Token F1, ${d.title}`} figure={{ kind: 'token', document: d.id }} />
            </td>
            {links && (
              <td>
                <FigureBar value={report.links.perDocument[i]!} title={`Link F1, ${d.title}`} figure={{ kind: 'link', document: d.id }} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
