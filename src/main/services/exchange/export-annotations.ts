import { ApiError } from '../../../core/api/contract';
import type { ExportRequest } from '../../../core/api/exchange';
import { FORMATS, formatRow, serializeFormat, type OutputFile } from '../../../core/formats';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { ArticleDoc } from '../../../core/model/document';
import { nowIso } from '../../../core/model/ids';
import { isRejectedLayer } from '../../../core/review/ids';
import { inPool } from '../article-store';
import type { Workspace } from '../workspace';

export interface ExportedFiles {
  files: OutputFile[];
  report: string[];
  articleCount: number;
  annotationCount: number;
}


/**
 * The files of an export, from the stored documents: the chosen articles (all, in list order,
 * when none are named), one layer or every layer. Every layer leaves out the '(rejected)'
 * companions of reviewed layers unless asked (they are review bookkeeping; name one to export
 * it). The report says what the format could not hold, and when a file is too big to import again.
 */
export async function exportFiles(ws: Workspace, request: ExportRequest): Promise<ExportedFiles> {
  const summaries = await ws.listArticles();
  const ids = request.articleIds ?? summaries.map((s) => s.id);
  const known = new Set(summaries.map((s) => s.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new ApiError('not-found', `No article ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} in this workspace; nothing was exported.`);
  const docs = new Array<ArticleDoc>(ids.length);
  await inPool([...ids.keys()], 16, async (i) => void (docs[i] = await ws.getDoc(ids[i]!)));

  const report: string[] = [];
  let chosen = docs;
  if (request.author !== undefined) {
    const author = request.author;
    if (!docs.some((d) => d.annotations.some((a) => a.author === author) || d.relations.some((r) => r.author === author))) {
      const layers = [...new Set(docs.flatMap((d) => d.annotations.map((a) => a.author)))].sort();
      throw new ApiError('not-found', `No layer named "${author}" in the articles chosen. Layers: ${layers.join(', ') || 'none'}.`);
    }
  } else if (!request.withRejected) {
    const left = new Set<string>();
    chosen = docs.map((d) => withoutRejected(d, left));
    if (left.size > 0) report.push(`Left out the review companion layer(s) ${[...left].sort().join(', ')} (rejected items); export one by name to include it.`);
  }

  const options = { ...(request.author !== undefined ? { author: request.author } : {}), jsonlVariant: request.jsonlVariant ?? 'label', exportedAt: nowIso() } as const;
  const format = request.format;
  const row = formatRow(format);
  let files: OutputFile[];
  if (request.split && row.splittable) {
    files = [];
    const names = fileNames(chosen);
    for (const [i, doc] of chosen.entries()) {
      const out = serializeFormat(format, [doc], ws.labelSchema(), options);
      report.push(...out.report);
      files.push(...out.files.map((f) => ({ path: `${names[i]}${row.extension}`, content: f.content })));
    }
  } else {
    if (request.split && !row.multiFile) report.push(`One file per article applies to ${FORMATS.filter((f) => f.splittable).map((f) => f.label).join(', ')}; the ${row.label} export is one file.`);
    const out = serializeFormat(format, chosen, ws.labelSchema(), options);
    files = out.files;
    report.push(...out.report);
  }
  if (row.splittable) {
    // A UTF-16 unit never takes more than 3 bytes in UTF-8: only a file that might be over is
    // counted (Node's native count still spends ~0.2 s on a thousand split W3C files).
    for (const f of files.filter((file) => file.content.length * 3 > MAX_INPUT_BYTES)) {
      const bytes = Buffer.byteLength(f.content, 'utf8');
      if (bytes > MAX_INPUT_BYTES) {
        report.push(`${f.path} is ${(bytes / 1048576).toFixed(1)} MB, over the 50 MB import limit: it cannot be imported again as one file. Export one file per article (--split) to re-import it.`);
      }
    }
  }
  const annotationCount = chosen.reduce((n, d) => n + (request.author === undefined ? d.annotations.length : d.annotations.filter((a) => a.author === request.author).length), 0);
  return { files, report, articleCount: chosen.length, annotationCount };
}

function withoutRejected(doc: ArticleDoc, left: Set<string>): ArticleDoc {
  if (!doc.annotations.some((a) => isRejectedLayer(a.author)) && !doc.relations.some((r) => isRejectedLayer(r.author))) return doc;
  for (const a of doc.annotations) if (isRejectedLayer(a.author)) left.add(a.author);
  return {
    article: doc.article,
    annotations: doc.annotations.filter((a) => !isRejectedLayer(a.author)),
    relations: doc.relations.filter((r) => !isRejectedLayer(r.author)),
  };
}

/** One safe file name per article: its source file's name when unique, else with the id added. */
export function fileNames(docs: readonly ArticleDoc[]): string[] {
  const used = new Set<string>();
  return docs.map((d) => {
    const stem = d.article.source.split(/[\\/]/).pop()!.replace(/\.(txt|md|markdown|ann|json|html?)$/i, '').replace(/[^\w.-]+/g, '_').slice(0, 120);
    let name = stem && !/^[._]*$/.test(stem) ? stem : d.article.id;
    if (used.has(name)) name = `${name}-${d.article.id}`;
    used.add(name);
    return name;
  });
}
