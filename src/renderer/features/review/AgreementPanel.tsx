import { useEffect } from 'react';
import { defaultAgreementLayers, scopeKey, useAgreement } from '../../state/review-agreement';
import { reviewableLayers, useReview } from '../../state/review-store';
import { useWorkspace } from '../../state/workspace-store';
import { exportAgreement } from './agreement-export';
import { DocumentTable, LabelTable } from './AgreementTables';
import { DisagreementList } from './DisagreementList';
import { AttributeTable, LinkTable } from './LinkAttributeTables';
import { labelName } from './item-text';
import { PairHeatmap } from './PairHeatmap';
import { counted } from '../../../core/text/plural';

/**
 * Agreement figures for two or more layers over the review's scope (this article or the whole
 * workspace): instance and token F1, Cohen's kappa, Krippendorff's alpha, link F1 and agreement on
 * attribute values, with "n/a" where a
 * figure is undefined; a pairwise heatmap for more than two annotators; click-through to the
 * disagreements; and the figures as JSON or markdown files.
 */
export function AgreementPanel() {
  const { layers, report, loading, computedFor, cancelled, retry } = useAgreement();
  const setLayers = useAgreement((s) => s.setLayers);
  const load = useAgreement((s) => s.load);
  const scope = useReview((s) => s.scope);
  const currentId = useWorkspace((s) => s.currentId);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const available = reviewableLayers();
  const labelOf = (id: string) => labelName(schema, id);

  useEffect(() => {
    if (layers.length === 0) setLayers(defaultAgreementLayers());
  }, [layers.length, setLayers]);
  useEffect(() => {
    if (layers.length > 0 && computedFor !== scopeKey(layers)) void load();
  }, [layers, scope, currentId, computedFor, load]);

  const toggle = (layer: string) => setLayers(layers.includes(layer) ? layers.filter((l) => l !== layer) : [...layers, layer].sort());
  return (
    <div className="agreement-panel">
      <section className="agreement-setup" aria-label="Layers measured">
        <fieldset>
          <legend>Layers measured ({scope === 'article' ? 'this article' : 'whole workspace'})</legend>
          {available.map((l) => (
            <label key={l} className="layer-check">
              <input type="checkbox" checked={layers.includes(l)} onChange={() => toggle(l)} /> {l}
            </label>
          ))}
        </fieldset>
        <div className="agreement-export">
          <button type="button" className="button" disabled={!report} onClick={() => report && exportAgreement(report, 'json')}>
            Download JSON
          </button>
          <button type="button" className="button" disabled={!report} onClick={() => report && exportAgreement(report, 'markdown')}>
            Download Markdown
          </button>
        </div>
      </section>
      {layers.length < 2 && <p className="muted">Choose at least two layers.</p>}
      {loading && !report && <p className="muted">Computing…</p>}
      {cancelled && !loading && (
        <p className="muted">
          Cancelled.{' '}
          <button type="button" className="button small" onClick={retry}>
            Compute again
          </button>
        </p>
      )}
      {report && layers.length >= 2 && (
        <div className="agreement-figures">
          <p className="agreement-summary" data-testid="agreement-summary">
            {counted(report.annotators.length, 'annotator')} · {counted(report.documents.length, 'document')} compared · {counted(report.tokenCount, 'token')}
            {report.excluded.length > 0 && (
              <span className="muted">
                {' '}
                · left out (not every layer has them): {report.excluded.map((e) => `${e.title} (no ${e.missing.join(', ')})`).join('; ')}
              </span>
            )}
            {/* Said on this line, not one above it: a line coming and going there moved the
                figures under the pointer just as a quick analyst clicked one after a tick. */}
            {loading && <span className="muted"> · computing the figures again…</span>}
          </p>
          <LabelTable report={report} labelOf={labelOf} />
          <LinkTable report={report} />
          <AttributeTable report={report} />
          {report.annotators.length > 2 && <PairHeatmap report={report} labelOf={labelOf} />}
          {report.documents.length > 1 && <DocumentTable report={report} />}
          <DisagreementList labelOf={labelOf} />
        </div>
      )}
    </div>
  );
}
