import { useState } from 'react';
import { DEFAULT_SETTINGS } from '../../../core/model/settings';
import { saveSettings } from '../../state/schema-actions';
import { useWorkspace } from '../../state/workspace-store';
import { focusText } from '../../state/editor-view';

const ASKED_KEY = 'lede.askedForName';

/**
 * On first run (the name is still the default) Lede asks who is annotating: every annotation
 * records its author. A card at the top of the sidebar rather than a modal, so it never blocks
 * reading or importing; "Later" hides it for this session. Either way the focus moves to the open
 * article's text (the card and its focused button are gone).
 */
export function WelcomeCard() {
  const info = useWorkspace((s) => s.info);
  const [name, setName] = useState('');
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(ASKED_KEY) === '1');
  if (!info || dismissed || info.settings.analystName !== DEFAULT_SETTINGS.analystName) return null;
  const later = () => {
    sessionStorage.setItem(ASKED_KEY, '1');
    setDismissed(true);
  };
  const skip = () => {
    later();
    focusText();
  };
  return (
    <section className="welcome-card" role="dialog" aria-modal="false" aria-label="Welcome to Lede">
      <form
        className="welcome"
        onSubmit={async (e) => {
          e.preventDefault();
          const analyst = name.trim();
          if (!analyst || !(await saveSettings({ ...info.settings, analystName: analyst }, `Welcome, ${analyst}: your annotations carry this name.`))) return;
          later();
          // The card goes with its focused button: the keyboard goes on in the open article, where the label keys tag.
          focusText();
        }}
      >
        <h2>Welcome to Lede</h2>
        <p>Every annotation records who made it. What name should Lede use for yours? You can change it later in Settings.</p>
        <label htmlFor="welcome-name">Your name</label>
        <input id="welcome-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <div className="actions">
          <button type="button" className="button" onClick={skip}>
            Later
          </button>
          <button type="submit" className="button primary" disabled={!name.trim()}>
            Start annotating
          </button>
        </div>
      </form>
    </section>
  );
}
