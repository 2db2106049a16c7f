import type { ActorEntity } from '../entity';
import type { ParsedName } from './parse';
import type { NameToken } from './tokens';

/**
 * The matcher's index keys. A registered name is filed under its exact key, its surname and
 * given name (people) or content words (the rest) by romanisation skeleton and by Double
 * Metaphone code, and under the acronyms it spells; a mention looks up the same kinds of keys,
 * so only the few entities that share one are scored.
 */

export interface IndexedName {
  entity: ActorEntity;
  /** The canonical name or alias as the analyst wrote it. */
  text: string;
  alias: boolean;
  /** This reading left out a title the name starts with ("Pope Francis" read as "Francis"). */
  titled: boolean;
  /** nameKey(text), and the same without folding diacritics. */
  key: string;
  spelled: string;
  parsed: ParsedName;
}

function wordKeys(prefix: string, codePrefix: string, t: NameToken, out: string[]): void {
  if (t.skeleton) out.push(`${prefix}${t.skeleton}`);
  for (const c of t.codes) out.push(`${codePrefix}${c}`);
}

/** Spelling slips ("Zelenksy") keep the first letters: long surnames are also filed by them. */
function prefixKey(t: NameToken): string | null {
  return t.fold.length >= 5 ? `p:${t.fold.slice(0, 4)}` : null;
}

export function indexKeys(name: IndexedName): string[] {
  const keys = [`k:${name.key}`];
  const p = name.parsed;
  if (name.entity.kind === 'person') {
    if (p.surname) {
      wordKeys('s:', 'c:', p.surname, keys);
      const prefix = prefixKey(p.surname);
      if (prefix) keys.push(prefix);
    }
    if (p.given) wordKeys('g:', 'gc:', p.given, keys);
    for (const m of p.middles) if (!m.initial) keys.push(`m:${m.skeleton}`);
  } else {
    for (const w of p.content) wordKeys('w:', 'wc:', w, keys);
    if (p.isAcronym) keys.push(`A:${p.isAcronym}`);
  }
  for (const a of p.acronyms) keys.push(`a:${a}`);
  return [...new Set(keys)];
}

export function lookupKeys(p: ParsedName, formKey: string): string[] {
  const keys = [`k:${formKey}`];
  if (p.surname) {
    wordKeys('s:', 'c:', p.surname, keys);
    const prefix = prefixKey(p.surname);
    if (prefix) keys.push(prefix);
  }
  const single = p.words.length === 1 || (!p.given && p.surname !== null);
  if (single && p.surname) {
    wordKeys('g:', 'gc:', p.surname, keys);
    keys.push(`m:${p.surname.skeleton}`);
    if (p.surname.fold.length >= 4) keys.push(`a:${p.surname.fold}`);
  }
  if (p.isAcronym) keys.push(`a:${p.isAcronym}`);
  for (const w of p.content) wordKeys('w:', 'wc:', w, keys);
  for (const a of p.acronyms) keys.push(`A:${a}`);
  return [...new Set(keys)];
}

/** An entity's gender as the analyst recorded it in a `gender` (or `sex`) property, if any. */
export function entityGender(entity: ActorEntity): 'male' | 'female' | null {
  for (const [key, value] of Object.entries(entity.properties)) {
    if (!/^(gender|sex)$/i.test(key.trim())) continue;
    const v = value.trim().toLowerCase();
    if (/^(m|male|man|masculine)$/.test(v)) return 'male';
    if (/^(f|female|woman|feminine)$/.test(v)) return 'female';
  }
  return null;
}
