import { useEffect, useMemo, useRef, useState } from 'react';
import { byDistance, linkChoices } from '../../../core/model/links';
import { fragmentsText } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, type LabelSchema } from '../../../core/model/label-schema';
import { contextAround, paragraphNumber, sharedNames } from '../../../core/text/context';
import { link } from '../../state/editor-actions';
import { useEditor } from '../../state/editor-store';
import { focusText } from '../../state/editor-view';
import { placeAt } from './geometry';
import type { TextDom } from './text-dom';

/**
 * Links the selected annotation: lists what it can be linked to (a quote's possible speakers,
 * nearest first), filtered by typing; ↑/↓ and Enter or a click choose. Clicking the span in the
 * text works too while this is open. Candidates that read the same ("Putin" twice) show where
 * they are: the paragraph number and the words around them.
 */
export function LinkPicker({ dom, body, doc, schema }: { dom: TextDom; body: HTMLElement; doc: ArticleDoc; schema: LabelSchema }) {
  const popup = useEditor((s) => s.popup);
  const selectedId = useEditor((s) => s.selectedId);
  const closePopup = useEditor((s) => s.closePopup);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const open = popup.kind === 'link' && selectedId !== null;
  const selected = selectedId ? doc.annotations.find((a) => a.id === selectedId) : undefined;

  const options = useMemo(() => {
    if (!open || !selected) return [];
    const needle = filter.trim().toLowerCase();
    return linkChoices(schema, doc, selected.id).flatMap((choice) =>
      byDistance(choice.candidates, selected)
        .filter((a) => !needle || fragmentsText(doc.article.text, a.fragments).toLowerCase().includes(needle))
        .map((a) => ({ choice, annotation: a, text: fragmentsText(doc.article.text, a.fragments) })),
    );
  }, [open, selected, schema, doc, filter]);
  const shared = useMemo(() => sharedNames(options.map((o) => o.text)), [options]);

  useEffect(() => {
    if (!open) return;
    setFilter('');
    setActive(0);
    input.current?.focus();
  }, [open, selectedId]);

  if (!open || !selected) return null;
  const label = findLabel(schema, selected.label);
  const close = () => {
    closePopup();
    focusText();
  };
  const choose = (i: number) => {
    const o = options[i];
    if (o && link(selected.id, o.choice.type.id, o.choice.direction, o.annotation.id)) focusText();
  };
  const noneAtAll = linkChoices(schema, doc, selected.id).length === 0;
  const style = placeAt(dom, body, selected.fragments[selected.fragments.length - 1]!.end, 360) ?? { left: 0, top: 0 };
  return (
    <div className="popup link-picker" style={style} role="dialog" aria-label={`Link this ${label?.name ?? selected.label}`}>
      <div className="link-picker-head">
        <b>Link this {label?.name ?? selected.label}</b> <span className="muted">— or click a span in the text</span>
      </div>
      <input
        ref={input}
        className="link-filter"
        placeholder="Type to filter…"
        aria-label="Filter link targets"
        aria-controls="link-options"
        aria-activedescendant={options[active] ? `link-option-${active}` : undefined}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(options.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') choose(active);
          else if (e.key === 'Escape') close();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <ul id="link-options" role="listbox" className="link-options">
        {options.map((o, i) => {
          const otherLabel = findLabel(schema, o.annotation.label);
          const relation = o.choice.direction === 'out' ? `${o.choice.type.name} →` : `← ${o.choice.type.name} of`;
          return (
            <li
              key={`${o.choice.type.id}-${o.choice.direction}-${o.annotation.id}`}
              id={`link-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              <span className="link-type">{relation}</span>
              <span className="swatch" style={{ background: otherLabel?.color ?? '#888' }} />
              <span className="link-text">{o.text}</span>
              {shared.has(i) && (
                <CandidateContext dom={dom} text={doc.article.text} start={o.annotation.fragments[0]!.start} end={o.annotation.fragments[0]!.end} />
              )}
            </li>
          );
        })}
      </ul>
      {options.length === 0 && (
        <p className="muted">
          {noneAtAll
            ? 'The label schema has no link type for this label.'
            : filter
              ? 'Nothing matches.'
              : 'Nothing to link to yet: tag an actor first (key 3 by default).'}
        </p>
      )}
      <button type="button" className="button small" onClick={close}>
        Close <kbd>Esc</kbd>
      </button>
    </div>
  );
}

/** Where a candidate is, for telling apart two that read the same: "¶3 · …in Moscow, [Putin] said…". */
function CandidateContext({ dom, text, start, end }: { dom: TextDom; text: string; start: number; end: number }) {
  const { before, after } = contextAround(text, start, end, 32);
  return (
    <span className="link-context" data-testid="link-context">
      <span className="link-paragraph">¶{paragraphNumber(dom.paragraphs, start)}</span> {before}
      <mark>{text.slice(start, end)}</mark>
      {after}
    </span>
  );
}
