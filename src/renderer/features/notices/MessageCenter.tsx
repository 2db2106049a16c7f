import { useMessages } from '../../state/messages';

/** Errors and reports, newest last; errors stay until dismissed, and list their details. */
export function MessageCenter() {
  const messages = useMessages((s) => s.messages);
  const dismiss = useMessages((s) => s.dismiss);
  if (!messages.length) return null;
  return (
    <section className="messages" aria-live="polite" aria-label="Messages">
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
          <div className="message-text">{m.text}</div>
          {m.details && (
            <ul className="message-details">
              {m.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" className="message-close" aria-label="Dismiss" onClick={() => dismiss(m.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
