import type { ArticleDoc } from '../model/document';

/**
 * How an export keeps annotators apart. An export holds one layer, or several, never a silent
 * mix: formats whose items name their annotator (registry row `layers: 'inside'`) write one set,
 * the others one folder or one file per annotator, named after the layer.
 */

/** Every layer with annotations or links in the documents, sorted. */
export function layersIn(docs: readonly ArticleDoc[]): string[] {
  const names = new Set<string>();
  for (const d of docs) {
    for (const a of d.annotations) names.add(a.author);
    for (const r of d.relations) names.add(r.author);
  }
  return [...names].sort();
}

/** The document with only the given layers' annotations and links (the same object when nothing is dropped). */
export function withLayers(doc: ArticleDoc, layers: ReadonlySet<string>): ArticleDoc {
  if (doc.annotations.every((a) => layers.has(a.author)) && doc.relations.every((r) => layers.has(r.author))) return doc;
  return {
    article: doc.article,
    annotations: doc.annotations.filter((a) => layers.has(a.author)),
    relations: doc.relations.filter((r) => layers.has(r.author)),
  };
}

/** Characters no file system takes in a name (Windows is the strictest), control characters, and the path separators. */

const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;

/**
 * A folder or file name for each layer. A layer keeps its own name where it is a safe file name,
 * because a brat project's folder names are its layer names when it is imported again; otherwise
 * the unsafe characters become '_' (and a clash gets a number), said in `renamed`.
 */
export function layerFileNames(layers: readonly string[]): { names: Map<string, string>; renamed: string[] } {
  const names = new Map<string, string>();
  const renamed: string[] = [];
  const taken = new Set<string>();
  for (const layer of layers) {
    let name =
      layer
        .replace(UNSAFE, '_')
        .replace(/^[\s.]+|[\s.]+$/g, '_')
        .slice(0, 120) || '_';
    if (taken.has(name.toLowerCase())) {
      let n = 2;
      while (taken.has(`${name}-${n}`.toLowerCase())) n++;
      name = `${name}-${n}`;
    }
    taken.add(name.toLowerCase());
    names.set(layer, name);
    if (name !== layer)
      renamed.push(`The layer "${layer}" is written as "${name}" (its name cannot be a file name); it comes back under that name when imported.`);
  }
  return { names, renamed };
}
