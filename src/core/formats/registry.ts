/**
 * The one table of annotation formats. The api's format enum, the export and import services,
 * the dialogs' format lists and file pickers, and the CLI's choices and help are all read from
 * these rows, so adding a format means its own folder (the adapter), one row here, and its entry
 * in the adapter table of ./index.ts (which the compiler asks for).
 *
 * Pure data and a few regular expressions, no adapter code: the renderer imports this file, and
 * its bundle must stay free of the parsers and serializers.
 */
export interface FormatRow {
  id: string;
  /** The format's name, as the analyst knows it. */
  label: string;
  /** What the export holds, for the export dialog's list. */
  description: string;
  /** Ending of an exported file ('' for brat, which is always a folder of files). */
  extension: string;
  mime: string;
  /** An export is always several files (brat's .txt/.ann pairs and its configuration). */
  multiFile: boolean;
  /** Can be written one file per article (each stays importable under the 50 MB limit). */
  splittable: boolean;
  /** Lede imports (and validates) it. */
  imports: boolean;
  /** Lower-case file name endings the importer takes as this format without reading the content. */
  accepts: readonly string[];
  /** File picker entries beyond `accepts` (MIME types, ambiguous endings decided by content). */
  pickerTypes: readonly string[];
  /** For a file of an ambiguous ending (.json): true when the start of its content is this format. */
  sniff?: (head: string, firstLine: string) => boolean;
  /**
   * How an export of several layers keeps them apart: `inside` (one set, every item names its
   * annotator), `folders` (one folder per annotator) or `files` (one file per annotator).
   */
  layers: 'inside' | 'folders' | 'files';
  /** Said in the export dialog and by the CLI when several layers are exported. */
  layersStatement: string;
}

export const FORMATS = [
  {
    id: 'lede',
    label: 'Lede JSON',
    description: 'lossless, re-importable',
    extension: '.lede.json',
    mime: 'application/json',
    multiFile: false,
    splittable: true,
    imports: true,
    accepts: ['.lede.json'],
    pickerTypes: ['.json', 'application/json'],
    sniff: (head: string) => /"format"\s*:\s*"lede-annotations"/.test(head),
    layers: 'inside',
    layersStatement: 'one file; every annotation and link keeps its annotator',
  },
  {
    id: 'w3c',
    label: 'W3C Web Annotation',
    description: 'JSON-LD',
    extension: '.w3c.jsonld',
    mime: 'application/ld+json',
    multiFile: false,
    splittable: true,
    imports: true,
    accepts: ['.jsonld', '.w3c.json'],
    pickerTypes: ['.json', 'application/ld+json'],
    sniff: (head: string) => /"@context"|"type"\s*:\s*"(Annotation|AnnotationCollection|AnnotationPage)"/.test(head),
    // One file per annotator (each item also names its creator): an import takes a file as one layer.
    layers: 'files',
    layersStatement: 'one file per annotator, <annotator>.w3c.jsonld, every annotation naming its creator',
  },
  {
    id: 'brat',
    label: 'brat standoff',
    description: '.txt/.ann + annotation.conf and visual.conf, zipped',
    extension: '',
    mime: 'application/zip',
    multiFile: true,
    splittable: false,
    imports: true,
    accepts: ['.ann', '.txt', 'annotation.conf'],
    pickerTypes: ['.conf'],
    layers: 'folders',
    layersStatement: 'a brat project: one folder per annotator, <annotator>/<doc>.txt and .ann',
  },
  {
    id: 'jsonl',
    label: 'JSONL',
    description: 'doccano',
    extension: '.jsonl',
    mime: 'application/jsonl',
    multiFile: false,
    splittable: true,
    imports: true,
    accepts: ['.jsonl', '.ndjson'],
    pickerTypes: ['.json'],
    sniff: (head: string, firstLine: string) => /^\s*\{[^\n]*"text"\s*:/.test(head) && /"(label|entities)"\s*:/.test(firstLine),
    layers: 'files',
    layersStatement: 'one file per annotator, <annotator>.jsonl',
  },
  {
    id: 'csv',
    label: 'CSV',
    description: 'spreadsheets',
    extension: '.csv',
    mime: 'text/csv',
    multiFile: false,
    splittable: false,
    imports: false,
    accepts: [],
    pickerTypes: [],
    layers: 'inside',
    layersStatement: 'one file; the annotator column names each row’s layer',
  },
  {
    id: 'conll',
    label: 'CoNLL BIO',
    description: 'NLP training',
    extension: '.conll',
    mime: 'text/plain',
    multiFile: false,
    splittable: false,
    imports: false,
    accepts: [],
    pickerTypes: [],
    layers: 'files',
    layersStatement: 'one file per annotator, <annotator>.conll',
  },
] as const satisfies readonly FormatRow[];

type Row = (typeof FORMATS)[number];
export type ExportFormat = Row['id'];
export type ImportFormat = Extract<Row, { imports: true }>['id'];

/** Every format id, as a tuple for zod's and commander's enums. */
export const EXPORT_FORMATS = FORMATS.map((f) => f.id) as [ExportFormat, ...ExportFormat[]];
export const IMPORT_FORMATS = FORMATS.filter((f) => f.imports).map((f) => f.id) as [ImportFormat, ...ImportFormat[]];

export function formatRow(id: ExportFormat): FormatRow {
  return FORMATS.find((f) => f.id === id)!;
}

/** "Lede JSON (lossless, re-importable)": a format as a dialog lists it. */
export function formatTitle(id: ExportFormat): string {
  const row = formatRow(id);
  return `${row.label} (${row.description})`;
}

/** "Lede JSON, W3C Web Annotation, brat standoff, …", for help texts. */
export function formatNames(which: 'export' | 'import'): string {
  return FORMATS.filter((f) => which === 'export' || f.imports)
    .map((f) => f.label)
    .join(', ');
}

/** A format from a file name alone, for imports given without one; null when the name does not tell. */
export function formatFromFileName(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  // Longest ending first, so '.lede.json' wins over any shorter ending another row might accept.
  let best: { id: ImportFormat; length: number } | null = null;
  for (const row of FORMATS) {
    if (!row.imports) continue;
    for (const ending of row.accepts) if (lower.endsWith(ending) && (!best || ending.length > best.length)) best = { id: row.id, length: ending.length };
  }
  return best?.id ?? null;
}

/** A single-file format from a file's content (for .json files): the first row whose sniff matches. */
export function formatFromContent(text: string): ImportFormat | null {
  const head = text.slice(0, 4096);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  for (const row of FORMATS) if (row.imports && 'sniff' in row && row.sniff(head, firstLine)) return row.id;
  return null;
}

/** The file picker's accept list for annotation imports. */
export function importPickerTypes(): string {
  return [...new Set(FORMATS.filter((f) => f.imports).flatMap((f) => [...f.accepts.map((a) => `.${a.split('.').pop()}`), ...f.pickerTypes]))].join(',');
}

/**
 * Whether a file of this name may hold annotations (a format's ending, an ambiguous one decided by
 * content such as .json, brat's .conf files, or a zip of any of them). Beside brat files, anything
 * else is project furniture (README, caches) that an import skips with a note.
 */
export function mayBeAnnotationFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip') || formatFromFileName(lower) !== null) return true;
  return FORMATS.some((f) => f.imports && f.pickerTypes.some((t) => t.startsWith('.') && lower.endsWith(t)));
}
