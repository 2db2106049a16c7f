import { useEffect, useRef, useState } from 'react';
import type { AnnotationImportReport, AnnotationImportResult } from '../../../core/api/exchange';
import { formatProblem } from '../../../core/model/result';
import { importAnnotations, showImportedAnnotations } from '../../state/exchange-actions';
import { showError } from '../../state/messages';
import { useWorkspace } from '../../state/workspace-store';
import { Modal } from '../../ui/Modal';
import {
  ANNOTATION_FILE_TYPES,
  MAX_ANNOTATION_FILE_BYTES,
  chosenProjectFolders,
  defaultLayerName,
  readAnnotationPayloads,
  relativePath,
} from './exchange-files';
import { ActorPlan, plannedDecisions } from './ActorPlan';
import { ImportReport } from './ImportReport';
import { LabelMapping, NEW_LABEL } from './LabelMapping';
import { ReportList } from './ReportList';

/** `webkitdirectory` is not in React's typings; every browser Lede runs in (Chromium) supports it. */
const folderPicker = { webkitdirectory: '', directory: '' } as Record<string, string>;

/**
 * File → Import annotations…: a colleague's set (Lede JSON, W3C, JSONL, brat files, a brat folder
 * or a project folder <annotator>/<doc>.{txt,ann}, or a zip of any of these — the app's own
 * exports) becomes a named layer. Import first previews: where their labels match none of ours
 * by name, a mapping step asks where each goes, and where the set brings actors, a plan says what
 * each becomes in the registry (and lets a name match become a new actor) — before anything is
 * stored; closing the dialog then imports nothing. All or nothing: on any
 * problem the dialog lists them, located, and the workspace is unchanged. `initial`: files
 * dropped on the window.
 */
export function ImportAnnotationsDialog({ onClose, initial = [] }: { onClose(): void; initial?: readonly File[] }) {
  const [files, setFiles] = useState<File[]>([...initial]);
  const [layer, setLayer] = useState(() => defaultLayerName(initial));
  // The preview the analyst is deciding on (labels to map, actors to confirm); null before it.
  const [plan, setPlan] = useState<AnnotationImportReport | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [actorChoice, setActorChoice] = useState<Record<string, string>>({});
  const schema = useWorkspace((s) => s.info?.labelSchema);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AnnotationImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const folders = useProjectFolders(files, () => setLayer(''));
  // After an import that landed, Done is the next step: it becomes the main button and takes the
  // focus (Enter closes), so a second Enter does not import the same set again.
  const doneButton = useRef<HTMLButtonElement>(null);
  const imported = result?.ok === true;
  useEffect(() => {
    if (imported) doneButton.current?.focus();
  }, [imported, result]);

  const choose = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (chosen.length === 0) return;
    setFiles(chosen);
    setLayer(defaultLayerName(chosen));
    setResult(null);
    setPlan(null);
    setChoice({});
    setActorChoice({});
  };

  const run = async () => {
    const tooBig = files.filter((f) => f.size > MAX_ANNOTATION_FILE_BYTES);
    if (tooBig.length > 0) {
      setResult({
        ok: false,
        errors: tooBig.map((f) => ({
          file: relativePath(f),
          message: `the file is ${(f.size / 1048576).toFixed(1)} MB, over the 50 MB import limit; refused`,
        })),
        notes: [],
      });
      return;
    }
    setBusy(true);
    try {
      const name = layer.trim();
      const map = Object.fromEntries(Object.entries(choice).filter(([, ours]) => ours !== NEW_LABEL));
      const actors = plan?.actors?.length ? { actors: actorChoice } : {};
      const request = {
        files: await readAnnotationPayloads(files),
        ...(folders.length === 0 && name ? { as: name } : {}),
        ...(replace ? { replace: true } : {}),
        ...(Object.keys(map).length > 0 ? { map } : {}),
        ...actors,
      };
      // Before the plan step the import stops short of storing when a label of theirs would be new
      // or the set brings actors, so the analyst decides where they go; otherwise it lands in this
      // one call. With the plan, their actors land exactly as the analyst confirmed (`actors`).
      const outcome = await importAnnotations(plan === null ? { ...request, preview: 'review' } : request);
      if (outcome.ok && outcome.report.preview) {
        setResult(null);
        setPlan(outcome.report);
        setActorChoice(plannedDecisions(outcome.report.actors ?? []));
        return;
      }
      setResult(outcome);
      if (outcome.ok) setPlan(null);
      if (outcome.ok) await showImportedAnnotations(outcome.report);
    } catch (error) {
      showError('Import failed', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Import annotations" onClose={onClose} className="exchange-dialog">
      <form className="exchange-form" onSubmit={(e) => (e.preventDefault(), void run())}>
        <p className="exchange-hint">
          Lede JSON, W3C Web Annotation (.jsonld), JSONL, or brat: .ann files with their .txt, a brat folder, or a project folder with one subfolder per
          annotator — or a .zip of any of these, such as Lede's own export. You can also drop them on the window.
        </p>
        <div className="exchange-actions">
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Choose files…
          </button>
          <button type="button" className="button" onClick={() => folderInput.current?.click()}>
            Choose a folder…
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ANNOTATION_FILE_TYPES}
          hidden
          data-testid="import-annotations-files"
          onChange={(e) => (choose(e.target.files), (e.target.value = ''))}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="import-annotations-folder"
          {...folderPicker}
          onChange={(e) => (choose(e.target.files), (e.target.value = ''))}
        />
        {files.length > 0 && (
          <p className="exchange-chosen" aria-label="Chosen files">
            {files.length} file{files.length === 1 ? '' : 's'}: {files.slice(0, 6).map(relativePath).join(', ')}
            {files.length > 6 ? ', …' : ''}
          </p>
        )}
        {folders.length > 0 ? (
          <p className="exchange-hint">A brat project: each annotator folder becomes a layer ({folders.join(', ')}).</p>
        ) : (
          <label className="exchange-row">
            Import as layer (annotator)
            <input
              value={layer}
              maxLength={200}
              onChange={(e) => setLayer(e.target.value)}
              aria-label="Layer name"
              placeholder="e.g. colleague (empty: a Lede JSON file keeps its own layers)"
            />
          </label>
        )}
        <label className="exchange-row checkbox">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> Replace the layer where an article already has it
        </label>
        {plan && schema && (plan.labels ?? []).some((l) => l.how === 'new') && (
          <LabelMapping labels={plan.labels ?? []} schema={schema} choice={choice} onChoose={(theirs, ours) => setChoice({ ...choice, [theirs]: ours })} />
        )}
        {plan?.actors?.length ? (
          <ActorPlan actors={plan.actors} decisions={actorChoice} onDecide={(theirs, ours) => setActorChoice({ ...actorChoice, [theirs]: ours })} />
        ) : null}
        <div className="exchange-actions">
          <button type="submit" className={imported ? 'button' : 'button primary'} disabled={busy || files.length === 0}>
            {busy ? 'Importing…' : plan?.actors?.length ? 'Import with these choices' : plan ? 'Import with these labels' : 'Import'}
          </button>
          <button ref={doneButton} type="button" className={imported ? 'button primary' : 'button'} onClick={onClose}>
            {imported ? 'Done' : 'Cancel'}
          </button>
        </div>
      </form>
      {result &&
        (result.ok ? <ImportReport report={result.report} schema={schema} /> : <FailedImport errors={result.errors.map(formatProblem)} notes={result.notes} />)}
    </Modal>
  );
}

function FailedImport({ errors, notes }: { errors: string[]; notes: string[] }) {
  return (
    <section className="exchange-report failed" aria-label="Import problems" role="alert">
      <p>Nothing was imported: the workspace is unchanged. Fix these and import again.</p>
      <ReportList title="Problems" items={errors} kind="error" />
      <ReportList title="Notes" items={notes} />
    </section>
  );
}

/**
 * The annotator folders of the chosen brat project (a folder or a zip of one): their names are the
 * layers, so the layer name is cleared (`onProject`) — a name prefilled from the zip's file name
 * would otherwise be refused by the importer as contradicting the folders.
 */
function useProjectFolders(files: readonly File[], onProject: () => void): string[] {
  const [folders, setFolders] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    void chosenProjectFolders(files).then((found) => {
      if (!current) return;
      setFolders(found);
      if (found.length > 0) onProject();
    });
    return () => {
      current = false;
    };
    // onProject is a fresh closure on every render; the folders depend only on the files.
  }, [files]);
  return folders;
}
