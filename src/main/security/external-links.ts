/**
 * Which links Lede will offer to open outside itself: http(s) pages and mailto addresses only.
 * Everything else (file:, javascript:, data:, custom schemes that start other programs, smb:…)
 * is never handed to the operating system. Kept free of Electron so it can be tested directly.
 */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalised address to offer the analyst, or null when the link must not leave Lede. */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  // Credentials in a link are a classic disguise ("https://bank.example@evil.example/").
  if (parsed.username || parsed.password) return null;
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return null;
  return parsed.href;
}
