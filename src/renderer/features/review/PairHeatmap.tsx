import type { AgreementReport } from '../../../core/agreement/report';
import { formatFigure } from '../../../core/agreement/format';
import { useAgreement, type HeatmapMetric } from '../../state/review-agreement';
import { heatColor } from './FigureBar';

/**
 * Annotator × annotator grid of one pairwise figure — instance F1, token F1 (overall or for one
 * label), Cohen's kappa for one label, or link F1 (overall or for one link type) — for more than
 * two annotators. Each cell is a button
 * listing the pair's disagreements.
 */
export function PairHeatmap({ report, labelOf }: { report: AgreementReport; labelOf(id: string): string }) {
  const { metric, label } = useAgreement((s) => s.heatmap);
  const setHeatmap = useAgreement((s) => s.setHeatmap);
  const showFigure = useAgreement((s) => s.showFigure);
  const names = metric === 'link' ? report.linkTypes : report.labels;
  const asked = metric === 'kappa' ? (label ?? names[0] ?? null) : label;
  const l = asked === null ? -1 : names.indexOf(asked);
  // A label chosen for another figure may not be a link type (or the reverse): then "all".
  const chosenLabel = l < 0 ? null : asked;

  const value = (p: number): number | null => {
    if (metric === 'kappa') return l < 0 ? null : report.tokenBinary[l]!.kappaPairs[p]!.kappa;
    const pair = (metric === 'instance' ? report.instance : metric === 'link' ? report.links : report.token).pairs[p]!;
    return l < 0 ? pair.total.f1 : pair.perLabel[l]!.f1;
  };
  const pairIndex = (a: string, b: string) => report.pairs.findIndex(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const metricName = { instance: 'Instance F1', token: 'Token F1', kappa: "Cohen's kappa", link: 'Link F1' }[metric];

  return (
    <section className="agreement-heatmap" aria-label="Pairwise agreement">
      <h3>
        Pairwise{' '}
        <select aria-label="Heatmap figure" value={metric} onChange={(e) => setHeatmap({ metric: e.target.value as HeatmapMetric, label })}>
          <option value="instance">Instance F1</option>
          <option value="token">Token F1</option>
          <option value="kappa">Cohen's kappa</option>
          {report.linkTypes.length > 0 && <option value="link">Link F1</option>}
        </select>{' '}
        <select aria-label="Heatmap label" value={chosenLabel ?? ''} onChange={(e) => setHeatmap({ metric, label: e.target.value || null })}>
          {metric !== 'kappa' && <option value="">{metric === 'link' ? 'all link types' : 'all labels'}</option>}
          {names.map((x) => (
            <option key={x} value={x}>
              {metric === 'link' ? x : labelOf(x)}
            </option>
          ))}
        </select>
      </h3>
      <table className="heatmap">
        <thead>
          <tr>
            <th />
            {report.annotators.map((a) => (
              <th key={a} scope="col">
                {a}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.annotators.map((a) => (
            <tr key={a}>
              <th scope="row">{a}</th>
              {report.annotators.map((b) => {
                if (a === b) return <td key={b} className="diagonal" />;
                const p = pairIndex(a, b);
                const v = value(p);
                const [x, y] = report.pairs[p]!;
                const title = `${metricName}${chosenLabel ? ` for ${metric === 'link' ? chosenLabel : labelOf(chosenLabel)}` : ''}, ${x} / ${y}`;
                return (
                  <td key={b} style={heatColor(v)}>
                    <button
                      type="button"
                      className="heat-cell"
                      disabled={metric === 'kappa' && chosenLabel === null}
                      title={`${title}: ${formatFigure(v)}`}
                      onClick={() =>
                        void showFigure(
                          metric === 'kappa'
                            ? { kind: 'kappa', a: x, b: y, label: chosenLabel! }
                            : metric === 'link'
                              ? { kind: 'link', a: x, b: y, ...(chosenLabel ? { type: chosenLabel } : {}) }
                              : { kind: metric, a: x, b: y, ...(chosenLabel ? { label: chosenLabel } : {}) },
                          title,
                        )
                      }
                    >
                      {formatFigure(v, 2)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
