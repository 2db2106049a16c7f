import type { Annotation, Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import type { ComparisonItem, LayerComparison, SpanItem } from '../agreement/compare';
import { rejectedCopyId, rejectedLayerName, rejectedRelationIds, reviewedCombinedId, reviewedCopyId, reviewedEditId, reviewedRelationId } from './ids';

/**
 * How far the review of one item has got, read from the document alone (see ids.ts). A link
 * difference is `moot` once one of its ends was rejected: there is nothing left to link.
 */
export type ItemStatus = 'open' | 'acceptedA' | 'acceptedB' | 'acceptedBoth' | 'edited' | 'rejected' | 'moot';

/** The reviewed and rejected layers of one document, indexed by id. */
export class ReviewState {
  readonly reviewed: string;
  readonly rejected: string;
  private readonly annotations: Map<string, Annotation>;
  private readonly relations: Map<string, Relation>;

  constructor(
    readonly doc: ArticleDoc,
    reviewed: string,
  ) {
    this.reviewed = reviewed;
    this.rejected = rejectedLayerName(reviewed);
    this.annotations = new Map(doc.annotations.filter((a) => a.author === reviewed || a.author === this.rejected).map((a) => [a.id, a]));
    this.relations = new Map(doc.relations.filter((r) => r.author === reviewed || r.author === this.rejected).map((r) => [r.id, r]));
  }

  annotation(id: string): Annotation | undefined {
    return this.annotations.get(id);
  }

  relation(id: string): Relation | undefined {
    return this.relations.get(id);
  }

  /** The reviewed annotations answering a span item, by how they got there. */
  spanAnswers(item: SpanItem): { a?: Annotation; b?: Annotation; edit?: Annotation; combined?: Annotation; rejected: Annotation[] } {
    const at = (id: string, layer: string) => {
      const found = this.annotations.get(id);
      return found && found.author === layer ? found : undefined;
    };
    const a = item.a ? at(reviewedCopyId(this.reviewed, item.a.id), this.reviewed) : undefined;
    const b = item.b ? at(reviewedCopyId(this.reviewed, item.b.id), this.reviewed) : undefined;
    const edit = at(reviewedEditId(this.reviewed, item.id), this.reviewed);
    const combined = at(reviewedCombinedId(this.reviewed, item.id), this.reviewed);
    const rejected = [item.a, item.b]
      .filter((x): x is Annotation => x !== null)
      .map((x) => at(rejectedCopyId(this.reviewed, x.id), this.rejected))
      .filter((x): x is Annotation => x !== undefined);
    return { ...(a ? { a } : {}), ...(b ? { b } : {}), ...(edit ? { edit } : {}), ...(combined ? { combined } : {}), rejected };
  }

  spanStatus(item: SpanItem): ItemStatus {
    const answers = this.spanAnswers(item);
    if (answers.edit) return 'edited';
    if ((answers.a && answers.b) || answers.combined) return 'acceptedBoth';
    if (answers.a) return 'acceptedA';
    if (answers.b) return 'acceptedB';
    return answers.rejected.length > 0 ? 'rejected' : 'open';
  }

  /**
   * The reviewed annotation standing for a source annotation of a span item: its own copy, else
   * the reviewer's edit or combination of the item, else the other side's copy (a pair settled
   * the other way).
   */
  counterpart(item: SpanItem, sourceId: string): Annotation | undefined {
    const answers = this.spanAnswers(item);
    const own = item.a?.id === sourceId ? answers.a : answers.b;
    return own ?? answers.edit ?? answers.combined ?? answers.a ?? answers.b;
  }
}

/** Span items by id, for following a link difference to its ends. */
export function spanItemsById(comparison: LayerComparison): Map<string, SpanItem> {
  return new Map(comparison.items.filter((i): i is SpanItem => i.kind === 'span').map((i) => [i.id, i]));
}

export function itemStatus(state: ReviewState, spans: ReadonlyMap<string, SpanItem>, item: ComparisonItem): ItemStatus {
  if (item.kind === 'span') return state.spanStatus(item);
  if (state.relation(reviewedRelationId(state.reviewed, item.relation.id))) return item.class === 'onlyA' ? 'acceptedA' : 'acceptedB';
  if (state.relation(rejectedRelationIds(state.reviewed, item.relation.id).relation)) return 'rejected';
  const ends = [spans.get(item.fromItem), spans.get(item.toItem)];
  return ends.some((end) => end && state.spanStatus(end) === 'rejected') ? 'moot' : 'open';
}
