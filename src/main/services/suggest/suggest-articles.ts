import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../../core/api/contract';
import type { AnnotationImportResult } from '../../../core/api/exchange';
import { minter } from '../../../core/formats/build';
import { serializeLede } from '../../../core/formats/lede';
import type { ArticleDoc } from '../../../core/model/document';
import { defaultLabelSchema, type LabelSchema } from '../../../core/model/label-schema';
import { nowIso } from '../../../core/model/ids';
import { formatProblem } from '../../../core/model/result';
import { suggest, type KnownName, type SuggestionKind } from '../../../core/suggest';
import { suggestionLayer, type SuggestionLayerKind } from '../../../core/suggest/as-layer';
import { knownNamesOf, type RegistryNames } from '../../../core/suggest/known';
import { prepareArticle } from '../articles/article-import';
import { importAnnotations } from '../exchange/import-annotations';
import type { Workspace } from '../workspace';

/**
 * `lede suggest`: the suggestion rules run over workspace articles or plain text files, their
 * output turned into ordinary annotation documents (one layer, `suggested`) that every export
 * format writes — or stored in the workspace as that layer, ready for review against an
 * analyst's layer. Suggestions never touch the workspace unless `acceptSuggestions` is called.
 */

/** The layer suggestions become: an annotator's name like any other, so review and agreement compare it. */
import { SUGGESTED_LAYER } from './layer-name';

export { SUGGESTED_LAYER };

export interface SuggestRequest {
  kinds: ReadonlySet<SuggestionLayerKind>;
}

function ruleKinds(kinds: ReadonlySet<SuggestionLayerKind>): SuggestionKind[] {
  return [...(kinds.has('quote') || kinds.has('speaker') ? (['quote'] as const) : []), ...(kinds.has('actor') ? (['actor'] as const) : [])];
}

/** One document per article holding only the suggested layer (the article's own layers are left out). */
export function suggestedDocs(
  articles: readonly ArticleDoc['article'][],
  request: SuggestRequest,
  known: readonly KnownName[] = [],
  now = nowIso(),
): ArticleDoc[] {
  const m = minter({ author: SUGGESTED_LAYER, now });
  return articles.map((article) => {
    const found = suggest({ text: article.text, known }, { kinds: ruleKinds(request.kinds) });
    if (!found.ok) throw new ApiError('invalid-argument', `${article.source || article.id}: ${found.errors.map(formatProblem).join('; ')}`);
    return { article, ...suggestionLayer(article.text, found.value, request.kinds, m) };
  });
}

/**
 * Names the workspace already knows (core/suggest/known.ts): every registry entity by its name and
 * aliases, and the text of every tagged actor (with its entity when linked), so their other
 * mentions are suggested too. The `suggested` layer is left out: its actors are the rules' own.
 */
export function knownActorNames(docs: readonly ArticleDoc[], registry?: RegistryNames): KnownName[] {
  return knownNamesOf(registry, docs, SUGGESTED_LAYER);
}

/** The known names of the whole open workspace (the page asks for them to suggest actors). */
export async function workspaceKnownNames(ws: Workspace): Promise<KnownName[]> {
  return knownActorNames(await workspaceDocs(ws, undefined), ws.actors());
}

export async function workspaceDocs(ws: Workspace, ids: readonly string[] | undefined): Promise<ArticleDoc[]> {
  const summaries = await ws.listArticles();
  const known = new Set(summaries.map((s) => s.id));
  const missing = (ids ?? []).filter((id) => !known.has(id));
  if (missing.length > 0) throw new ApiError('not-found', `no article with id ${missing.join(', ')} in this workspace (lede list shows the ids)`);
  const wanted = ids ? [...new Set(ids)] : summaries.map((s) => s.id);
  const docs: ArticleDoc[] = [];
  for (const id of wanted) docs.push(await ws.getDoc(id));
  return docs;
}

/** Suggestions for the workspace's articles (all, or `ids`), with the workspace's tagged actor names as known names. */
export async function suggestWorkspace(
  ws: Workspace,
  ids: readonly string[] | undefined,
  request: SuggestRequest,
): Promise<{ docs: ArticleDoc[]; schema: LabelSchema }> {
  const docs = await workspaceDocs(ws, ids);
  const known = knownActorNames(ids ? await workspaceDocs(ws, undefined) : docs, ws.actors());
  return {
    docs: suggestedDocs(
      docs.map((d) => d.article),
      request,
      known,
    ),
    schema: ws.labelSchema(),
  };
}

/** Suggestions for plain text (or Markdown, HTML) files outside any workspace, read the way the article importer reads them. */
export async function suggestFiles(paths: readonly string[], request: SuggestRequest): Promise<{ docs: ArticleDoc[]; schema: LabelSchema }> {
  const now = nowIso();
  const articles: ArticleDoc['article'][] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    const prepared = await prepareArticle({ name: basename(path), bytes }, now);
    if (prepared.ok) articles.push(prepared.article);
    else problems.push(prepared.error);
  }
  if (problems.length > 0) throw new ApiError('invalid-argument', `nothing was written: ${problems.join('; ')}`);
  return { docs: suggestedDocs(articles, request, [], now), schema: defaultLabelSchema() };
}

/**
 * Stores the suggestions as the layer `suggested`, through the annotation importer (so it is
 * validated and written all or nothing like any import). `replace` swaps an earlier suggested
 * layer for the new one; without it an article that already has the layer is refused.
 */
export async function acceptSuggestions(ws: Workspace, docs: readonly ArticleDoc[], schema: LabelSchema, replace: boolean): Promise<AnnotationImportResult> {
  const lede = serializeLede(docs, schema, {});
  const bytes = new TextEncoder().encode(lede.files[0]!.content);
  return importAnnotations(ws, [{ path: 'suggested.lede.json', bytes }], { as: SUGGESTED_LAYER, format: 'lede', replace });
}
