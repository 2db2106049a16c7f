import type { LabelDef } from '../../../core/model/label-schema';
import { REVIEW_KEYS, SHORTCUTS, type Section } from '../../commands/shortcuts';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';
import { Modal } from '../../ui/Modal';
import { labelKeys, labelKeysText } from '../../commands/label-keys';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** Every shortcut, from the one list in shortcuts.ts, grouped by what it is for. */
export function HelpOverlay() {
  const panel = usePanels((s) => s.panel);
  const close = usePanels((s) => s.close);
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  if (panel !== 'help') return null;
  const sections = [...new Set(SHORTCUTS.map((s) => s.section))] as Section[];
  const mod = (k: string) => k.replace(/Mod\+/g, IS_MAC ? '⌘' : 'Ctrl+');
  return (
    <Modal title="Keyboard shortcuts" onClose={close} className="help">
      <p className="muted">Label keys now: {labelKeysText(labels)}</p>
      <div className="help-columns">
        {sections.map((section) => (
          <section key={section}>
            <h3>{section}</h3>
            <table className="shortcut-table">
              <tbody>
                {SHORTCUTS.filter((s) => s.section === section).map((s) => (
                  <tr key={s.id} data-shortcut={s.id}>
                    <th scope="row">
                      {(s.id === 'tag' ? labelKeys(labels).map((l) => l.key) : s.keys).map((k) => (
                        <kbd key={k}>{mod(k)}</kbd>
                      ))}
                    </th>
                    <td>{s.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <section>
          <h3>Review (Differences tab)</h3>
          <table className="shortcut-table">
            <tbody>
              {REVIEW_KEYS.map((k) => (
                <tr key={k.keys} data-review-key={k.keys}>
                  <th scope="row">
                    <kbd>{mod(k.keys)}</kbd>
                  </th>
                  <td>{k.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Modal>
  );
}

/** Stable empty list: a selector returning a fresh [] would re-render forever. */
const NO_LABELS: readonly LabelDef[] = [];
