import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementDocument } from '../../../../src/core/agreement/documents';
import { parseBrat } from '../../../../src/core/formats/brat';
import { formatProblem } from '../../../../src/core/model/result';

/**
 * Reads a brat project laid out as <annotator>/<doc>.{txt,ann} with the real brat parser into
 * agreement documents: one per document name, with the layers of the annotators who have it.
 * Annotation ids are made unique per annotator so layers can share one document.
 */
export function readBratProject(root: string): { annotators: string[]; documents: AgreementDocument[] } {
  const annotators = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
  const byName = new Map<
    string,
    AgreementDocument & {
      layers: string[];
      annotations: AgreementDocument['annotations'][number][];
      relations: NonNullable<AgreementDocument['relations']>[number][];
    }
  >();
  for (const annotator of annotators) {
    for (const file of readdirSync(join(root, annotator))
      .filter((f) => f.endsWith('.ann'))
      .sort()) {
      const name = file.slice(0, -'.ann'.length);
      const txtPath = join(root, annotator, `${name}.txt`);
      if (!existsSync(txtPath)) throw new Error(`${annotator}/${file} has no .txt beside it`);
      const txt = readFileSync(txtPath, 'utf8');
      let counter = 0;
      const parsed = parseBrat({
        txt,
        ann: readFileSync(join(root, annotator, file), 'utf8'),
        file: `${annotator}/${file}`,
        author: annotator,
        newId: (kind) => `${annotator}:${kind}:${++counter}`,
      });
      if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
      const imported = parsed.value.documents[0]!;
      let doc = byName.get(name);
      if (!doc) {
        doc = { id: name, title: name, text: txt, layers: [], annotations: [], relations: [] };
        byName.set(name, doc);
      }
      if (doc.text !== txt) throw new Error(`${annotator}/${name}.txt differs from another annotator's copy`);
      doc.layers.push(annotator);
      doc.annotations.push(...imported.annotations);
      doc.relations.push(...imported.relations);
    }
  }
  return { annotators, documents: [...byName.values()] };
}
