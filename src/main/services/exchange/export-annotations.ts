import { ApiError } from '../../../core/api/contract';
import type { ExportRequest } from '../../../core/api/exchange';
import { FORMATS, formatRow, serializeFormat, type ExportFormat, type ExportOptions, type OutputFile } from '../../../core/formats';
import { serializeBratProject } from '../../../core/formats/brat/serialize';
import { actorLinkLoss } from '../../../core/formats/entity-links';
import { articleFileNames } from '../../../core/formats/file-names';
import { layerFileNames, layersIn, withLayers } from '../../../core/formats/layers';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { nowIso } from '../../../core/model/ids';
import { isRejectedLayer } from '../../../core/review/ids';
import { inPool } from '../article-store';
import type { Workspace } from '../workspace';
import { NO_TASK, type Task } from '../tasks';

export interface ExportedFiles {
  files: OutputFile[];
  report: string[];
  /** The layers written, and how the export keeps them apart. */
  layers: string[];
  layout: string;
  articleCount: number;
  annotationCount: number;
}

/**
 * The files of an export, from the stored documents: the chosen articles (all, in list order,
 * when none are named) and the chosen layers: the analyst's own by default, named ones, or every
 * layer. Several layers are never merged into one anonymous set: formats whose items name their
 * annotator hold them side by side, the others get one folder (brat: a project) or one file per
 * annotator (the format table's `layers`). Every layer leaves out the '(rejected)' companions of
 * reviewed layers unless asked (review bookkeeping; name one to export it). The report says what
 * the format could not hold, and when a file is too big to import again.
 */
export async function exportFiles(ws: Workspace, request: ExportRequest, task: Task = NO_TASK): Promise<ExportedFiles> {
  const summaries = await ws.listArticles();
  const ids = request.articleIds ?? summaries.map((s) => s.id);
  const known = new Set(summaries.map((s) => s.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new ApiError(
      'not-found',
      `No article ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} in this workspace; nothing was exported.`,
    );
  if (request.allLayers && request.annotators)
    throw new ApiError('invalid-argument', 'Choose either the layers to export or all layers, not both; nothing was exported.');
  const docs = new Array<ArticleDoc>(ids.length);
  task.step('Reading articles', ids.length);
  await inPool([...ids.keys()], 16, async (i) => {
    docs[i] = await ws.getDoc(ids[i]!);
    task.advance();
  });
  // Serialising is one synchronous pass: a step without counts, the last point a cancel can stop.
  task.step('Writing the files', 0);

  const report: string[] = [];
  const present = layersIn(docs);
  let layers: string[];
  if (request.allLayers) {
    layers = request.withRejected ? present : present.filter((l) => !isRejectedLayer(l));
    const left = present.filter((l) => !layers.includes(l));
    if (left.length > 0) report.push(`Left out the review companion layer(s) ${left.join(', ')} (rejected items); export one by name to include it.`);
    if (layers.length === 0) report.push('The articles chosen have no annotations in any layer: the export holds their text only.');
  } else if (request.annotators) {
    layers = [...new Set(request.annotators)];
    const unknown = layers.filter((l) => !present.includes(l));
    if (unknown.length > 0) {
      throw new ApiError(
        'not-found',
        `No layer named ${unknown.map((l) => `"${l}"`).join(', ')} in the articles chosen. Layers: ${present.filter((l) => !isRejectedLayer(l)).join(', ') || 'none'}. Choose one of them, or all layers; nothing was exported.`,
      );
    }
  } else {
    // The default is the analyst's own layer; when it is empty the export still holds the texts (brat, CoNLL).
    const own = ws.settings().analystName;
    layers = [own];
    if (!present.includes(own)) {
      const others = present.filter((l) => !isRejectedLayer(l));
      report.push(
        `Your layer "${own}" has no annotations in the articles chosen: the export holds their text only.${others.length ? ` Other layers: ${others.join(', ')}; choose one of them, or all layers.` : ''}`,
      );
    }
  }
  const chosenLayers = new Set(layers);
  const chosen = docs.map((d) => withLayers(d, chosenLayers));
  const format = request.format;
  const row = formatRow(format);
  const perAnnotator = request.allLayers === true || layers.length > 1;
  const layout = perAnnotator
    ? `${layers.length} layer${layers.length === 1 ? '' : 's'} (${layers.join(', ')}), kept apart: ${row.layersStatement}.`
    : `Only the layer ${layers[0]}.`;

  const options = { jsonlVariant: request.jsonlVariant ?? 'label', exportedAt: nowIso(), registry: ws.actors() } as const;
  const schema = ws.labelSchema();
  const split = request.split === true && row.splittable;
  if (request.split && !row.splittable && !row.multiFile)
    report.push(
      `One file per article applies to ${FORMATS.filter((f) => f.splittable)
        .map((f) => f.label)
        .join(', ')}; the ${row.label} export is one file.`,
    );
  let files: OutputFile[] = [];
  if (perAnnotator && row.layers !== 'inside') {
    const { names, renamed } = layerFileNames(layers);
    report.push(...renamed);
    if (row.layers === 'folders') {
      const out = serializeBratProject(
        chosen,
        schema,
        layers.map((author) => ({ author, folder: names.get(author)! })),
        ws.actors(),
      );
      files = out.files;
      report.push(...out.report);
    } else {
      for (const layer of layers) {
        const name = names.get(layer)!;
        const out = serializeSet(format, chosen, schema, { ...options, author: layer }, split, `${name}/`, name);
        files.push(...out.files);
        report.push(...out.report.map((line) => `${layer}: ${line}`));
      }
    }
  } else {
    const out = serializeSet(format, chosen, schema, options, split, '', null);
    files = out.files;
    report.push(...out.report);
  }
  if (row.splittable) {
    // A UTF-16 unit never takes more than 3 bytes in UTF-8: only a file that might be over is
    // counted (Node's native count still spends ~0.2 s on a thousand split W3C files).
    for (const f of files.filter((file) => file.content.length * 3 > MAX_INPUT_BYTES)) {
      const bytes = Buffer.byteLength(f.content, 'utf8');
      if (bytes > MAX_INPUT_BYTES) {
        report.push(
          `${f.path} is ${(bytes / 1048576).toFixed(1)} MB, over the 50 MB import limit: it cannot be imported again as one file. Export one file per article (--split) to re-import it.`,
        );
      }
    }
  }
  const actorLoss = actorLinkLoss(
    format,
    row.label,
    chosen.reduce((n, d) => n + d.annotations.filter((a) => a.entity).length, 0),
  );
  if (actorLoss) report.push(actorLoss);
  const annotationCount = chosen.reduce((n, d) => n + d.annotations.length, 0);
  return { files, report, layers, layout, articleCount: chosen.length, annotationCount };
}

/**
 * One set in a format: one file (named `stem` + extension when given), or with `split` one file
 * per article under `folder`.
 */
function serializeSet(
  format: ExportFormat,
  docs: readonly ArticleDoc[],
  schema: LabelSchema,
  options: ExportOptions,
  split: boolean,
  folder: string,
  stem: string | null,
): { files: OutputFile[]; report: string[] } {
  const row = formatRow(format);
  if (!split) {
    const out = serializeFormat(format, docs, schema, options);
    return {
      files: stem === null || row.multiFile ? out.files : out.files.map((f) => ({ path: `${stem}${row.extension}`, content: f.content })),
      report: out.report,
    };
  }
  const files: OutputFile[] = [];
  const report: string[] = [];
  const names = articleFileNames(docs);
  for (const [i, doc] of docs.entries()) {
    const out = serializeFormat(format, [doc], schema, options);
    report.push(...out.report);
    files.push(...out.files.map((f) => ({ path: `${folder}${names[i]}${row.extension}`, content: f.content })));
  }
  return { files, report };
}
