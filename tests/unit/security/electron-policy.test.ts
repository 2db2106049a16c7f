import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/main/security/csp';
import { externalLinkTarget } from '../../../src/main/security/external-links';
import { isTrustedSender } from '../../../src/main/security/trusted-sender';
import { appRoot } from '../../../src/main/services/paths';

/**
 * The parts of Electron's security checklist that are plain decisions (which links may leave
 * Lede, which IPC senders are trusted, the CSP, the window's web preferences), checked without
 * the Electron binary, which cannot be downloaded here. See SECURITY.md for the whole list.
 */

describe('links opened outside Lede', () => {
  it('offers only http(s) and mailto, normalised', () => {
    expect(externalLinkTarget('https://example.org/news?id=1')).toBe('https://example.org/news?id=1');
    expect(externalLinkTarget('HTTP://Example.org')).toBe('http://example.org/');
    expect(externalLinkTarget('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('never hands other schemes, credentials or garbage to the operating system', () => {
    const hostile = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'file://server/share/run.exe',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'smb://evil.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'app://lede/index.html',
      'https://bank.example@evil.example/',
      'https://user:pass@evil.example/',
      'http://',
      'not a url',
      '',
    ];
    for (const url of hostile) expect(externalLinkTarget(url), url).toBeNull();
  });
});

describe('IPC sender check', () => {
  const ok = { fromMainWindow: true, fromMainFrame: true, frameUrl: 'app://lede/index.html#a_1' };
  it('trusts only the main frame of the main window showing app://lede', () => {
    expect(isTrustedSender(ok, 'app://lede')).toBe(true);
    expect(isTrustedSender({ ...ok, fromMainWindow: false }, 'app://lede')).toBe(false);
    expect(isTrustedSender({ ...ok, fromMainFrame: false }, 'app://lede')).toBe(false);
    for (const frameUrl of ['app://lede.evil/index.html', 'app://evil/index.html', 'https://lede/', 'file:///index.html', 'app://x@lede/', 'about:blank', '', 'app:lede']) {
      expect(isTrustedSender({ ...ok, frameUrl }, 'app://lede'), frameUrl).toBe(false);
    }
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  it('allows no inline script, no eval, nothing remote, no frames or plugins', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      for (const value of values) expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|data:)$/);
      if (name !== 'img-src') expect(values, name).not.toContain('data:');
    }
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

/** Reads the object literal given as `webPreferences` to `new BrowserWindow(...)` in window.ts. */
function webPreferences(): Record<string, string> {
  const path = join(appRoot(), 'src/main/electron/window.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Record<string, string> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'webPreferences' && ts.isObjectLiteralExpression(node.initializer)) {
      for (const p of node.initializer.properties) if (ts.isPropertyAssignment(p)) found[p.name.getText()] = p.initializer.getText();
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the window', () => {
  it('is created with the hardened web preferences', () => {
    expect(webPreferences()).toMatchObject({
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      webviewTag: 'false',
      disableBlinkFeatures: "'Auxclick'",
    });
    expect(webPreferences()).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the app protocol, never file:// or a remote page', () => {
    const window = readFileSync(join(appRoot(), 'src/main/electron/window.ts'), 'utf8');
    expect(window).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(window).not.toMatch(/loadFile|file:\/\/|https?:\/\//);
  });
});
