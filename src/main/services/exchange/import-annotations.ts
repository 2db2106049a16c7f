import { ApiError } from '../../../core/api/contract';
import type { AnnotationImportResult } from '../../../core/api/exchange';
import { mergeSets, type ImportFormat } from '../../../core/formats';
import { entitiesFromReferences, linkEntities, relinkDocuments } from '../../../core/formats/entity-links';
import { matchLabels, relabelSet } from '../../../core/formats/label-match';
import { articleIdFromHash, type ArticleSummary } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import { nowIso } from '../../../core/model/ids';
import type { Problem } from '../../../core/model/result';
import { inPool } from '../article-store';
import { sha256Hex } from '../store/file-formats';
import type { Workspace } from '../workspace';
import { decodeIntoUnits } from './decode';
import { parseUnitsLookingUp, textsWanted, type KnownTexts, type MissedSources, type ParsedSet } from './parse-units';
import { planImport, type ImportPlan } from './plan';

/** A file to import: a '/'-separated path relative to what was chosen (a bare name at the top), and its bytes. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** The layer the set becomes (see ImportRequest.as). */
  as?: string;
  format?: ImportFormat;
  replace?: boolean;
  /** Their label → our label (id or display name), where the names differ (see label-match.ts). */
  map?: Readonly<Record<string, string>>;
  /**
   * The analyst's decisions on their actors, from the plan a preview showed: their entity id → the
   * id of ours to link it to, or NEW_ACTOR ('') to add it as new. Entities not listed are linked
   * by id, else by name, else created (see linkEntities).
   */
  actors?: Readonly<Record<string, string>>;
  /**
   * Work everything out and report it (with how each label and actor would land) but store
   * nothing; with 'new-labels', only when one of their labels would be added as new; with
   * 'review', also when the set brings actors (the dialog's confirm step: nothing is linked unseen);
   * with 'name-matches', only when one of their actors would be linked to one of ours by name (the
   * CLI, which stores at once unless a name match needs the analyst's yes).
   */
  preview?: boolean | 'new-labels' | 'review' | 'name-matches';
}

/**
 * The files of an import handed over rather than lent: called once, and the caller keeps no other
 * reference to them, so each file's bytes are let go once it is parsed; its text is decoded from
 * them only as it is parsed (the CLI: a 40 MB input is not held three times over, as bytes, text
 * and parsed, while it is written).
 */
export type HandOver = () => InputFile[];

/**
 * Imports annotation files into the workspace, all or nothing: every file is decoded (strict
 * UTF-8, 50 MB at most), sorted into brat pairs and single-file sets, parsed, and attached to its
 * articles (planImport); only when no file has a problem is everything written, in one putDocs,
 * which validates again before it writes. Problems come back located (file, line, field); workspace
 * failures (read-only, disk) are thrown as ApiError like everywhere else. Nothing else escapes.
 */
export async function importAnnotations(ws: Workspace, files: readonly InputFile[] | HandOver, options: ImportOptions = {}): Promise<AnnotationImportResult> {
  try {
    return await importOrExplain(ws, files, options);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // A bug, not the analyst's input: still said in words, and nothing was written (putDocs is last).
    return {
      ok: false,
      errors: [{ message: `the import failed unexpectedly and changed nothing: ${error instanceof Error ? error.message : String(error)}` }],
      notes: [],
    };
  }
}

async function importOrExplain(ws: Workspace, files: readonly InputFile[] | HandOver, options: ImportOptions): Promise<AnnotationImportResult> {
  const prepared = await prepare(ws, files, options);
  if (!prepared.ok) return prepared.failed;
  const { plan, labels, linking, notes, existing } = prepared;
  // Everything was computed from these documents: if an edit changed one meanwhile, start again
  // rather than overwrite it (a stored document is replaced, never mutated, on every save).
  for (const [id, doc] of existing) {
    if ((await ws.getDoc(id)) !== doc)
      return {
        ok: false,
        errors: [{ message: `the article "${doc.article.title}" was edited while the import was prepared; nothing was imported, try again` }],
        notes,
      };
  }
  const report = {
    ...plan.report,
    labels: labels.matches,
    notes: [...notes, ...plan.report.notes],
    ...(linking.actors.length ? { actors: linking.actors } : {}),
  };
  const newLabels = labels.matches.some((m) => m.how === 'new');
  const ask =
    options.preview === true ||
    (options.preview === 'new-labels' && newLabels) ||
    (options.preview === 'review' && (newLabels || linking.actors.length > 0)) ||
    (options.preview === 'name-matches' && linking.actors.some((a) => a.how === 'matched'));
  if (ask) return { ok: true, report: { ...report, preview: true } };
  try {
    await ws.putDocs(plan.docs, plan.schema, linking.created);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid-argument') {
      return { ok: false, errors: (error.details ?? [error.message]).map((message) => ({ message })), notes };
    }
    throw error;
  }
  return { ok: true, report };
}

/**
 * Everything up to the plan, in a function of its own so that what it parsed, relabelled and
 * relinked is unreachable once it returns: while the import writes, only the planned documents
 * are held, not also every parsed set (their texts: 40 MB, twice that as two-byte strings).
 */
async function prepare(ws: Workspace, files: readonly InputFile[] | HandOver, options: ImportOptions): Promise<Prepared> {
  const now = nowIso();
  const { parsed, problems, notes, summaries } = await readSets(ws, files, options, now);
  const stored = new Set(summaries.map((a) => a.id));
  const idForHash = storedIdForHash(summaries);
  if (problems.length > 0) return { ok: false, failed: { ok: false, errors: problems, notes } };
  // Labels by meaning: their `Actor` is our "Actor", and what the analyst mapped lands where told.
  const labels = matchLabels(ws.labelSchema(), mergeSets(parsed.sets.map((s) => s.set)).schema, options.map);
  if (labels.problems.length > 0) return { ok: false, failed: { ok: false, errors: labels.problems, notes } };
  const relabelled = parsed.sets.map((s) => ({ ...s, set: entitiesFromReferences(relabelSet(s.set, labels.matches), now) }));
  // Their actors onto ours: by id, else by name through the registry's matcher, else new; all reported.
  const registry = ws.actors();
  const linking = linkEntities(
    registry,
    ws.actorMatcher(),
    relabelled.flatMap((s) => s.set.entities ?? []),
    options.actors,
  );
  if (linking.problems.length > 0) return { ok: false, failed: { ok: false, errors: linking.problems.map((message) => ({ message })), notes } };
  const linkProblems: { file: string; message: string }[] = [];
  const sets = relabelled.map((s) => {
    const relinked = relinkDocuments(s.set.documents, linking.byId, registry);
    linkProblems.push(...relinked.problems.map((message) => ({ file: s.file, message })));
    return { ...s, set: { ...s.set, documents: relinked.documents } };
  });
  if (linkProblems.length > 0) return { ok: false, failed: { ok: false, errors: linkProblems, notes } };

  const matched = new Set<string>();
  const hash = hashOnce();
  for (const { set } of sets) {
    for (const doc of set.documents) {
      const id = idForHash(doc.article.hash ?? hash(doc.article.text));
      if (stored.has(id)) matched.add(id);
      // An article with a history (Lede JSON) is named by its first text: load that one too, so
      // the plan sees an id already taken rather than writing over it.
      const first = doc.article.history?.[0];
      if (first && stored.has(articleIdFromHash(first.hash))) matched.add(articleIdFromHash(first.hash));
    }
  }
  const existing = new Map<string, ArticleDoc>();
  await inPool([...matched], 16, async (id) => void existing.set(id, await ws.getDoc(id)));
  const plan = planImport({ sets, existing, schema: ws.labelSchema(), hash, now, replace: options.replace === true, idForHash });
  if (!plan.ok) return { ok: false, failed: { ok: false, errors: plan.errors, notes } };
  return { ok: true, plan: plan.value, labels, linking, notes, existing };
}

type Prepared =
  | { ok: false; failed: AnnotationImportResult }
  | {
      ok: true;
      plan: ImportPlan;
      labels: ReturnType<typeof matchLabels>;
      linking: ReturnType<typeof linkEntities>;
      notes: string[];
      existing: Map<string, ArticleDoc>;
    };

/**
 * Decodes and parses every file: what the rest of the import works from. In a function of its
 * own so the files' bytes and texts are unreachable once it returns (a handed-over input is
 * referenced by nothing else; the parsed sets hold their own strings).
 */
async function readSets(
  ws: Workspace,
  files: readonly InputFile[] | HandOver,
  options: ImportOptions,
  now: string,
): Promise<{ parsed: { sets: ParsedSet[] }; problems: Problem[]; notes: string[]; summaries: ArticleSummary[] }> {
  // Every file is parsed even when another is already refused, so all problems show at once.
  const { units, problems, notes } = decodeIntoUnits(typeof files === 'function' ? files() : files, options.format);
  const summaries = await ws.listArticles();
  const known = await knownTexts(ws, summaries, { hashes: new Set(), urls: new Set(), ...textsWanted(units) });
  // W3C sources a file does not embed are looked up only for the files that miss one.
  const lookUp = (missed: MissedSources) => knownTexts(ws, summaries, { ...missed, sources: new Set() });
  const parsed = await parseUnitsLookingUp(units, { ...(options.as !== undefined ? { as: options.as } : {}), now }, known, lookUp);
  problems.push(...parsed.problems);
  return { parsed: { sets: parsed.sets }, problems, notes, summaries };
}

/**
 * sha256Hex, each text hashed once per import: a file without hashes (brat, doccano) has its
 * texts hashed to find their articles and again by the plan (40 MB of text on 1,000 articles).
 */
export function hashOnce(): (text: string) => string {
  const hashes = new Map<string, string>();
  return (text) => {
    let hash = hashes.get(text);
    if (hash === undefined) hashes.set(text, (hash = sha256Hex(text)));
    return hash;
  };
}

/** The stored article with a text, by hash: an updated article keeps the id of its first text. */
function storedIdForHash(summaries: readonly ArticleSummary[]): (hash: string) => string {
  const byHash = new Map(summaries.map((a) => [a.hash, a.id]));
  return (hash) => byHash.get(hash) ?? articleIdFromHash(hash);
}

/** The stored texts the files may refer to without embedding them. */
async function knownTexts(
  ws: Workspace,
  summaries: readonly ArticleSummary[],
  wanted: { hashes: Set<string>; sources: Set<string>; urls: Set<string> },
): Promise<KnownTexts> {
  const stored = new Set(summaries.map((a) => a.id));
  const byHash = new Map<string, string>();
  const bySource = new Map<string, string[]>();
  const idForHash = storedIdForHash(summaries);
  const hashes = [...wanted.hashes].filter((hash) => stored.has(idForHash(hash)));
  await inPool(hashes, 16, async (hash) => {
    const doc = await ws.getDoc(idForHash(hash));
    if (doc.article.hash === hash) byHash.set(hash, doc.article.text);
  });
  for (const summary of summaries) {
    if (!wanted.sources.has(summary.source)) continue;
    const doc = await ws.getDoc(summary.id);
    bySource.set(summary.source, [...(bySource.get(summary.source) ?? []), doc.article.text]);
  }
  const byUrl = new Map<string, string[]>();
  for (const summary of summaries) {
    if (!summary.url || !wanted.urls.has(summary.url)) continue;
    const doc = await ws.getDoc(summary.id);
    byUrl.set(summary.url, [...(byUrl.get(summary.url) ?? []), doc.article.text]);
  }
  return { byHash, bySource, byUrl };
}
