/**
 * Shown instead of the workspace when the browser host refuses the page's session token: the
 * page was opened without the link Lede printed (a bookmark of the bare address, a typed URL), or
 * the token was rotated with `--new-token`. An empty workspace saying "All changes saved" would
 * be a lie; this says how to get in.
 */
export function SessionLinkNeeded() {
  return (
    <main className="session-link-needed" aria-labelledby="session-link-title">
      <h1 id="session-link-title">Open Lede with its session link</h1>
      <p>
        This page reached Lede’s host without the session link’s token, so the host keeps your workspace closed to it. Any page on your computer could otherwise
        read and change your annotations.
      </p>
      <ol>
        <li>
          Find the terminal where Lede is running. It printed a line <code>Open http://127.0.0.1:…/?token=…</code> — open that link.
        </li>
        <li>
          Closed that terminal? Run <code>npm run web</code> again on the same workspace: the link stays the same across restarts (it is kept in the workspace’s{' '}
          <code>host-session.json</code>), so a bookmark of the full link keeps working.
        </li>
        <li>
          Started the host with <code>--new-token</code>? Links from before no longer open it; use the new one.
        </li>
      </ol>
    </main>
  );
}
