import { useState } from 'react';
import { useMessages, type Message } from '../state/messages';

/** Notices on screen at once; older ones collapse into "N earlier". */
export const VISIBLE_MESSAGES = 3;
/** Details listed before "Show all" (an import report may name hundreds of files). */
const DETAILS_SHOWN = 3;

/**
 * The message area, in the right-hand column's corner so it never covers the article being
 * worked on. Newest last; successes fade, errors stay until dismissed; a long text or report is
 * clamped with "Show all". Notices are not part of a text selection (dragging across one selects
 * nothing in it); "Copy" puts a message with its details on the clipboard.
 */
export function MessageCenter() {
  const messages = useMessages((s) => s.messages);
  const dismissAll = useMessages((s) => s.dismissAll);
  const [showEarlier, setShowEarlier] = useState(false);
  if (!messages.length) return null;
  const earlier = messages.length - VISIBLE_MESSAGES;
  const shown = showEarlier || earlier <= 0 ? messages : messages.slice(-VISIBLE_MESSAGES);
  return (
    <section className={`messages${showEarlier ? ' expanded' : ''}`} aria-live="polite" aria-label="Messages">
      {earlier > 0 && (
        <div className="messages-earlier">
          <button type="button" className="link-button" onClick={() => setShowEarlier(!showEarlier)} aria-expanded={showEarlier}>
            {showEarlier ? 'Show only the latest' : `${earlier} earlier ${earlier === 1 ? 'message' : 'messages'}`}
          </button>
          <button type="button" className="link-button" onClick={dismissAll}>
            Dismiss all
          </button>
        </div>
      )}
      {shown.map((m) => (
        <Notice key={m.id} message={m} />
      ))}
    </section>
  );
}

function Notice({ message: m }: { message: Message }) {
  const { dismiss, hold, release } = useMessages.getState();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const details = m.details ?? [];
  const long = m.text.length > 150 || details.length > DETAILS_SHOWN;
  const copy = () => {
    const text = [m.text, ...details.map((d) => `- ${d}`)].join('\n');
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div
      className={`message ${m.kind}${open ? ' open' : ''}`}
      role={m.kind === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => hold(m.id)}
      onPointerLeave={() => release(m.id)}
      onFocus={() => hold(m.id)}
      onBlur={() => release(m.id)}
    >
      <div className="message-text">
        {m.text}
        {m.repeats > 1 && (
          <span className="message-repeats" title={`Shown ${m.repeats} times`}>
            {' '}
            ×{m.repeats}
          </span>
        )}
      </div>
      {details.length > 0 && (
        <ul className="message-details">
          {(open ? details : details.slice(0, DETAILS_SHOWN)).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      <div className="message-actions">
        {long && (
          <button type="button" className="link-button" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Show less' : details.length > DETAILS_SHOWN ? `Show all ${details.length}` : 'Show all'}
          </button>
        )}
        {(m.kind === 'error' || m.kind === 'warning') && (
          <button type="button" className="link-button" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        )}
      </div>
      <button type="button" className="message-close" aria-label="Dismiss" onClick={() => dismiss(m.id)}>
        ×
      </button>
    </div>
  );
}
