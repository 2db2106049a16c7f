/**
 * Everything the CLI prints goes through here. Titles, layer names, file names and messages come
 * from files an analyst was sent, so a control character in them (ESC starts a terminal escape
 * sequence that can rewrite the screen, set the window title or worse), a carriage return or a
 * bidirectional override is shown escaped as `\u001b`, never sent raw. Tab and line feed are kept.
 * `\uXXXX` is also a valid JSON escape, so JSON output stays valid JSON.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A line on stdout. */
export function say(text: string): void {
  console.log(terminalSafe(text));
}

/** A line on stderr. */
export function warn(text: string): void {
  console.error(terminalSafe(text));
}
