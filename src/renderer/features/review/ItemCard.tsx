import type { ComparisonItem, SpanItem } from '../../../core/agreement/compare';
import type { Annotation, Relation } from '../../../core/model/annotation';
import type { Decision } from '../../../core/review/decide';
import { ReviewState } from '../../../core/review/status';
import { decideItem, type ReviewModel } from '../../state/review-actions';
import { useReview } from '../../state/review-store';
import { counted } from '../../../core/text/plural';
import { useWorkspace } from '../../state/workspace-store';
import { decisionProblem, reopenProblem } from '../../../core/review/rules';
import { ConfirmAccept } from './ConfirmAccept';
import { EditForm } from './EditForm';
import { classText, labelColor, labelName, quoteOf, relationName, STATUS_TEXT } from './item-text';
import { Quoted } from './Quoted';

/** What the card says before an item is in focus: the next step, which is not N when nothing differs. */
export function emptyHint({ progress }: ReviewModel): string {
  if (progress.differences.open > 0) return 'Press N for the first open difference, or J / K to step through them.';
  const agreed = progress.agreed.open;
  const settled = progress.differences.settled > 0 ? 'Every difference in this article is settled. ' : 'The two layers do not differ in this article. ';
  if (agreed > 0) return `${settled}Accept all agreed (Shift+A) takes the ${counted(agreed, 'item')} both layers agree on into the reviewed layer.`;
  return `${settled}Nothing is left to review here.`;
}

/**
 * The item in focus, side by side: what A has, what B has (differing fields marked), what the
 * reviewed layer holds, and the decisions with their keys.
 */
export function ItemCard({ model }: { model: ReviewModel }) {
  const currentId = useReview((s) => s.currentItemId);
  const editing = useReview((s) => s.editing);
  const setEditing = useReview((s) => s.setEditing);
  const reviewed = useReview((s) => s.reviewed);
  const review = { notice: useReview((s) => s.notice), pending: useReview((s) => s.pending) };
  const entry = model.progress.items.find((x) => x.item.id === currentId);
  if (!entry) {
    return (
      <aside className="review-card empty" aria-label="Difference in focus">
        <p className="muted">{emptyHint(model)}</p>
      </aside>
    );
  }
  const { item, status } = entry;
  const text = model.doc.article.text;
  const answers = item.kind === 'span' ? new ReviewState(model.doc, reviewed).spanAnswers(item) : null;
  const editStart = item.kind === 'span' ? (answers?.edit ?? item.a ?? item.b)! : null;
  const why = (d: Decision['kind']) => decisionProblem(item, d) ?? (d === 'reopen' ? reopenProblem(status) : null);
  const notice = review.notice?.itemId === item.id ? review.notice : null;
  const pending = review.pending?.itemId === item.id && item.kind === 'span' ? review.pending : null;
  return (
    <aside className="review-card" aria-label="Difference in focus" data-class={item.kind === 'span' ? item.class : 'relation'}>
      <header>
        <strong className="card-class">{classText(item)}</strong>
        <span className="card-status" data-status={status} data-testid="item-status">
          {STATUS_TEXT[status]}
        </span>
      </header>
      <div className="review-sides">
        <Side title={`A · ${model.comparison.layerA}`} side="a" item={item} text={text} />
        <Side title={`B · ${model.comparison.layerB}`} side="b" item={item} text={text} />
      </div>
      {notice && (
        <div className="review-notice" role="alert" data-testid="item-notice">
          <p>{notice.text}</p>
          {notice.offer && (
            <button type="button" className="button small" onClick={() => decideItem(notice.offer!)}>
              {notice.offer.kind === 'acceptA' ? 'Accept A' : 'Accept B'} with its ends <kbd>{notice.offer.kind === 'acceptA' ? 'A' : 'B'}</kbd>
            </button>
          )}
        </div>
      )}
      {editing && item.kind === 'span' && editStart ? (
        <EditForm key={item.id} item={item} start={editStart} text={text} />
      ) : pending && item.kind === 'span' ? (
        <ConfirmAccept key={`${item.id}:${pending.kind}`} item={item} pending={pending} />
      ) : (
        <div className="review-actions" role="group" aria-label="Decision">
          <Action label="Accept A" keyName="A" why={why('acceptA')} onClick={() => decideItem({ kind: 'acceptA' })} />
          <Action label="Accept B" keyName="B" why={why('acceptB')} onClick={() => decideItem({ kind: 'acceptB' })} />
          <Action
            label={item.kind === 'span' && item.class === 'agreed' ? 'Combine' : 'Accept both'}
            keyName="C"
            why={why('acceptBoth')}
            onClick={() => decideItem({ kind: 'acceptBoth' })}
          />
          <Action label="Reject" keyName="R" why={why('reject')} onClick={() => decideItem({ kind: 'reject' })} />
          <Action label="Edit" keyName="E" why={why('edit')} onClick={() => setEditing(true)} />
          <Action label="Reopen" keyName="O" why={why('reopen')} onClick={() => decideItem({ kind: 'reopen' }, undefined, false)} />
        </div>
      )}
    </aside>
  );
}

/** A decision that cannot apply stays visible, greyed, with the reason as its tooltip (the key says it beside the item). */
function Action({ label, keyName, why, onClick }: { label: string; keyName: string; why: string | null; onClick(): void }) {
  return (
    <button type="button" className="button" disabled={why !== null} onClick={onClick} aria-keyshortcuts={keyName} title={why ?? `${label} (${keyName})`}>
      {label} <kbd>{keyName}</kbd>
    </button>
  );
}

function Side({ title, side, item, text }: { title: string; side: 'a' | 'b'; item: ComparisonItem; text: string }) {
  const schema = useWorkspace((s) => s.info?.labelSchema);
  if (item.kind === 'relation') {
    const mine = (side === 'a') === (item.class === 'onlyA');
    return (
      <section className="review-side" data-side={side}>
        <h3>{title}</h3>
        {mine ? <RelationView relation={item.relation} text={text} /> : <p className="muted">no such link</p>}
      </section>
    );
  }
  const a = side === 'a' ? item.a : item.b;
  const other = side === 'a' ? item.b : item.a;
  return (
    <section className="review-side" data-side={side}>
      <h3>{title}</h3>
      {a ? (
        <AnnotationView a={a} other={other} item={item} text={text} labelOf={(id) => labelName(schema, id)} colorOf={(id) => labelColor(schema, id)} />
      ) : (
        <p className="muted">nothing here</p>
      )}
    </section>
  );
}

function AnnotationView({
  a,
  other,
  item,
  text,
  labelOf,
  colorOf,
}: {
  a: Annotation;
  other: Annotation | null;
  item: SpanItem;
  text: string;
  labelOf(id: string): string;
  colorOf(id: string): string;
}) {
  const differs = (field: boolean) => (other && field ? 'differs' : undefined);
  const spanText = a.fragments.map((f) => `${f.start}–${f.end}`).join(', ');
  const otherSpan = other?.fragments.map((f) => `${f.start}–${f.end}`).join(', ');
  return (
    <dl className="review-annotation">
      <dt>Label</dt>
      <dd className={differs(other !== null && other.label !== a.label)}>
        <span className="label-chip" style={{ background: colorOf(a.label) }} aria-hidden="true" /> {labelOf(a.label)}
      </dd>
      <dt>Text</dt>
      <dd className={differs(otherSpan !== undefined && otherSpan !== spanText)}>
        <Quoted text={quoteOf(text, a)} /> <span className="muted offsets">({spanText})</span>
      </dd>
      {(a.note || item.noteDiffers) && (
        <>
          <dt>Note</dt>
          <dd className={differs(item.noteDiffers)}>{a.note || <span className="muted">none</span>}</dd>
        </>
      )}
      {Object.keys(a.attributes).length + item.attributesDiffer.length > 0 && (
        <>
          <dt>Attributes</dt>
          <dd>
            {[...new Set([...Object.keys(a.attributes), ...item.attributesDiffer])].sort().map((k) => (
              <span key={k} className={`attribute ${item.attributesDiffer.includes(k) ? 'differs' : ''}`}>
                {k}: {a.attributes[k] === undefined ? '—' : String(a.attributes[k])}
              </span>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

function RelationView({ relation, text }: { relation: Relation; text: string }) {
  const doc = useWorkspace((s) => s.doc);
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const end = (id: string) => {
    const x = doc?.annotations.find((a) => a.id === id);
    return x ? quoteOf(text, x) : id;
  };
  return (
    <p className="review-relation">
      <Quoted text={end(relation.from)} /> <strong>{relationName(schema, relation.type)}</strong> → <Quoted text={end(relation.to)} />
    </p>
  );
}
