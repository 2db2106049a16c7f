import { useImportProgress } from './import-progress';

/** A bar with counts while many article files are imported, and Cancel (stops before the next batch). */
export function ImportProgress() {
  const running = useImportProgress((s) => s.running);
  const cancel = useImportProgress((s) => s.cancel);
  if (!running) return null;
  const { done, total, cancelled } = running;
  return (
    <div className="import-progress" role="status">
      <span className="import-progress-text">
        {cancelled ? 'Stopping after this batch…' : 'Importing articles:'} {done} of {total} files
      </span>
      <progress max={total} value={done} aria-label="Importing articles" />
      <button type="button" className="button small" onClick={cancel} disabled={cancelled}>
        Cancel
      </button>
    </div>
  );
}
