import { counted } from '../../../core/text/plural';
import { openInReview } from '../../state/review-actions';
import { useAgreement } from '../../state/review-agreement';
import { shorten } from './item-text';
import { Quoted } from './Quoted';

/** The disagreements behind the figure last clicked; each opens its spot in the Differences tab. */
export function DisagreementList({ labelOf }: { labelOf(id: string): string }) {
  const figure = useAgreement((s) => s.figure);
  const list = useAgreement((s) => s.disagreements);
  if (!figure) return <p className="muted agreement-hint">Click any figure to list the disagreements behind it.</p>;
  return (
    <section className="disagreements" aria-label="Disagreements">
      <h3>
        Behind {figure.title}: {list ? counted(list.total, 'disagreement') : '…'}
        {list && list.total > list.items.length && <span className="muted"> (first {list.items.length} shown)</span>}
      </h3>
      {list && list.total === 0 && <p className="muted">None: the layers agree on everything this figure counts.</p>}
      <ol>
        {list?.items.map((d, i) => (
          <li key={`${d.articleId}:${d.start}:${d.label}:${d.side ?? ''}:${d.attribute ?? ''}:${d.layers.join()}:${i}`}>
            <button type="button" className="disagreement" onClick={() => void openInReview(d)} title="Open it in the Differences tab">
              <span className="dis-where">{shorten(d.title, 40)}</span>
              <span className="dis-label">{labelOf(d.label)}</span>
              <span className="dis-who">
                {d.side
                  ? `only ${d.side === 'A' ? d.layers[0] : d.layers[1]}`
                  : d.values
                    ? `${d.attribute}: ${d.layers.map((l, j) => `${l} ${d.values![j] === null ? '—' : String(d.values![j])}`).join(' · ')}`
                    : d.layers.map((l, j) => `${l}: ${d.counts?.[j] ?? 0}`).join(' · ')}
              </span>
              <Quoted className="dis-text" text={shorten(d.text, 90)} />
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
