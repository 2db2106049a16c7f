/**
 * Reads a PolNeAR folder for the suggestion evaluation: `<dir>/<doc>.{txt,ann}` (one annotator)
 * or `<dir>/<annotator>/<doc>.{txt,ann}` (several; each annotator's file is its own gold
 * document, so figures are micro averages over annotator-documents).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../../../core/model/result';
import { goldFromBrat, type GoldDocument } from '../../../core/suggest/evaluate';

export function readGoldCorpus(dir: string): GoldDocument[] {
  if (!existsSync(dir)) throw new Error(`corpus not found: ${dir}`);
  const docs: GoldDocument[] = [];
  const read = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) read(path, `${prefix}${name}/`);
      else if (name.endsWith('.ann') && existsSync(path.replace(/\.ann$/, '.txt'))) {
        const id = `${prefix}${name.replace(/\.ann$/, '')}`;
        const parsed = goldFromBrat({ id, txt: readFileSync(path.replace(/\.ann$/, '.txt'), 'utf8'), ann: readFileSync(path, 'utf8') });
        if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
        docs.push(parsed.value);
      }
    }
  };
  read(dir, '');
  return docs;
}

/** The document's name without its annotator folder. */
export function documentName(doc: GoldDocument): string {
  return doc.id.split('/').pop()!;
}

/**
 * The split the rules were developed on: polnear-single and the polnear-multi documents at
 * even positions in name order are for development; those at odd positions are held out
 * (never looked at document by document while the rules were tuned).
 */
export function splitMulti(docs: readonly GoldDocument[]): { development: GoldDocument[]; heldOut: GoldDocument[] } {
  const names = [...new Set(docs.map(documentName))].sort();
  const held = new Set(names.filter((_, i) => i % 2 === 1));
  return { development: docs.filter((d) => !held.has(documentName(d))), heldOut: docs.filter((d) => held.has(documentName(d))) };
}

/** The documents grouped by text: each group holds every annotator's file of one document. */
export function byDocument(docs: readonly GoldDocument[]): GoldDocument[][] {
  const groups = new Map<string, GoldDocument[]>();
  for (const doc of docs) groups.set(documentName(doc), [...(groups.get(documentName(doc)) ?? []), doc]);
  return [...groups.values()];
}
