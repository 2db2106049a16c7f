import { sameFragments, type Annotation, type AttributeValue, type Fragment } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { formerPlace, reanchorAll, type ReanchorState } from '../text/reanchor';
import { diffTexts } from '../text/reanchor/text-diff';
import { selectorsFor } from '../text/selectors';
import { fail, type Result } from '../model/result';
import { patchAnnotation } from './builders';
import type { DocCommand } from './commands';

/**
 * Replacing an article's text with a newer version and re-anchoring every annotation of every
 * layer (src/core/text/reanchor). The article keeps its id; the old text goes into its history.
 *
 * How the results are stored, so every stored file stays valid (DESIGN.md: offsets must fit the
 * text, relations must name existing annotations):
 * - placed and moved annotations take their new fragments and fresh selectors;
 * - needs-review annotations take the approximate fragments and fresh selectors, and the marker
 *   attribute `reanchored: "needs review"`;
 * - orphans stay annotations, so their note, attributes, entity link and relations survive: they
 *   sit on a one-range placeholder where their text used to be (formerPlace), keep their OLD
 *   quote/prefix/suffix (what they annotated, for the analyst and for a later re-anchoring),
 *   and carry `reanchored: "orphaned"`. A separate orphan list would leave relations pointing at
 *   nothing, which the store refuses.
 * The analyst clears the marker (deletes the attribute) once an annotation is checked.
 */
export const REANCHOR_MARKER = 'reanchored';

export interface ReanchoredAnnotation {
  id: string;
  author: string;
  label: string;
  state: ReanchorState;
  /** The fragments stored now (for an orphan: its placeholder). */
  fragments: Fragment[];
}

export interface TextUpdate {
  doc: ArticleDoc;
  annotations: ReanchoredAnnotation[];
}

export function updateArticleText(doc: ArticleDoc, next: { text: string; hash: string; now: string }): TextUpdate {
  const oldText = doc.article.text;
  const diff = diffTexts(oldText, next.text);
  const results = reanchorAll(oldText, next.text, doc.annotations);
  const report: ReanchoredAnnotation[] = [];
  const annotations = doc.annotations.map((a, i): Annotation => {
    const r = results[i]!;
    const { [REANCHOR_MARKER]: _earlier, ...attributes } = a.attributes;
    let updated: Annotation;
    if (r.state === 'orphaned') {
      updated = { ...a, fragments: formerPlace(oldText, next.text, a.fragments, diff), attributes: { ...attributes, [REANCHOR_MARKER]: 'orphaned' } };
    } else {
      const marker: Record<string, AttributeValue> = r.state === 'needs-review' ? { [REANCHOR_MARKER]: 'needs review' } : {};
      updated = { ...a, fragments: r.fragments!, ...selectorsFor(next.text, r.fragments!), attributes: { ...attributes, ...marker } };
    }
    if (r.state !== 'placed' || !sameFragments(updated.fragments, a.fragments)) updated.modified = next.now;
    report.push({ id: a.id, author: a.author, label: a.label, state: r.state, fragments: updated.fragments });
    return updated;
  });
  const { article } = doc;
  const history = [...(article.history ?? []), { hash: article.hash, text: article.text, replacedAt: next.now }];
  return { doc: { article: { ...article, text: next.text, hash: next.hash, history }, annotations, relations: doc.relations }, annotations: report };
}

/**
 * Re-attaching an annotation the update could not place (needs review, orphaned) to text the
 * analyst selected in the new version: one undoable update of its fragments (selectors
 * recomputed from the new text) that also drops the `reanchored` marker. Its note, attributes,
 * entity link and relations stay as they are.
 */
export function reattachAnnotation(doc: ArticleDoc, id: string, range: Fragment, now: string): Result<DocCommand> {
  const current = doc.annotations.find((a) => a.id === id);
  if (!current) return fail({ message: 'That annotation is no longer in the article.', annotation: id });
  if (range.end <= range.start) return fail({ message: 'Select the text to attach it to first.', annotation: id });
  const { [REANCHOR_MARKER]: _marker, ...attributes } = current.attributes;
  return patchAnnotation(doc, id, { fragments: [range], attributes }, now);
}
