import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The favicon draws its L as a path: Chromium rebuilds a favicon with a <text> element after every
 * history.replaceState, which the page calls on each article open (about 1.5 ms each on the web host).
 */
describe('favicon', () => {
  const svg = readFileSync(new URL('../../../src/renderer/public/favicon.svg', import.meta.url), 'utf8');
  it('is shapes only: no text (nor a font to wait for)', () => {
    const body = svg.replace(/<!--[\s\S]*?-->/g, '');
    expect(body).not.toMatch(/<text|<tspan|font-family/);
    expect(body).toMatch(/<path d="M[^"]+Z"/);
    expect(body).toContain('viewBox="0 0 32 32"');
  });
});
