/**
 * Reads a PolNeAR folder for the suggestion evaluation: `<dir>/<doc>.{txt,ann}` (one annotator)
 * or `<dir>/<annotator>/<doc>.{txt,ann}` (several; each annotator's file is its own gold
 * document, so figures are micro averages over annotator-documents).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/core/model/result';
import { goldFromBrat, type GoldDocument } from '../src/core/suggest/evaluate';

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
