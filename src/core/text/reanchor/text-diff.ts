import { diffArrays } from 'diff';

/**
 * Where the unchanged stretches of an old text sit in its new version. The diff runs on word
 * tokens (words, numbers, single other characters, each with its trailing space) rather than single characters:
 * a 10,000-word article diffs in milliseconds instead of seconds, and a changed word is a changed
 * token, so an annotation never "survives" on letters a character diff happened to align inside
 * a rewritten word. Offsets stay UTF-16 character offsets, as everywhere in Lede.
 */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

export interface TextDiff {
  /** Unchanged stretches in text order, disjoint on both sides. */
  runs: EqualRun[];
}

/** A word or a single other character, with the spaces after it: a lone space never pairs up two different words. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+\s*|\S\s*|\s+/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Common head and tail are cut off first: most corrections touch a few places of a long text. */
export function diffTexts(oldText: string, newText: string): TextDiff {
  const max = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  // Snap both cuts back to token starts (just after whitespace) so the middle tokenizes as the
  // whole texts would: "Putin" → "Putins" is a changed word, not "Putin" plus an inserted "s".
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (head > 0 && !space(oldText[head - 1])) head--;
  const startsToken = (t: number) => !space(oldText[oldText.length - t]) && space(oldText[oldText.length - t - 1]) && space(newText[newText.length - t - 1]);
  while (tail > 0 && !startsToken(tail)) tail--;
  const runs: EqualRun[] = [];
  if (head > 0) runs.push({ oldStart: 0, newStart: 0, length: head });
  const oldTokens = tokenize(oldText.slice(head, oldText.length - tail));
  const newTokens = tokenize(newText.slice(head, newText.length - tail));
  // Tokens become small integers so the diff compares numbers, not strings.
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const changes = diffArrays(oldTokens.map(idOf), newTokens.map(idOf));
  let oldAt = head;
  let newAt = head;
  let oldToken = 0;
  let newToken = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.added) {
      for (let i = 0; i < count; i++) newAt += newTokens[newToken++]!.length;
    } else if (change.removed) {
      for (let i = 0; i < count; i++) oldAt += oldTokens[oldToken++]!.length;
    } else {
      let length = 0;
      for (let i = 0; i < count; i++) {
        length += oldTokens[oldToken++]!.length;
        newToken++;
      }
      pushRun(runs, { oldStart: oldAt, newStart: newAt, length });
      oldAt += length;
      newAt += length;
    }
  }
  if (tail > 0) pushRun(runs, { oldStart: oldText.length - tail, newStart: newText.length - tail, length: tail });
  return { runs };
}

function pushRun(runs: EqualRun[], run: EqualRun): void {
  const last = runs[runs.length - 1];
  if (last && last.oldStart + last.length === run.oldStart && last.newStart + last.length === run.newStart) last.length += run.length;
  else if (run.length > 0) runs.push(run);
}

/** The last run starting at or before `offset` (on the old side, or the new side), or -1. */
function runIndexAt(diff: TextDiff, offset: number, side: 'oldStart' | 'newStart' = 'oldStart'): number {
  let lo = 0;
  let hi = diff.runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (diff.runs[mid]![side] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The new range of an old range that lies wholly inside unchanged text, or null when any of it changed. */
export function mapUnchanged(diff: TextDiff, start: number, end: number): { start: number; end: number } | null {
  const i = runIndexAt(diff, start);
  if (i < 0) return null;
  const run = diff.runs[i]!;
  if (end > run.oldStart + run.length) return null;
  return { start: run.newStart + start - run.oldStart, end: run.newStart + end - run.oldStart };
}

/** Where an old offset lands in the new text: exactly in unchanged text, at the change's start otherwise. */
export function mapNear(diff: TextDiff, offset: number): number {
  const i = runIndexAt(diff, offset);
  if (i < 0) return 0;
  const run = diff.runs[i]!;
  return run.newStart + Math.min(offset - run.oldStart, run.length);
}

/** The old range a new range came from unchanged, or null when any of it is new or changed text. */
export function mapBack(diff: TextDiff, start: number, end: number): { start: number; end: number } | null {
  const i = runIndexAt(diff, start, 'newStart');
  if (i < 0) return null;
  const run = diff.runs[i]!;
  if (end > run.newStart + run.length) return null;
  return { start: run.oldStart + start - run.newStart, end: run.oldStart + end - run.newStart };
}
