import { useEffect, useState } from 'react';

/** A text field that commits on Enter or on leaving it, and shows the stored value again after. */
export function NameInput({ label, value, onCommit }: { label: string; value: string; onCommit(v: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() && text.trim() !== value) onCommit(text);
    else setText(value);
  };
  return (
    <input
      aria-label={label}
      value={text}
      maxLength={200}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
