import { useConnection } from '../../state/connection';
import { redoLabel, undoLabel, useHistory } from '../../state/editor-history';
import { redoCommand, undoCommand } from '../../commands/editor-commands';
import { keyHint } from '../../commands/key-hint';

/** Undo/redo buttons and the save state: every edit is saved at once, and this says so. */
export function SaveStatus() {
  const { history, save, savedAt, error } = useHistory();
  const reachable = useConnection((s) => s.reachable);
  const text =
    save === 'saving'
      ? reachable
        ? 'Saving…'
        : 'Waiting for Lede’s host…'
      : save === 'error'
        ? 'Not saved'
        : savedAt
          ? `Saved ${new Date(savedAt).toLocaleTimeString()}`
          : 'All changes saved';
  return (
    <div className="save-area">
      <button
        type="button"
        className="button icon"
        onClick={undoCommand}
        disabled={history.done.length === 0}
        title={`${undoLabel(history)}${keyHint('Mod+Z')}`}
        aria-label="Undo"
      >
        ↶
      </button>
      <button
        type="button"
        className="button icon"
        onClick={redoCommand}
        disabled={history.undone.length === 0}
        title={`${redoLabel(history)}${keyHint('Mod+Shift+Z')}`}
        aria-label="Redo"
      >
        ↷
      </button>
      <span className={`save-status ${save}`} role="status" aria-live="polite" data-save-state={save} title={error ?? undefined}>
        {text}
      </span>
    </div>
  );
}
