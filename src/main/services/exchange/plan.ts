import type { AnnotationImportReport, ImportedLayer } from '../../../core/api/exchange';
import { canonicalDoc } from '../../../core/edits/apply';
import { mergeSets, schemaWith, type ImportedDoc } from '../../../core/formats';
import { annotationWith, relationWith } from '../../../core/formats/checked';
import { articleIdFromHash, clampTitle, titleFromText, type Article } from '../../../core/model/article';
import { cleanArticleMeta } from '../../../core/model/article-meta';
import type { Annotation, Relation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { newId } from '../../../core/model/ids';
import type { Problem, Result } from '../../../core/model/result';
import type { ParsedSet } from './parse-units';
import { controlCharacterProblem } from '../../../core/import/article-bytes';

export interface PlanInput {
  sets: readonly ParsedSet[];
  /** The stored documents of the articles the sets name (by text hash); others are new. */
  existing: ReadonlyMap<string, ArticleDoc>;
  schema: LabelSchema;
  hash(text: string): string;
  now: string;
  /** Replace a layer an article already has; otherwise such an import is refused. */
  replace: boolean;
  /**
   * The id of the stored article with this text, if any. An updated article (lede update-article)
   * keeps the id of its first text, so its current text is not named by its own hash.
   */
  idForHash?(hash: string): string;
}

export interface ImportPlan {
  docs: ArticleDoc[];
  schema: LabelSchema;
  report: AnnotationImportReport;
}

interface Incoming {
  article: Article;
  base: ArticleDoc | null;
  layers: Map<string, { docs: { doc: ImportedDoc; file: string }[] }>;
}

/**
 * Where every imported annotation goes, decided before anything is written.
 *
 * - Articles are matched by the sha256 of their text: the same text in the workspace gets the
 *   annotations; otherwise the article is created from the file's text (and its title/source when
 *   the file has them). A file that states a hash its text does not have is refused (text mismatch).
 * - Each (article, layer) pair: the layer is new, or — only with `replace` — replaces the stored
 *   layer of that name. Without `replace` an existing layer is never touched: the import is refused,
 *   so a colleague's set cannot silently overwrite or double someone's work. Other layers stay.
 * - Ids: brat, W3C and JSONL imports get fresh ids; Lede JSON keeps its own unless one is already
 *   taken in that article (e.g. a workspace's own export imported back as another layer), in which
 *   case it gets a fresh id and its links follow.
 * - The label schema only grows: unknown labels, relation types and attributes are added.
 */
export function planImport(input: PlanInput): Result<ImportPlan> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const articles = new Map<string, Incoming>();
  for (const { set, author, file } of input.sets) {
    notes.push(...set.report);
    for (const [i, doc] of set.documents.entries()) {
      const located = (field: string, message: string): Problem => ({ file, field: set.documents.length > 1 ? `documents[${i}].${field}` : field, message });
      const hash = input.hash(doc.article.text);
      if (doc.article.hash !== undefined && doc.article.hash !== hash) {
        problems.push(located('article.hash', 'the article text does not match the hash stored with it (the text was changed after export); refused'));
        continue;
      }
      const history = doc.article.history ?? [];
      if (history.some((v) => input.hash(v.text) !== v.hash)) {
        problems.push(located('article.history', 'an earlier text does not match the hash stored with it; refused'));
        continue;
      }
      // An article new here with a history (Lede JSON) is named by its first text, as it was stored.
      const stored = input.idForHash?.(hash) ?? articleIdFromHash(hash);
      const id = input.existing.has(stored) || history.length === 0 ? stored : articleIdFromHash(history[0]!.hash);
      const base = input.existing.get(id) ?? null;
      if (base && base.article.hash !== hash) {
        problems.push(located('article', `its id ${id} is taken by a different article ("${base.article.title}")`));
        continue;
      }
      if (!base && doc.article.text.trim() === '') {
        problems.push(located('article.text', 'the article text is empty'));
        continue;
      }
      const control = base ? null : controlCharacterProblem(doc.article.text);
      if (control) {
        problems.push(located('article.text', `the article text ${control.message} (line ${control.line} of the text)`));
        continue;
      }
      let entry = articles.get(id);
      if (!entry) {
        entry = { article: base?.article ?? newArticle(doc, id, hash, file, input.now), base, layers: new Map() };
        articles.set(id, entry);
      }
      for (const layer of layersOf(doc, author)) {
        const slot = entry.layers.get(layer) ?? { docs: [] };
        entry.layers.set(layer, slot);
        slot.docs.push({ doc: author === null ? onlyLayer(doc, layer) : doc, file });
      }
    }
  }

  const layers = new Map<string, ImportedLayer>();
  const docs: ArticleDoc[] = [];
  for (const entry of articles.values()) {
    const stored = entry.base ?? { article: entry.article, annotations: [], relations: [] };
    const replacing = new Set<string>();
    for (const [layer, { docs: parts }] of entry.layers) {
      const has = stored.annotations.some((a) => a.author === layer) || stored.relations.some((r) => r.author === layer);
      const adds = parts.some((p) => p.doc.annotations.length > 0 || p.doc.relations.length > 0);
      if (!has) continue;
      if (input.replace) replacing.add(layer);
      else if (adds) {
        const n = stored.annotations.filter((a) => a.author === layer).length;
        problems.push({
          file: parts[0]!.file,
          message: `the article "${entry.article.title}" already has a layer "${layer}" (${n} annotation${n === 1 ? '' : 's'}); import under another name, or choose to replace that layer`,
        });
      }
    }
    const annotations = stored.annotations.filter((a) => !replacing.has(a.author));
    const relations = stored.relations.filter((r) => !replacing.has(r.author));
    const takenA = new Set(annotations.map((a) => a.id));
    const takenR = new Set(relations.map((r) => r.id));
    let renamed = 0;
    for (const [layer, { docs: parts }] of entry.layers) {
      const tally = layers.get(layer) ?? { author: layer, articles: 0, annotations: 0, relations: 0, replaced: 0 };
      layers.set(layer, tally);
      tally.articles++;
      if (replacing.has(layer)) tally.replaced++;
      for (const { doc } of parts) {
        const rename = new Map<string, string>();
        for (const a of doc.annotations) {
          const id = takenA.has(a.id) ? (renamed++, freshId(takenA, 'ann')) : a.id;
          takenA.add(id);
          if (id !== a.id) rename.set(a.id, id);
          annotations.push(id === a.id ? a : annotationWith(a, { id }));
        }
        for (const r of doc.relations) {
          const id = takenR.has(r.id) ? freshId(takenR, 'rel') : r.id;
          takenR.add(id);
          const from = rename.get(r.from) ?? r.from;
          const to = rename.get(r.to) ?? r.to;
          relations.push(id === r.id && from === r.from && to === r.to ? r : relationWith(r, { id, from, to }));
        }
        tally.annotations += doc.annotations.length;
        tally.relations += doc.relations.length;
      }
    }
    if (renamed > 0)
      notes.push(
        `${entry.article.title}: ${renamed === 1 ? 'an annotation id was' : `${renamed} annotation ids were`} already used in this article and ${renamed === 1 ? 'was given a new one' : 'were given new ones'}`,
      );
    docs.push(canonicalDoc({ article: entry.article, annotations, relations }));
  }
  if (problems.length > 0) return { ok: false, errors: problems };

  const used = mergeSets(input.sets.map((s) => s.set));
  const { schema, added } = schemaWith(input.schema, used.schema, { keepColors: used.colorsDefined === true });
  const added_ = [...articles.values()].filter((e) => !e.base).map((e) => ({ id: e.article.id, title: e.article.title }));
  return {
    ok: true,
    value: {
      docs,
      schema,
      report: { articlesAdded: added_, articlesMatched: articles.size - added_.length, layers: [...layers.values()], schemaAdded: added, notes },
    },
  };
}

/** An article made from a file's: its text, title, source and time, and the metadata and history the file carries. */
function newArticle(doc: ImportedDoc, id: string, hash: string, file: string, now: string): Article {
  const { text, title, source, importedAt, meta, history } = doc.article;
  return {
    ...(meta ? cleanArticleMeta(meta) : {}),
    ...(history?.length ? { history } : {}),
    id,
    title: title?.trim() ? clampTitle(title) : titleFromText(text),
    source: (source || file.slice(file.lastIndexOf('/') + 1)).slice(0, 1000),
    importedAt: importedAt && importedAt.length <= 100 ? importedAt : now,
    hash,
    text,
  };
}

/** The layers a document brings: the analyst's name for it, or (Lede JSON kept as it is) its own. */
function layersOf(doc: ImportedDoc, author: string | null): string[] {
  if (author !== null) return [author];
  const names = new Set([...doc.annotations.map((a) => a.author), ...doc.relations.map((r) => r.author)]);
  return names.size > 0 ? [...names] : [];
}

function onlyLayer(doc: ImportedDoc, layer: string): ImportedDoc {
  const annotations: Annotation[] = doc.annotations.filter((a) => a.author === layer);
  const relations: Relation[] = doc.relations.filter((r) => r.author === layer);
  return { article: doc.article, annotations, relations };
}

function freshId(taken: ReadonlySet<string>, prefix: string): string {
  let id = newId(prefix);
  while (taken.has(id)) id = newId(prefix);
  return id;
}
