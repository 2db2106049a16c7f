import { canonicalDoc } from '../../core/edits/apply';
import { labelSchemaProblem, removedFromSchema } from '../../core/edits/apply-edit';
import { ArticleDocSchema, type ArticleDoc } from '../../core/model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../core/model/label-schema';
import { docProblem } from './store/file-formats';

/**
 * Everything `Workspace.putDocs` checks before it writes anything: an annotation import either
 * lands whole or changes nothing. Returns one line per problem, each naming the article.
 */
export function putDocsProblems(docs: readonly ArticleDoc[], next: LabelSchema, current: LabelSchema): string[] {
  const problems: string[] = [];
  const schemaProblem = labelSchemaProblem(next);
  if (schemaProblem) problems.push(schemaProblem);
  const removed = removedFromSchema(current, next);
  if (removed.labels.length || removed.relationTypes.length) {
    problems.push(`The new label schema drops ${[...removed.labels.map((l) => `label ${l}`), ...removed.relationTypes.map((r) => `relation type ${r}`)].join(', ')}; an import may only add.`);
  }
  const seen = new Set<string>();
  docs.forEach((doc, i) => {
    const parsed = ArticleDocSchema.safeParse(doc);
    const name = parsed.success ? `article ${doc.article.id}` : `document ${i + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push(`${name}: invalid at ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
      return;
    }
    if (seen.has(doc.article.id)) problems.push(`${name}: appears twice in this import`);
    seen.add(doc.article.id);
    const problem = docProblem(parsed.data);
    if (problem) problems.push(`${name} ${problem}`);
    // canonicalDoc sorts the same objects: in order exactly when every position holds the same one
    // (compared by reference, not by serialising both — that cost ~1 s on a 1,000-article import).
    const canonical = canonicalDoc(parsed.data);
    if (!canonical.annotations.every((a, k) => a === parsed.data.annotations[k]) || !canonical.relations.every((r, k) => r === parsed.data.relations[k])) {
      problems.push(`${name}: annotations or relations are not in canonical order (use canonicalDoc)`);
    }
    for (const a of doc.annotations) {
      if (!findLabel(next, a.label)) problems.push(`${name}: annotation ${a.id} has the label "${a.label}", which the label schema lacks`);
    }
    for (const r of doc.relations) {
      if (!findRelationType(next, r.type)) problems.push(`${name}: relation ${r.id} has the type "${r.type}", which the label schema lacks`);
    }
  });
  return problems;
}
