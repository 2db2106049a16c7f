import { parseBrat, validateBrat, validateFormat, type ImportFormat } from '../../../core/formats';
import type { Problem } from '../../../core/model/result';
import { hashOfSource } from '../../../core/formats/w3c/vocabulary';
import { decodeIntoUnits } from './decode';
import type { InputFile } from './import-annotations';

export interface Validation {
  problems: Problem[];
  /** What would not be represented exactly, and files skipped. */
  notes: string[];
  /** How many annotation files (brat documents count once) were checked. */
  checked: number;
}

/**
 * Every problem in annotation files, without importing them (`lede validate`): the same decoding
 * and grouping as an import, brat's own rules for each .ann against its .txt (then the importer's
 * checks), and the importer's checks for the JSON formats. `textOf` resolves W3C sources the file
 * does not embed (the texts of a workspace), when there is one.
 */
export function validateFiles(files: readonly InputFile[], options: { format?: ImportFormat; textOf?: (hash: string) => string | undefined } = {}): Validation {
  const { units, problems, notes } = decodeIntoUnits(files, options.format);
  for (const unit of units) {
    if (unit.kind === 'file') {
      const resolveText = (source: string) => {
        const hash = hashOfSource(source);
        return hash ? options.textOf?.(hash) : undefined;
      };
      problems.push(...validateFormat(unit.format, unit.file.text, { file: unit.file.path, resolveText }));
      continue;
    }
    if (!unit.txt) {
      problems.push({ file: unit.ann.path, message: `${unit.ann.path.replace(/\.ann$/i, '.txt')} is missing: a .ann is checked against its text` });
      continue;
    }
    const bratProblems = validateBrat({ txt: unit.txt.text, ann: unit.ann.text, file: unit.ann.path });
    if (bratProblems.length > 0) {
      problems.push(...bratProblems);
      continue;
    }
    const parsed = parseBrat({
      txt: unit.txt.text,
      ann: unit.ann.text,
      file: unit.ann.path,
      author: 'validate',
      ...(unit.conf !== null ? { conf: unit.conf } : {}),
    });
    if (parsed.ok) notes.push(...parsed.value.report);
    else problems.push(...parsed.errors);
  }
  return { problems, notes, checked: units.length };
}
