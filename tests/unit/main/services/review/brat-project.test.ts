import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../../src/core/agreement/report';
import { formatProblem } from '../../../../../src/core/model/result';
import { readBratProject } from '../../../../../src/main/services/review/brat-project';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../../support/shared';
import { tempDir } from '../../../../support/temp';

if (!sharedAvailable) console.warn(`polnear brat project test ${SHARED_MISSING_REASON}`);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-brat-project-')));
afterEach(() => cleanup());

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
}

async function problems(root: string): Promise<string[]> {
  const read = await readBratProject(root);
  if (read.ok) throw new Error('expected the project to be refused');
  return read.errors.map(formatProblem);
}

describe.skipIf(!sharedAvailable)('readBratProject on polnear-multi', () => {
  it('reads six annotators, one document per name, with the layers that have it', async () => {
    const read = await readBratProject(sharedPath('corpora/polnear-multi'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.annotators).toEqual(['4b22', '4e07', '5fec', '6b86', 'd473', 'ef2d']);
    expect(read.value.documents).toHaveLength(11);
    const huff = read.value.documents.find((d) => d.id.startsWith('huff-post'))!;
    expect(huff.layers).toEqual(['4b22', '5fec', '6b86', 'd473', 'ef2d']);
    for (const doc of read.value.documents) expect(new Set(doc.annotations.map((a) => a.id)).size).toBe(doc.annotations.length);
    const report = computeAgreement(read.value.documents, { annotators: read.value.annotators });
    expect(report.documents).toHaveLength(10);
  });
});

describe('readBratProject refuses what it cannot read, naming the file', () => {
  it('a missing folder, a file, a folder with no annotators', async () => {
    expect(await problems(join(dir, 'nope'))).toEqual([`${join(dir, 'nope')}: no such folder`]);
    write('plain.txt', 'x');
    expect((await problems(join(dir, 'plain.txt')))[0]).toMatch(/not a folder/);
    mkdirSync(join(dir, 'empty'));
    expect((await problems(join(dir, 'empty')))[0]).toMatch(/no annotator folders/);
    mkdirSync(join(dir, 'hollow', 'ann1'), { recursive: true });
    expect((await problems(join(dir, 'hollow')))[0]).toMatch(/no \.ann files/);
  });

  it('an .ann without its .txt, a bad line, text that differs between annotators, bytes that are not UTF-8', async () => {
    write('p/alice/a.txt', 'Mayor Ruiz said the port will reopen.');
    write('p/alice/a.ann', 'T1\tActor 0 10\tMayor Ruiz\n');
    write('p/bob/a.txt', 'Mayor Ruiz said the port will close.');
    write('p/bob/a.ann', 'T1\tActor 0 10\tMayor Ruiz\n');
    write('p/bob/b.ann', 'T1\tActor 0 3\tabc\n');
    write('p/carol/a.txt', 'Mayor Ruiz said the port will reopen.');
    write('p/carol/a.ann', 'T1\tActor 0 10\tMayor Rui\nT2\tActor 5\n');
    write('p/dave/a.txt', new Uint8Array([0x4d, 0x61, 0xe9]));
    write('p/dave/a.ann', '');
    const found = await problems(join(dir, 'p'));
    expect(found).toContainEqual('bob/a.txt: the text differs from alice/a.txt: annotators must annotate the same text');
    expect(found).toContainEqual('bob/b.txt: the file is missing');
    expect(found.some((p) => p.startsWith('carol/a.ann:1'))).toBe(true);
    expect(found.some((p) => p.startsWith('carol/a.ann:2'))).toBe(true);
    expect(found).toContainEqual('dave/a.txt: not valid UTF-8 text');
  });

  it('counts an empty .ann as a document the annotator has, and drops a byte-order mark (which brat counts as a character)', async () => {
    write('p/alice/a.txt', '\ufeffThe minister resigned.');
    write('p/alice/a.ann', 'T1\tActor 5 13\tminister\n');
    write('p/bob/a.txt', 'The minister resigned.');
    write('p/bob/a.ann', '');
    const read = await readBratProject(join(dir, 'p'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.documents[0]!.layers).toEqual(['alice', 'bob']);
    expect(read.value.documents[0]!.text).toBe('The minister resigned.');
    const report = computeAgreement(read.value.documents, { annotators: ['alice', 'bob'] });
    expect(report.documents).toHaveLength(1);
    expect(report.instance.pairs[0]!.total).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
  });
});
