import type { AnnotationImportReport } from '../../../core/api/exchange';
import { findLabel, type LabelSchema } from '../../../core/model/label-schema';
import { describeActors } from '../../../core/formats/entity-links';
import { ReportList } from './ReportList';

/** What an import added: articles, annotations per layer, label schema additions, and notes. */
export function ImportReport({ report, schema }: { report: AnnotationImportReport; schema: LabelSchema | undefined }) {
  // Ours by the name the analyst knows it by ("Actor"), not its id ("actor").
  const ours = (id: string | null) => (id !== null && schema && findLabel(schema, id)?.name) || id;
  return (
    <section className="exchange-report" aria-label="Import report">
      <p>
        Imported into {report.articlesMatched} existing article{report.articlesMatched === 1 ? '' : 's'}
        {report.articlesAdded.length > 0 ? ` and ${report.articlesAdded.length} new one${report.articlesAdded.length === 1 ? '' : 's'}` : ''}.
      </p>
      <table className="exchange-layers">
        <thead>
          <tr>
            <th>Layer</th>
            <th>Articles</th>
            <th>Annotations</th>
            <th>Links</th>
          </tr>
        </thead>
        <tbody>
          {report.layers.map((l) => (
            <tr key={l.author}>
              <td>
                {l.author}
                {l.replaced ? ` (replaced on ${l.replaced})` : ''}
              </td>
              <td>{l.articles}</td>
              <td>{l.annotations}</td>
              <td>{l.relations}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReportList title="Articles added" items={report.articlesAdded.map((a) => a.title)} />
      <ReportList
        title="Labels matched to yours"
        items={(report.labels ?? [])
          .filter((l) => l.how === 'case' || l.how === 'mapped')
          .map((l) => `${l.theirs} → ${ours(l.ours)}${l.how === 'mapped' ? ' (as you mapped it)' : ' (same name)'}`)}
      />
      <ReportList title="Actors linked to yours" items={describeActors((report.actors ?? []).filter((a) => a.how !== 'created'))} />
      <ReportList title="Actors added to the registry" items={describeActors((report.actors ?? []).filter((a) => a.how === 'created'))} />
      <ReportList title="Added to the label schema" items={report.schemaAdded} />
      <ReportList title="Not represented exactly, or skipped" items={report.notes} />
    </section>
  );
}
