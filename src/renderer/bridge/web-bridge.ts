import { API_METHOD_NAMES, WEB_API_PREFIX, WEB_TOKEN_HEADER, WEB_TOKEN_PARAM, type Envelope, type EnvelopeApi, type LedeBridge } from '../../core/api';

/** What the page hears about its link to the host, beyond each call's own answer. */
export interface HostEvents {
  /** False while the host cannot be reached (calls wait and retry), true again once it answers. */
  reachability(reachable: boolean): void;
  /** The host refused the page's session token (opened without the link, or the token was rotated). */
  unauthorized(): void;
}

/** Waits between attempts to reach a host that is down, growing to a ceiling. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000];

/**
 * The browser host's transport: the same contract as the desktop preload, carried as
 * `POST /api/<method>` with the session token from the page URL. When the host is down (being
 * restarted), a call waits and retries instead of failing: the restarted host serves the same
 * port and token (kept in the workspace), so the analyst's queued saves go through once it is
 * back. A connection that is refused has not reached the host, so retrying cannot apply an edit
 * twice; one cut mid-reply may have, and the store then refuses the repeat as stale (the page
 * reloads what is stored, which holds the edit).
 */
export function createWebBridge(location: Location, events: HostEvents = { reachability: () => undefined, unauthorized: () => undefined }): LedeBridge {
  const token = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM) ?? '';
  let down = false;
  const post = (method: string, body: string) =>
    fetch(`${WEB_API_PREFIX}${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: token }, body });

  const call = async (method: string, args: unknown): Promise<Envelope<unknown>> => {
    const body = JSON.stringify(args ?? {});
    let response: Response | null = null;
    for (let attempt = 0; !response; attempt++) {
      try {
        response = await post(method, body);
      } catch {
        if (!down) {
          down = true;
          events.reachability(false);
        }
        await new Promise((wake) => setTimeout(wake, RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]));
      }
    }
    if (down) {
      down = false;
      events.reachability(true);
    }
    if (response.status === 401) events.unauthorized();
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Unexpected reply from Lede’s host (HTTP ${response.status})` } };
    }
  };
  const api = Object.fromEntries(API_METHOD_NAMES.map((m) => [m, (args: unknown) => call(m, args)])) as unknown as EnvelopeApi;
  return { api, shell: 'web', onMenuCommand: () => () => undefined };
}
