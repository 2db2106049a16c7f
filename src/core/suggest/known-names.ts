/**
 * Every mention of a known name, as INCEpTION's string matcher finds them: the caller's names
 * (registry aliases, texts of actors already tagged) matched word by word, whole words only,
 * case-sensitively (so "Bush" never matches "bush"), with typographic and straight apostrophes
 * alike and any run of spaces between words. Overlapping matches keep the leftmost, then the
 * longest ("Hillary Rodham Clinton" over "Clinton"). A possessive is no obstacle: "Trump’s"
 * mentions "Trump".
 *
 * Matching walks the article's tokens once with a map from a name's first word to the names
 * that start with it, so the cost grows with the article, not with the number of names.
 */
import type { Fragment } from '../model/fragments';
import { tokenize, type Token } from './tokens';
import type { KnownName } from './types';

export interface KnownMention {
  fragment: Fragment;
  text: string;
  entityId?: string;
}

interface Entry {
  words: string[];
  /** The entity, or null when names of two entities spell the same. */
  entityId: string | null | undefined;
}

export interface KnownNameIndex {
  mentions(text: string, tokens: readonly Token[]): KnownMention[];
  /** The entity a name (as written in the text) stands for: by its full spelling, else by a last name only one entity has. */
  entityOf(name: string): string | undefined;
  readonly size: number;
}

function key(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

function wordsOf(name: string): string[] {
  return tokenize(name.trim()).map((t) => key(t.text));
}

export function knownNameIndex(known: readonly KnownName[]): KnownNameIndex {
  const byFirst = new Map<string, Entry[]>();
  const byName = new Map<string, Entry>();
  const byLast = new Map<string, string | null>();
  for (const k of known) {
    if (typeof k?.name !== 'string') continue;
    const words = wordsOf(k.name);
    if (words.length === 0 || !words.some((w) => /[\p{L}\p{N}]/u.test(w))) continue;
    const joined = words.join(' ');
    const entityId = typeof k.entityId === 'string' && k.entityId !== '' ? k.entityId : undefined;
    const existing = byName.get(joined);
    if (existing) {
      if (existing.entityId !== entityId) existing.entityId = existing.entityId === undefined ? entityId : entityId === undefined ? existing.entityId : null;
      continue;
    }
    const entry: Entry = { words, entityId };
    byName.set(joined, entry);
    const list = byFirst.get(words[0]!) ?? [];
    list.push(entry);
    byFirst.set(words[0]!, list);
    const last = words[words.length - 1]!;
    if (entityId && words.length > 1 && /^\p{Lu}\p{L}{2,}/u.test(last)) byLast.set(last, byLast.has(last) && byLast.get(last) !== entityId ? null : entityId);
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.words.length - x.words.length);

  return {
    size: byName.size,
    mentions(text, tokens) {
      const found: KnownMention[] = [];
      if (byFirst.size === 0) return found;
      for (let i = 0; i < tokens.length; i++) {
        const entries = byFirst.get(key(tokens[i]!.text));
        if (!entries) continue;
        const entry = entries.find((e) => matchesAt(text, tokens, i, e.words));
        if (!entry) continue;
        const end = tokens[i + entry.words.length - 1]!.end;
        const mention: KnownMention = { fragment: { start: tokens[i]!.start, end }, text: text.slice(tokens[i]!.start, end) };
        if (entry.entityId) mention.entityId = entry.entityId;
        found.push(mention);
        i += entry.words.length - 1;
      }
      return found;
    },
    entityOf(name) {
      const words = wordsOf(name);
      const exact = byName.get(words.join(' '));
      if (exact) return exact.entityId ?? undefined;
      const last = words[words.length - 1];
      return last === undefined ? undefined : (byLast.get(last) ?? undefined);
    },
  };
}

function matchesAt(text: string, tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let w = 0; w < words.length; w++) {
    const t = tokens[i + w]!;
    if (key(t.text) !== words[w]) return false;
    if (w > 0 && !/^[ \t\u00a0]*$/.test(text.slice(tokens[i + w - 1]!.end, t.start))) return false;
  }
  return true;
}
