import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { RESERVED_KEYS } from '../../../../src/core/model/names';
import { exportFiles } from '../../../../src/main/services/exchange/export-annotations';
import { importAnnotations, type InputFile } from '../../../../src/main/services/exchange/import-annotations';
import { openWorkspace, type Workspace } from '../../../../src/main/services/workspace';
import { tempDir } from '../../../support/temp';
import { newWorkspace, SEEDS_DIR } from './support';

/**
 * Issue 11, item 4: names that are properties of JavaScript's built-in objects (`constructor`,
 * `toString`, `__proto__`…) used as analyst names, layer names (--as), brat project folders, Lede
 * JSON authors, labels and attributes. `countByAuthor` counted into a plain object and wrote
 * `"constructor":"function Object() { [native code] }1"` into index.json; every later start
 * reported the index damaged. Every such name must round-trip through a restart with no notice.
 */

/** Every own property name of the built-in prototypes and of the global object that can be a name. */
export const BUILTIN_NAMES: string[] = [
  ...new Set(
    [Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype, Promise.prototype, globalThis, Object, Function]
      .flatMap((o) => Object.getOwnPropertyNames(o))
      .concat(['__proto__', 'prototype', 'constructor'])
      .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)),
  ),
].sort();

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const encode = (s: string) => new TextEncoder().encode(s);

async function reopened(dir: string): Promise<Workspace> {
  const ws = await openWorkspace(dir, { mode: 'write' });
  cleanups.push(() => ws.close());
  return ws;
}

async function layerCounts(ws: Workspace): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const s of await ws.listArticles()) for (const [name, n] of Object.entries(s.authors)) counts.set(name, (counts.get(name) ?? 0) + n);
  return counts;
}

describe('names that are JavaScript built-in properties', () => {
  it(`${BUILTIN_NAMES.length} of them, as analyst names, survive a restart with no notice`, async () => {
    expect(BUILTIN_NAMES).toEqual(expect.arrayContaining(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']));
    const { ws, dir } = await newWorkspace();
    cleanups.push(() => ws.close());
    const id = (await ws.listArticles())[0]!.id;
    for (const [i, name] of BUILTIN_NAMES.entries()) {
      await ws.saveSettings({ ...ws.settings(), analystName: name });
      const doc = await ws.getDoc(id);
      const made = createAnnotation(
        doc,
        { label: 'claim', fragments: [{ start: i, end: i + 3 }] },
        { author: ws.settings().analystName, now: new Date().toISOString() },
      );
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      await ws.applyEdit({ kind: 'doc', articleId: id, command: made.value.command });
    }
    await ws.close();
    const again = await reopened(dir);
    expect(again.info().notices).toEqual([]);
    expect(again.settings().analystName).toBe(BUILTIN_NAMES.at(-1));
    const summary = (await again.listArticles()).find((s) => s.id === id)!;
    for (const name of BUILTIN_NAMES) expect(Object.hasOwn(summary.authors, name) && summary.authors[name], name).toBe(1);
    expect(summary.annotationCount).toBe(BUILTIN_NAMES.length);
  }, 120_000);

  it('as layer names (--as), brat project folders, labels, attributes and Lede JSON authors', async () => {
    const { ws, dir } = await newWorkspace();
    cleanups.push(() => ws.close());
    const doc = await ws.getDoc((await ws.listArticles())[0]!.id);
    const word = doc.article.text.slice(0, 4);
    const names = BUILTIN_NAMES;
    // --as: one import per name, of a brat file whose label and attribute are built-in names too.
    const annPath = `${doc.article.source.replace(/\.txt$/, '')}.ann`;
    for (const name of names) {
      // `__proto__`, `constructor`, `prototype` cannot be attributes (object keys): refused in words, below.
      const ann = `T1\t${name} 0 4\t${word}\nA1\t${RESERVED_KEYS.has(name) ? 'flag' : name} T1\n`;
      const result = await importAnnotations(ws, [{ path: annPath, bytes: encode(ann) }], { as: name });
      expect(result.ok ? [] : result.errors, name).toEqual([]);
    }
    for (const key of RESERVED_KEYS) {
      const reserved = await importAnnotations(ws, [{ path: annPath, bytes: encode(`T1\tclaim 0 4\t${word}\nA1\t${key} T1\n`) }], { as: 'someone' });
      expect(reserved.ok ? [] : reserved.errors.map((e) => e.message)).toEqual([
        `"${key}" cannot be an attribute or property name in Lede (JavaScript reserves it); rename it`,
      ]);
    }
    // A brat project whose annotator folders are the names (each folder a layer).
    const project: InputFile[] = names.flatMap((name) => [
      { path: `${name}/story.txt`, bytes: encode('Mayor Jones said the budget passed.\n') },
      { path: `${name}/story.ann`, bytes: encode('T1\tPerson 0 11\tMayor Jones\n') },
    ]);
    const fromFolders = await importAnnotations(ws, project);
    expect(fromFolders.ok ? [] : fromFolders.errors.slice(0, 3)).toEqual([]);
    await ws.close();

    let again = await reopened(dir);
    expect(again.info().notices).toEqual([]);
    expect(existsSync(join(dir, 'damaged'))).toBe(false);
    const counts = await layerCounts(again);
    for (const name of names) expect(counts.get(name), name).toBe(2);
    // Labels are matched by meaning, case-insensitively: 'crypto' and 'Crypto' are one label.
    const labelNames = again.labelSchema().labels.map((l) => l.name.toLowerCase());
    for (const name of names) expect(labelNames, name).toContain(name.toLowerCase());
    expect(new Set(labelNames).size).toBe(labelNames.length);

    // Lede JSON keeps its own authors: export everything, import into a new workspace.
    const exported = await exportFiles(again, { format: 'lede', allLayers: true });
    const other = tempDir('lede-builtins-');
    cleanups.push(other.cleanup);
    const target = await openWorkspace(join(other.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
    cleanups.push(() => target.close());
    const result = await importAnnotations(
      target,
      exported.files.map((f) => ({ path: f.path, bytes: typeof f.content === 'string' ? encode(f.content) : f.content })),
    );
    expect(result.ok ? [] : result.errors.slice(0, 3)).toEqual([]);
    await target.close();
    again = await reopened(join(other.dir, 'ws'));
    expect(again.info().notices).toEqual([]);
    const copied = await layerCounts(again);
    for (const name of names) expect(copied.get(name), name).toBe(2);
    const damagedNotices = again.info().notices.filter((n) => /damaged/.test(n)).length + (existsSync(join(dir, 'damaged')) ? 1 : 0);
    console.log(`built-in names through every entry point / damaged notices: ${names.length} / ${damagedNotices}`);
  }, 120_000);
});
