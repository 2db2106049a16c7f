import { canonicalDoc } from '../../../core/edits/apply';
import { labelSchemaProblem, removedFromSchema } from '../../../core/edits/apply-edit';
import { AnnotationSchema, RelationSchema } from '../../../core/model/annotation';
import { ArticleDocSchema, type ArticleDoc } from '../../../core/model/document';
import { quickCheck } from '../../../core/model/quick-check';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';
import { docProblem } from '../store/file-formats';
import { findEntity, registryProblem, type ActorRegistry } from '../../../core/actors/entity';
import { isCheckedAnnotation, isCheckedRelation } from '../../../core/formats/checked';

/**
 * Everything `Workspace.putDocs` checks before it writes anything: an annotation import either
 * lands whole or changes nothing. Returns one line per problem, each naming the article.
 * `stored` holds the documents as they are on disk now: their annotations and relations were
 * validated when they were read, so those same objects are not checked again (on a 1,000-article
 * import that halves the cost), nor those a parser checked as it built them; everything else is.
 */
export function putDocsProblems(
  docs: readonly ArticleDoc[],
  next: LabelSchema,
  current: LabelSchema,
  stored: ReadonlyMap<string, ArticleDoc> = new Map(),
  actors?: { registry: ActorRegistry; added: boolean },
): string[] {
  const problems: string[] = [];
  const schemaProblem = labelSchemaProblem(next);
  if (schemaProblem) problems.push(schemaProblem);
  const registryIssue = actors?.added ? registryProblem(actors.registry) : null;
  if (registryIssue) problems.push(registryIssue);
  const removed = removedFromSchema(current, next);
  if (removed.labels.length || removed.relationTypes.length) {
    problems.push(
      `The new label schema drops ${[...removed.labels.map((l) => `label ${l}`), ...removed.relationTypes.map((r) => `relation type ${r}`)].join(', ')}; an import may only add.`,
    );
  }
  const seen = new Set<string>();
  docs.forEach((doc, i) => {
    const before = stored.get((doc as Partial<ArticleDoc>).article?.id ?? '');
    const invalid = schemaIssue(doc, before);
    const name = invalid ? `document ${i + 1}` : `article ${doc.article.id}`;
    if (invalid) {
      problems.push(`${name}: invalid at ${invalid}`);
      return;
    }
    if (seen.has(doc.article.id)) problems.push(`${name}: appears twice in this import`);
    seen.add(doc.article.id);
    // The stored article itself (an import adding a layer) had its text hashed when it was read.
    const problem = docProblem(doc, { articleVerified: before !== undefined && before.article === doc.article });
    if (problem) problems.push(`${name} ${problem}`);
    // canonicalDoc sorts the same objects: in order exactly when every position holds the same one
    // (compared by reference, not by serialising both — that cost ~1 s on a 1,000-article import).
    const canonical = canonicalDoc(doc);
    if (!canonical.annotations.every((a, k) => a === doc.annotations[k]) || !canonical.relations.every((r, k) => r === doc.relations[k])) {
      problems.push(`${name}: annotations or relations are not in canonical order (use canonicalDoc)`);
    }
    for (const a of doc.annotations) {
      if (!findLabel(next, a.label)) problems.push(`${name}: annotation ${a.id} has the label "${a.label}", which the label schema lacks`);
      // A link to an entity the registry lacks would dangle: refused, never stored.
      if (a.entity !== undefined && actors && !findEntity(actors.registry, a.entity))
        problems.push(`${name}: annotation ${a.id} links the actor ${a.entity}, which the actor registry lacks`);
    }
    for (const r of doc.relations) {
      if (!findRelationType(next, r.type)) problems.push(`${name}: relation ${r.id} has the type "${r.type}", which the label schema lacks`);
    }
  });
  return problems;
}

const quickAnnotation = quickCheck(AnnotationSchema);
const quickRelation = quickCheck(RelationSchema);

/**
 * Where `doc` breaks the document schema ("path: message"), checking only what is not known valid:
 * what `before` (the stored document) holds was validated when it was read, and what a parser
 * checked as it built it (core/formats/checked.ts) is not checked a second time, and what
 * quickCheck accepts is not asked of zod (only what it refuses, to word the problem).
 */
function schemaIssue(doc: ArticleDoc, before: ArticleDoc | undefined): string | null {
  let checked = doc;
  if (Array.isArray(doc?.annotations) && Array.isArray(doc.relations)) {
    const known = new Set<unknown>(before ? [...before.annotations, ...before.relations] : []);
    checked = {
      ...doc,
      annotations: doc.annotations.filter((a) => !known.has(a) && !isCheckedAnnotation(a) && !quickAnnotation(a)),
      relations: doc.relations.filter((r) => !known.has(r) && !isCheckedRelation(r) && !quickRelation(r)),
    };
  }
  const parsed = ArticleDocSchema.safeParse(checked);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const path = [...issue.path];
  // An index into a filtered list is put back to the item's place in the document.
  const [list, index] = path;
  if ((list === 'annotations' || list === 'relations') && typeof index === 'number') path[1] = (doc[list] as unknown[]).indexOf(checked[list][index]);
  return `${path.join('.') || '(top level)'}: ${issue.message}`;
}
