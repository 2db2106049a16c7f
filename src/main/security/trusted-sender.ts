/**
 * The check every IPC message passes before it reaches the dispatcher, as plain data so it can be
 * tested without Electron: the message must come from Lede's own window, from its main frame
 * (not an iframe), and that frame must show Lede's own origin (`app://lede`).
 */
export interface SenderFacts {
  /** The message's web contents is the main window's. */
  fromMainWindow: boolean;
  /** The sending frame is that window's main frame. */
  fromMainFrame: boolean;
  /** The sending frame's current URL. */
  frameUrl: string;
}

export function isTrustedSender(facts: SenderFacts, appOrigin: string): boolean {
  if (!facts.fromMainWindow || !facts.fromMainFrame) return false;
  try {
    // Node's URL gives "null" as the origin of non-special schemes, so compare scheme and host.
    const url = new URL(facts.frameUrl);
    return `${url.protocol}//${url.host}` === appOrigin && !url.username && !url.password;
  } catch {
    return false;
  }
}
