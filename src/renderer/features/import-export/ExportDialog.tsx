import { useMemo, useState } from 'react';
import type { ExportDownload, ExportRequest } from '../../../core/api/exchange';
import { FORMATS, formatRow, formatTitle } from '../../../core/formats/registry';
import { isRejectedLayer } from '../../../core/review/ids';
import { counted } from '../../../core/text/plural';
import { exportAnnotations } from '../../state/export-actions';
import { useWorkspace } from '../../state/workspace-store';
import { Modal } from '../../ui/Modal';
import { saveDownload } from './download';
import { ReportList } from './ReportList';
import { ImportProgress } from './ImportProgress';

type Scope = 'current' | 'chosen' | 'all';
/** The layer choice meaning every layer; not a name a layer can have (names are trimmed, this has a NUL). */
const ALL_LAYERS = '\u0000all';

/** File → Export…: which articles, which layer, which format; then a download and its report. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { articles, currentId, info } = useWorkspace();
  const own = info?.settings.analystName ?? 'me';
  const layers = useMemo(
    () => [...new Set(articles.flatMap((a) => Object.keys(a.authors).filter((l) => a.authors[l]! > 0 && !isRejectedLayer(l))))].sort(),
    [articles],
  );
  const [scope, setScope] = useState<Scope>(currentId ? 'current' : 'all');
  const [chosen, setChosen] = useState<Set<string>>(new Set(currentId ? [currentId] : []));
  // The analyst's own layer unless they choose another, or all layers (kept apart per annotator).
  const [layer, setLayer] = useState<string>(layers.includes(own) || layers.length === 0 ? own : layers[0]!);
  const [format, setFormat] = useState<ExportRequest['format']>('lede');
  const [variant, setVariant] = useState<'label' | 'entities'>('label');
  const [split, setSplit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportDownload | null>(null);
  const ids = scope === 'all' ? undefined : scope === 'current' ? (currentId ? [currentId] : []) : articles.filter((a) => chosen.has(a.id)).map((a) => a.id);
  const row = formatRow(format);
  const splittable = row.splittable;
  const all = layer === ALL_LAYERS;
  // The backend refuses a layer the chosen articles do not have: say so before, and keep Export off.
  const chosenArticles = ids === undefined ? articles : articles.filter((a) => ids.includes(a.id));
  const present = new Set(chosenArticles.flatMap((a) => Object.keys(a.authors).filter((l) => a.authors[l]! > 0 && !isRejectedLayer(l))));
  const nothing =
    ids !== undefined && ids.length === 0
      ? null
      : all
        ? present.size === 0
          ? 'None of these articles has annotations yet: nothing to export.'
          : null
        : present.has(layer)
          ? null
          : `The layer ${layer}${layer === own ? ' (yours)' : ''} has no annotations in ${ids === undefined || ids.length > 1 ? 'these articles' : 'this article'} yet: nothing to export. Choose another layer${present.size > 0 ? ` (${[...present].sort().join(', ')})` : ''}, or annotate first.`;
  const statement = all
    ? `All layers, one set per annotator (${layers.join(', ') || 'none yet'}): ${row.layersStatement}.`
    : `Only the layer ${layer}${layer === own ? ' (yours)' : ''}: no one else's annotations.`;

  const run = async () => {
    setBusy(true);
    try {
      const request: ExportRequest = {
        format,
        ...(ids ? { articleIds: ids } : {}),
        ...(all ? { allLayers: true } : { annotators: [layer] }),
        ...(format === 'jsonl' ? { jsonlVariant: variant } : {}),
        ...(splittable && split ? { split: true } : {}),
      };
      const file = await exportAnnotations(request, saveDownload);
      if (file) setDone(file);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Export annotations" onClose={onClose} className="exchange-dialog">
      <form className="exchange-form" onSubmit={(e) => (e.preventDefault(), void run())}>
        <fieldset>
          <legend>Articles</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'current'} disabled={!currentId} onChange={() => setScope('current')} /> The open article
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Articles I choose
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole workspace ({articles.length})
          </label>
          {scope === 'chosen' && (
            <div className="exchange-articles" role="group" aria-label="Articles to export">
              {articles.map((a) => (
                <label key={a.id}>
                  <input type="checkbox" checked={chosen.has(a.id)} onChange={(e) => setChosen((s) => toggled(s, a.id, e.target.checked))} /> {a.title}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <label className="exchange-row">
          Layer
          <select value={layer} onChange={(e) => setLayer(e.target.value)} aria-label="Layer">
            {!layers.includes(own) && <option value={own}>{own} (yours, empty)</option>}
            {layers.map((l) => (
              <option key={l} value={l}>
                {l === own ? `${l} (yours)` : l}
              </option>
            ))}
            <option value={ALL_LAYERS}>All layers, one set per annotator</option>
          </select>
        </label>
        <p className="exchange-hint" aria-label="Layers in the export">
          {statement}
        </p>
        {nothing && (
          <p className="exchange-hint exchange-nothing" role="status">
            {nothing}
          </p>
        )}
        <label className="exchange-row">
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportRequest['format'])} aria-label="Format">
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {formatTitle(f.id)}
              </option>
            ))}
          </select>
        </label>
        {format === 'jsonl' && (
          <label className="exchange-row">
            JSONL shape
            <select value={variant} onChange={(e) => setVariant(e.target.value as 'label' | 'entities')} aria-label="JSONL shape">
              <option value="label">label: [[start, end, "label"]]</option>
              <option value="entities">entities and relations</option>
            </select>
          </label>
        )}
        {splittable && (
          <label className="exchange-row checkbox">
            <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} /> One file per article (zipped; each stays under the 50 MB
            import limit)
          </label>
        )}
        <div className="exchange-actions">
          <button type="submit" className="button primary" disabled={busy || (ids !== undefined && ids.length === 0) || nothing !== null}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {done ? 'Done' : 'Cancel'}
          </button>
        </div>
        <ImportProgress inDialog />
      </form>
      {done && (
        <section className="exchange-report" aria-label="Export report">
          <p>
            Saved {done.name}: {counted(done.annotationCount, 'annotation')}, {counted(done.articleCount, 'article')}
            {done.fileCount > 1 ? `, ${done.fileCount} files in the zip` : ''}.
          </p>
          <p aria-label="Layers exported">{done.layout}</p>
          <ReportList title="What the format could not hold exactly" items={done.report} empty="Everything was represented exactly." />
        </section>
      )}
    </Modal>
  );
}

function toggled(set: Set<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
