import type { AgreementReport } from '../../../core/agreement/report';
import { FigureBar } from './FigureBar';

/**
 * Agreement beyond spans (core/agreement/links.ts): link F1 per link type (speaker, source,
 * participant, imported types) and agreement on attribute values per attribute name. Every
 * figure is a button listing the disagreements behind it, as the span figures do.
 */
export function LinkTable({ report }: { report: AgreementReport }) {
  if (report.linkTypes.length === 0) return null;
  return (
    <table className="agreement-table" aria-label="Agreement per link type">
      <thead>
        <tr>
          <th scope="col">Link type</th>
          <th scope="col">Link F1</th>
        </tr>
      </thead>
      <tbody>
        <tr className="overall">
          <th scope="row">All links</th>
          <td>
            <FigureBar value={report.links.overall} title="Link F1, all types" figure={{ kind: 'link' }} />
          </td>
        </tr>
        {report.linkTypes.map((type, t) => (
          <tr key={type}>
            <th scope="row">{type}</th>
            <td>
              <FigureBar value={report.links.perLabel[t]!} title={`Link F1, ${type}`} figure={{ kind: 'link', type }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttributeTable({ report }: { report: AgreementReport }) {
  if (report.attributes.length === 0) return null;
  const onePair = report.pairs.length === 1;
  return (
    <table className="agreement-table" aria-label="Agreement per attribute">
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">{onePair ? 'Same value' : 'Mean same value'}</th>
          <th scope="col">Spans compared</th>
        </tr>
      </thead>
      <tbody>
        {report.attributes.map((x) => (
          <tr key={x.name}>
            <th scope="row">{x.name}</th>
            <td>
              <FigureBar value={x} title={`Attribute ${x.name}, same value`} figure={{ kind: 'attribute', name: x.name }} list={`Attribute ${x.name}`} />
            </td>
            <td className="muted">{x.pairs.reduce((n, p) => n + p.compared, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
