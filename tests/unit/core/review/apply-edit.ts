import { applyCommand } from '../../../../src/core/edits/apply';
import type { Edit } from '../../../../src/core/edits/commands';
import type { ArticleDoc } from '../../../../src/core/model/document';

/** Applies a doc or batch edit to one article as the store does, failing the test on a refusal. */
export function applyEdit(doc: ArticleDoc, edit: Edit): ArticleDoc {
  if (edit.kind === 'schema') throw new Error('a review never edits the label schema');
  if (edit.kind === 'actors') throw new Error('a review never edits the actor registry');
  if (edit.kind === 'rejections') throw new Error('a review never rejects suggestions');
  if (edit.kind === 'batch') return edit.edits.reduce(applyEdit, doc);
  if (edit.articleId !== doc.article.id) throw new Error(`edit for ${edit.articleId}, not ${doc.article.id}`);
  const result = applyCommand(doc, edit.command);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.value;
}
