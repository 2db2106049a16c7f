import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';

/** Shared by the all-or-nothing import tests: a brat set onto every stored article, and what landed. */

/** `<n>.txt` + `<n>.ann` for each text: one Person span on its first word, as a layer named with `as`. */
export function bratSet(texts: readonly string[]): InputFile[] {
  const encode = (s: string) => new TextEncoder().encode(s);
  return texts.flatMap((text, i) => {
    const word = /\S+/.exec(text)!;
    return [
      { path: `doc${i}.txt`, bytes: encode(text) },
      { path: `doc${i}.ann`, bytes: encode(`T1\tPerson ${word.index} ${word.index + word[0].length}\t${word[0]}\n`) },
    ];
  });
}

/** Texts of `count` distinct articles of about `size` characters. */
export function articleTexts(count: number, size = 2000): string[] {
  return Array.from({ length: count }, (_, i) => `Article ${i} headline\n${`Sentence ${i} of the story, said the mayor. `.repeat(Math.ceil(size / 45))}\n`);
}

/** How many stored articles have the layer. */
export async function withLayer(ws: Workspace, layer: string): Promise<number> {
  let n = 0;
  for (const s of await ws.listArticles()) if (s.authors[layer]) n++;
  return n;
}

/** Every file under the workspace's journal and temp names: must be none once a workspace is open. */
export function leftovers(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.startsWith('.lede-journal/') || /\.tmp$/.test(p));
}

export function seedTexts(seedsDir: string): string[] {
  return readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(join(seedsDir, n), 'utf8'));
}
