import { protocol } from 'electron';
import { readStaticFile } from '../services/static-files';
import { SECURITY_HEADERS } from '../security/csp';

/**
 * The renderer is served from `app://lede/` rather than file://, as Electron's checklist advises:
 * a standard, secure scheme gives the page a real origin for the CSP and the IPC sender check,
 * and only files of the renderer build can be reached.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://lede`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'lede') return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });
}
