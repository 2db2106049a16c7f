import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalDoc } from '../../../../../src/core/edits/apply';
import { parseBrat } from '../../../../../src/core/formats/brat';
import type { Annotation, Relation } from '../../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { extendSchema } from '../../../../../src/core/model/label-schema';
import { formatProblem } from '../../../../../src/core/model/result';
import type { Workspace } from '../../../../../src/main/services/workspace';

/**
 * Puts a brat project (<annotator>/<doc>.{txt,ann}) into a real workspace, as an analyst importing
 * each colleague's files would: each text imported once as an article, each annotator's .ann
 * parsed by the real brat parser into that annotator's layer, unknown labels added to the schema.
 * Returns the article id of each document name.
 */
export async function putBratProject(ws: Workspace, root: string, only?: readonly string[]): Promise<Map<string, string>> {
  const annotators = readdirSync(root)
    .filter((n) => statSync(join(root, n)).isDirectory() && (!only || only.includes(n)))
    .sort();
  const layers = new Map<string, { text: string; annotations: Annotation[]; relations: Relation[] }>();
  for (const annotator of annotators) {
    for (const file of readdirSync(join(root, annotator))
      .filter((f) => f.endsWith('.ann'))
      .sort()) {
      const name = file.slice(0, -4);
      const txt = readFileSync(join(root, annotator, `${name}.txt`), 'utf8');
      let n = 0;
      const parsed = parseBrat({
        txt,
        ann: readFileSync(join(root, annotator, file), 'utf8'),
        file,
        author: annotator,
        newId: (k) => `${annotator}-${k}-${++n}`,
      });
      if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
      const entry = layers.get(name) ?? { text: txt, annotations: [], relations: [] };
      entry.annotations.push(...parsed.value.documents[0]!.annotations);
      entry.relations.push(...parsed.value.documents[0]!.relations);
      layers.set(name, entry);
    }
  }
  const report = await ws.importArticleFiles([...layers].map(([name, e]) => ({ name: `${name}.txt`, bytes: new TextEncoder().encode(e.text) })));
  if (report.failed.length) throw new Error(JSON.stringify(report.failed));
  const ids = new Map(report.added.map((a) => [a.source.replace(/\.txt$/, ''), a.id]));
  const docs: ArticleDoc[] = [];
  for (const [name, e] of layers) {
    const stored = await ws.getDoc(ids.get(name)!);
    docs.push(canonicalDoc({ article: stored.article, annotations: e.annotations, relations: e.relations }));
  }
  const all = docs.flatMap((d) => d.annotations);
  const { schema } = extendSchema(ws.labelSchema(), {
    labels: all.map((a) => ({ id: a.label })),
    relationTypes: docs.flatMap((d) => d.relations.map((r) => r.type)),
    attributes: all.flatMap((a) => Object.entries(a.attributes).map(([id, value]) => ({ label: a.label, id, value }))),
  });
  await ws.putDocs(docs, schema);
  return ids;
}

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

/** Every leaf of `reference` compared with the same path in `ours` (numbers to 1e-9); the differences, as lines. */
export function referenceMismatches(reference: Json, ours: Json, path = 'reference'): string[] {
  if (typeof reference === 'number')
    return typeof ours === 'number' && Math.abs(ours - reference) <= 1e-9 ? [] : [`${path}: reference ${reference}, Lede ${JSON.stringify(ours)}`];
  if (reference === null || typeof reference !== 'object')
    return ours === reference ? [] : [`${path}: reference ${String(reference)}, Lede ${JSON.stringify(ours)}`];
  if (ours === null || typeof ours !== 'object') return [`${path}: missing in Lede's figures`];
  return Object.entries(reference).flatMap(([key, value]) =>
    referenceMismatches(value, Object.prototype.hasOwnProperty.call(ours, key) ? (ours as Record<string, Json>)[key]! : '(absent)', `${path}.${key}`),
  );
}
