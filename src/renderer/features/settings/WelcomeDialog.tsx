import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS } from '../../../core/model/settings';
import { saveSettings } from '../../state/schema-actions';
import { usePanels } from '../../state/ui-panels';
import { useWorkspace } from '../../state/workspace-store';
import { Modal } from '../help/Modal';

const ASKED_KEY = 'lede.askedForName';

/**
 * On first run (the name is still the default) Lede asks who is annotating, once per browser
 * session if the analyst chooses "Later": every annotation records its author.
 */
export function WelcomeDialog() {
  const info = useWorkspace((s) => s.info);
  const panel = usePanels((s) => s.panel);
  const open = usePanels((s) => s.open);
  const close = usePanels((s) => s.close);
  const [name, setName] = useState('');

  useEffect(() => {
    if (info && info.settings.analystName === DEFAULT_SETTINGS.analystName && !sessionStorage.getItem(ASKED_KEY) && panel === 'none') open('welcome');
  }, [info, panel, open]);

  if (panel !== 'welcome' || !info) return null;
  const later = () => {
    sessionStorage.setItem(ASKED_KEY, '1');
    close();
  };
  return (
    <Modal title="Welcome to Lede" onClose={later}>
      <form
        className="welcome"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return;
          if (await saveSettings({ ...info.settings, analystName: name.trim() })) later();
        }}
      >
        <p>Every annotation records who made it. What name should Lede use for yours? You can change it later in Settings.</p>
        <label htmlFor="welcome-name">Your name</label>
        <input id="welcome-name" autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <div className="actions">
          <button type="button" className="button" onClick={later}>
            Later
          </button>
          <button type="submit" className="button primary" disabled={!name.trim()}>
            Start annotating
          </button>
        </div>
      </form>
    </Modal>
  );
}
