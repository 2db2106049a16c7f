/**
 * A count with its noun in the right number: "1 article", "2 articles", "0 files". The one home
 * for this (messages, reports, tooltips), so no text shows "1 articles" or "file(s)".
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
