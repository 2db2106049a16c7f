import { useState } from 'react';
import type { ThemeChoice } from '../../../core/model/settings';
import { saveSettings } from '../../state/schema-actions';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';
import { Modal } from '../../ui/Modal';
import { AttributeEditor } from './AttributeEditor';
import { LabelSchemaEditor } from './LabelSchemaEditor';
import { RelationTypeEditor } from './RelationTypeEditor';
import '../../styles/editor-settings.css';

/** Settings: the analyst's name (the author of every annotation), snapping, light or dark, and the label schema. */
export function SettingsDialog() {
  const panel = usePanels((s) => s.panel);
  const close = usePanels((s) => s.close);
  const info = useWorkspace((s) => s.info);
  if (panel !== 'settings' || !info) return null;
  return (
    <Modal title="Settings" onClose={close} className="settings">
      <PersonalSettings key={`${info.settings.analystName}-${info.settings.snapToWords}`} />
      <LabelSchemaEditor />
      <AttributeEditor />
      <RelationTypeEditor />
    </Modal>
  );
}

function PersonalSettings() {
  const settings = useWorkspace((s) => s.info!.settings);
  const [name, setName] = useState(settings.analystName);
  const trimmed = name.trim();
  return (
    <section className="settings-section" aria-label="You">
      <h3>You</h3>
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed && trimmed !== settings.analystName) void saveSettings({ ...settings, analystName: trimmed });
        }}
      >
        <label htmlFor="analyst-name">Your name (recorded as the author of your annotations)</label>
        <input id="analyst-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button" disabled={!trimmed || trimmed === settings.analystName}>
          Save name
        </button>
      </form>
      <label className="settings-row checkbox">
        <input type="checkbox" checked={settings.snapToWords} onChange={(e) => void saveSettings({ ...settings, snapToWords: e.target.checked })} />
        Snap selections to whole words when tagging
      </label>
      <ThemeSetting />
    </section>
  );
}

const THEMES: { value: ThemeChoice; name: string }[] = [
  { value: 'system', name: 'System' },
  { value: 'light', name: 'Light' },
  { value: 'dark', name: 'Dark' },
];

/** Light or dark colours, or whatever the operating system uses (the default). */
function ThemeSetting() {
  const settings = useWorkspace((s) => s.info!.settings);
  // Checked at once, not when the host has saved it (a radio that lags the click feels broken).
  const [current, setCurrent] = useState<ThemeChoice>(settings.theme ?? 'system');
  const choose = (theme: ThemeChoice) => {
    setCurrent(theme);
    void saveSettings({ ...settings, theme });
  };
  return (
    <fieldset className="settings-row theme-setting">
      <legend>Appearance</legend>
      {THEMES.map((t) => (
        <label key={t.value}>
          <input type="radio" name="theme" value={t.value} checked={current === t.value} onChange={() => choose(t.value)} />
          {t.name}
        </label>
      ))}
    </fieldset>
  );
}
