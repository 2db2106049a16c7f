import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, type LabelSchema } from '../../../core/model/label-schema';
import { fragmentsText } from '../../../core/model/annotation';
import { spansAt } from '../../../core/text/span-layout';
import { addSelectionAsFragment, relabel, tagSelection } from '../../state/editor-actions';
import { selectedRange, useEditor } from '../../state/editor-store';
import { visibleAnnotations } from '../../state/editor-visible';
import { placeAt } from './geometry';
import type { TextDom } from './text-dom';

/**
 * The small popup next to the selected text: one button per label (with its key), and — when an
 * annotation is selected — "add as fragment" to extend it. With purpose 'relabel' it changes the
 * label of the selected annotation instead.
 */
export function LabelPopup({ dom, body, doc, schema }: { dom: TextDom; body: HTMLElement; doc: ArticleDoc; schema: LabelSchema }) {
  const popup = useEditor((s) => s.popup);
  const selection = useEditor((s) => s.selection);
  const selectedId = useEditor((s) => s.selectedId);
  const range = selectedRange(selection);
  const selected = selectedId ? doc.annotations.find((a) => a.id === selectedId) : undefined;
  const relabelling = popup.kind === 'labels' && popup.purpose === 'relabel' && selected;
  const tagging = !relabelling && range && (popup.kind === 'labels' || popup.kind === 'none');
  if (!relabelling && !tagging) return null;
  const at = relabelling ? selected.fragments[selected.fragments.length - 1]!.end : range!.end;
  const style = placeAt(dom, body, at);
  if (!style) return null;
  const title = relabelling ? `Change the label of “${short(fragmentsText(doc.article.text, selected.fragments))}”` : 'Tag the selection';
  return (
    <div className="popup label-popup" style={style} role="toolbar" aria-label={title} onMouseDown={(e) => e.preventDefault()}>
      <span className="popup-title">{relabelling ? 'Label:' : 'Tag as'}</span>
      {schema.labels.map((l) => (
        <button
          key={l.id}
          type="button"
          className={`label-button${relabelling && selected.label === l.id ? ' current' : ''}`}
          onClick={() => (relabelling ? relabel(selected.id, l.id) : tagSelection(l.id))}
          title={l.key ? `${l.name} (key ${l.key})` : l.name}
        >
          <span className="swatch" style={{ background: l.color }} />
          {l.name}
          {l.key && <kbd>{l.key}</kbd>}
        </button>
      ))}
      {tagging && selected && (
        <button
          type="button"
          className="label-button fragment-button"
          onClick={() => addSelectionAsFragment()}
          title="Add the selected text to the selected annotation (F)"
        >
          + fragment of {findLabel(schema, selected.label)?.name ?? selected.label} <kbd>F</kbd>
        </button>
      )}
    </div>
  );
}

/** Several spans under a click: list them (innermost first) so any can be chosen. */
export function SpanChooser({ dom, body, doc, schema }: { dom: TextDom; body: HTMLElement; doc: ArticleDoc; schema: LabelSchema }) {
  const popup = useEditor((s) => s.popup);
  const selectedId = useEditor((s) => s.selectedId);
  const filters = useEditor((s) => s.filters);
  const select = useEditor((s) => s.select);
  if (popup.kind !== 'spans') return null;
  const here = spansAt(visibleAnnotations(doc.annotations, filters), popup.offset);
  const style = placeAt(dom, body, popup.offset);
  if (here.length < 2 || !style) return null;
  return (
    <div className="popup span-chooser" style={style} role="menu" aria-label="Spans here" onMouseDown={(e) => e.preventDefault()}>
      <span className="popup-title">Spans here (click again or Enter to cycle):</span>
      {here.map((a, i) => {
        const label = findLabel(schema, a.label);
        // Two layers' copies of one span read the same: the author tells them apart.
        const twin = here.some((b, j) => j !== i && b.label === a.label && sameFragments(a.fragments, b.fragments));
        return (
          <button
            key={a.id}
            type="button"
            role="menuitemradio"
            aria-checked={a.id === selectedId}
            className={`span-choice${a.id === selectedId ? ' current' : ''}`}
            onClick={() => select(a.id)}
          >
            <span className="swatch" style={{ background: label?.color ?? '#888' }} />
            <b>{label?.name ?? a.label}</b> {short(fragmentsText(doc.article.text, a.fragments))}
            {twin && <span className="muted"> · {a.author}</span>}
          </button>
        );
      })}
    </div>
  );
}

function short(text: string, max = 48): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function sameFragments(a: readonly { start: number; end: number }[], b: readonly { start: number; end: number }[]): boolean {
  return a.length === b.length && a.every((f, i) => f.start === b[i]!.start && f.end === b[i]!.end);
}
