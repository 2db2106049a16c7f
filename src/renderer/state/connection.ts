import { create } from 'zustand';
import type { HostEvents } from '../bridge/web-bridge';
import { useMessages } from './messages';

/**
 * The page's link to the browser host as the analyst sees it: whether the host answers (while
 * it does not, saves wait in this tab), and whether it let the page in at all.
 */
interface ConnectionState {
  reachable: boolean;
  /** The host refused this page's session token: the page shows how to get the right link. */
  tokenRefused: boolean;
}

export const useConnection = create<ConnectionState>(() => ({ reachable: true, tokenRefused: false }));

const OUTAGE_TEXT =
  'Lede’s host is not reachable. Your changes are kept in this tab and saved as soon as it is back — start it again on the same workspace (npm run web).';

export const hostEvents: HostEvents = {
  reachability(reachable) {
    useConnection.setState({ reachable });
    const messages = useMessages.getState();
    const outage = messages.messages.find((m) => m.text === OUTAGE_TEXT);
    if (!reachable) {
      if (!outage) messages.show('error', OUTAGE_TEXT);
      return;
    }
    if (outage) messages.dismiss(outage.id);
    messages.show('success', 'Reconnected to Lede’s host.');
  },
  unauthorized() {
    useConnection.setState({ tokenRefused: true });
  },
};
