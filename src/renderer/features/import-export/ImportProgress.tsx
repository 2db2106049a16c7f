import { useProgress } from '../../state/progress';

/**
 * The one progress bar (state/progress.ts): importing many files, exporting, agreement over a
 * big workspace. Counts when they are known ("120 of 500 articles"), activity only while not;
 * Cancel where the work can stop safely. In the window's corner, or inside the modal dialog that
 * started the work (`inDialog`).
 */
export function ImportProgress({ inDialog = false }: { inDialog?: boolean }) {
  const running = useProgress((s) => s.running);
  const cancel = useProgress((s) => s.cancel);
  if (!running || (running.inDialog ?? false) !== inDialog) return null;
  const { title, done, total, unit, cancelled, stopping } = running;
  const name = title.split(' · ')[0]!;
  return (
    <div className={`import-progress${inDialog ? ' in-dialog' : ''}`} role="status" data-testid="progress">
      <span className="import-progress-text">
        {cancelled ? stopping : `${title}:`} {total > 0 ? `${done} of ${total} ${unit}` : cancelled ? '' : '…'}
      </span>
      {total > 0 ? <progress max={total} value={done} aria-label={name} /> : <progress aria-label={name} />}
      <button type="button" className="button small" onClick={cancel} disabled={cancelled}>
        Cancel
      </button>
    </div>
  );
}
