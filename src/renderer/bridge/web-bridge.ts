import {
  API_METHOD_NAMES,
  WEB_API_PREFIX,
  WEB_TOKEN_HEADER,
  WEB_TOKEN_PARAM,
  type Envelope,
  type EnvelopeApi,
  type LedeBridge,
} from '../../core/api';

/**
 * The browser host's transport: the same contract as the desktop preload, carried as
 * `POST /api/<method>` with the session token from the page URL.
 */
export function createWebBridge(location: Location): LedeBridge {
  const token = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM) ?? '';
  const call = async (method: string, args: unknown): Promise<Envelope<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`${WEB_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: token },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'offline', message: 'Lede’s host is not reachable. Is `npm run web` still running?' } };
    }
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Unexpected reply from Lede’s host (HTTP ${response.status})` } };
    }
  };
  const api = Object.fromEntries(API_METHOD_NAMES.map((m) => [m, (args: unknown) => call(m, args)])) as unknown as EnvelopeApi;
  return { api, shell: 'web', onMenuCommand: () => () => undefined };
}
