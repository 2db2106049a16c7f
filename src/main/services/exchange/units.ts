import { formatFromContent, formatFromFileName, type ImportFormat } from '../../../core/formats/registry';
import type { Problem } from '../../../core/model/result';

/**
 * A decoded input file; `path` is '/'-separated and relative to what the analyst chose. An
 * import's `text` is decoded from the file's bytes each time it is read (decode.ts): read it
 * once, where it is used, and keep it no longer.
 */
export interface TextFile {
  path: string;
  readonly text: string;
  /** The text for the last time: the bytes it is decoded from are let go (an import's files, as each is parsed). */
  take?(): string;
}

/** The file's text, taken when it can be (TextFile.take): read no more after. */
export function takeText(file: TextFile): string {
  return file.take ? file.take() : file.text;
}

/**
 * What gets parsed as one piece: a single-file set (Lede JSON, W3C, JSONL), or one brat document
 * (its .ann, the .txt beside it when it was given, the nearest annotation.conf and visual.conf). `folder` is the
 * annotator folder of a brat project laid out as <annotator>/<doc>.{txt,ann}.
 */
export type ImportUnit =
  | { kind: 'file'; format: Exclude<ImportFormat, 'brat'>; file: TextFile }
  | { kind: 'brat'; ann: TextFile; txt: TextFile | null; conf: string | null; visual: string | null; folder: string | null };

export interface Units {
  units: ImportUnit[];
  problems: Problem[];
  /** Files deliberately left alone (brat display settings, hidden files), said in the report. */
  notes: string[];
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** brat's other configuration files only style or drive its own UI; nothing to import. */
const BRAT_SETTINGS = new Set(['tools.conf', 'kb_shortcuts.conf']);

/**
 * Sorts the chosen files into what gets parsed. brat files pair up by folder and name; a brat
 * document sits either at the top (one layer, named by the analyst) or one folder down (a brat
 * project: the folder names the layer) — mixing the two, or going deeper, is refused because the
 * layer of each file would be a guess. A .json file's format is read from its content.
 */
export function sortIntoUnits(files: readonly TextFile[], format?: ImportFormat): Units {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const byPath = new Map<string, TextFile>();
  for (const f of files) {
    if (byPath.has(f.path)) problems.push({ file: f.path, message: 'was given twice (two files with this name and folder)' });
    byPath.set(f.path, f);
  }
  const confs = new Map<string, string>();
  const visuals = new Map<string, string>();
  const brat = files.some((f) => f.path.toLowerCase().endsWith('.ann'));
  const anns: TextFile[] = [];
  const txts: TextFile[] = [];
  const units: ImportUnit[] = [];
  for (const f of byPath.values()) {
    const name = baseOf(f.path);
    const lower = name.toLowerCase();
    if (name.startsWith('.')) notes.push(`${f.path}: hidden file; skipped`);
    else if (lower === 'annotation.conf') confs.set(dirOf(f.path), f.text);
    else if (lower === 'visual.conf') visuals.set(dirOf(f.path), f.text);
    else if (BRAT_SETTINGS.has(lower)) notes.push(`${f.path}: brat display/tool settings, which Lede does not use; skipped`);
    else if (lower.endsWith('.ann')) anns.push(f);
    else if (lower.endsWith('.txt')) txts.push(f);
    else {
      const single = format && format !== 'brat' ? format : singleFormat(f);
      if (single) units.push({ kind: 'file', format: single, file: f });
      else if (brat) notes.push(`${f.path}: not an annotation file of a brat project; skipped`);
      else problems.push({ file: f.path, message: unknownFormatMessage(lower) });
    }
  }
  const depths = new Set(anns.map((a) => (dirOf(a.path) === '' ? 0 : dirOf(a.path).split('/').length)));
  if ([...depths].some((d) => d > 1)) {
    problems.push({
      message:
        'brat files are nested more than one folder deep: choose a brat folder (<doc>.txt and <doc>.ann) or a project folder laid out as <annotator>/<doc>.{txt,ann}',
    });
  } else if (depths.size > 1) {
    problems.push({
      message:
        'some brat files are at the top of the folder and some in subfolders: choose either a brat folder or a project folder laid out as <annotator>/<doc>.{txt,ann}, not a mix',
    });
  }
  const paired = new Set<string>();
  for (const ann of anns.sort((a, b) => a.path.localeCompare(b.path))) {
    const dir = dirOf(ann.path);
    const txtPath = ann.path.replace(/\.ann$/i, '.txt');
    const txt = byPath.get(txtPath) ?? null;
    if (txt) paired.add(txt.path);
    const conf = confs.get(dir) ?? confs.get(dirOf(dir)) ?? confs.get('') ?? null;
    const visual = visuals.get(dir) ?? visuals.get(dirOf(dir)) ?? visuals.get('') ?? null;
    units.push({ kind: 'brat', ann, txt, conf, visual, folder: dir === '' ? null : dir });
  }
  for (const t of txts)
    if (!paired.has(t.path))
      notes.push(`${t.path}: no ${baseOf(t.path).replace(/\.txt$/i, '.ann')} beside it; not imported (import it as an article with Import articles…)`);
  if (units.length === 0 && problems.length === 0)
    problems.push({ message: 'no annotation files among the files chosen (.lede.json, .jsonld/.json, .jsonl, or brat .ann with its .txt)' });
  return { units, problems, notes };
}

function singleFormat(f: TextFile): Exclude<ImportFormat, 'brat'> | null {
  const byName = formatFromFileName(f.path);
  if (byName && byName !== 'brat') return byName;
  if (!f.path.toLowerCase().endsWith('.json')) return null;
  // Read the format from the start of the content (each registry row says how it recognises itself).
  const byContent = formatFromContent(f.text);
  return byContent === 'brat' ? null : byContent;
}

function unknownFormatMessage(lower: string): string {
  if (lower.endsWith('.json')) return 'cannot tell which annotation format this JSON file is (Lede JSON, W3C Web Annotation or JSONL); choose the format';
  return 'is not an annotation file Lede imports (.lede.json, .jsonld/.json, .jsonl, or brat .ann with its .txt)';
}
