import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../../../src/core/model/result';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations, type InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';
import { annotation, asInputs, folderSnapshot } from './support';

/**
 * Every way an import can fail leaves the workspace folder byte for byte as it was, and says
 * where the problem is (file, line, field) in words the analyst can act on.
 */
let ws: Workspace;
let dir: string;
let cleanup: () => Promise<void>;
let firstId: string;
let text: string;
beforeEach(async () => {
  ({ ws, dir, cleanup } = await newWorkspace());
  firstId = (await ws.listArticles())[0]!.id;
  text = (await ws.getDoc(firstId)).article.text;
  await ws.putDocs(
    [{ ...(await ws.getDoc(firstId)), annotations: [annotation(text, 'mine', 'claim', [{ start: 0, end: 4 }], 'me')], relations: [] }],
    ws.labelSchema(),
  );
  await ws.flush();
});
afterEach(async () => cleanup());

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (path: string, content: string | Uint8Array): InputFile => ({ path, bytes: typeof content === 'string' ? utf8(content) : content });

async function expectRefused(
  files: InputFile[],
  options: Parameters<typeof importAnnotations>[2],
  expected: Omit<Partial<Problem>, 'message'> & { message: RegExp },
): Promise<Problem[]> {
  const before = folderSnapshot(dir);
  const schemaBefore = ws.labelSchema();
  const result = await importAnnotations(ws, files, options);
  expect(result.ok).toBe(false);
  const errors = result.ok ? [] : result.errors;
  expect(errors).toContainEqual(expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }));
  await ws.flush();
  expect(folderSnapshot(dir)).toEqual(before);
  expect(ws.labelSchema()).toEqual(schemaBefore);
  return errors;
}

describe('failed imports change nothing', () => {
  it('one bad line in one of several brat files: nothing from the good files either', async () => {
    const good = `T1\tPerson 0 4\t${text.slice(0, 4)}\n`;
    const bad = `T1\tPerson 0 4\t${text.slice(0, 4)}\nT2\tPerson 9 x\toops\n`;
    await expectRefused(
      [file('a.txt', text), file('a.ann', good), file('b.txt', `${text} (b)`), file('b.ann', bad), file('c.lede.json', '{}')],
      { as: 'colleague' },
      { file: 'b.ann', line: 2, message: /./ },
    );
  });

  it('text that does not match a span, offsets past the end, reversed offsets: per annotation', async () => {
    const errors = await expectRefused(
      [file('a.txt', text), file('a.ann', `T1\tPerson 0 4\tNOPE\nT2\tPerson 0 999999\tx\nT3\tPerson 5 2\tx\n`)],
      { as: 'colleague' },
      { file: 'a.ann', line: 1, annotation: 'T1', message: /text/ },
    );
    expect(errors.map((e) => e.annotation)).toEqual(expect.arrayContaining(['T1', 'T2', 'T3']));
  });

  it('non-UTF-8 input', async () => {
    await expectRefused(
      [file('notes.jsonl', new Uint8Array([0x7b, 0x22, 0x74, 0xe9, 0x0a]))],
      { as: 'x' },
      { file: 'notes.jsonl', line: 1, message: /not valid UTF-8 \(byte 0xe9 at offset 3\)/ },
    );
  });

  it('UTF-16 text (NUL bytes)', async () => {
    await expectRefused([file('a.jsonl', new Uint8Array([0x7b, 0x00, 0x7d, 0x00]))], { as: 'x' }, { file: 'a.jsonl', message: /NUL bytes/ });
  });

  it('input over 50 MB, refused before it is decoded', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20);
    await expectRefused([file('huge.lede.json', big)], { as: 'x' }, { file: 'huge.lede.json', message: /over the 50 MB import limit/ });
  });

  it('prototype-polluting and deeply nested JSON', async () => {
    const lede = JSON.parse((await exportFiles(ws, { format: 'lede' })).files[0]!.content) as { schema: object };
    const polluted = JSON.stringify(lede).replace('"schema":{', '"schema":{"__proto__":{"polluted":true},');
    await expectRefused([file('p.lede.json', polluted)], { as: 'x' }, { file: 'p.lede.json', field: 'schema.__proto__', message: /not allowed/ });
    await expectRefused(
      [file('c.jsonl', `{"text":"abc","label":[],"constructor":{}}\n`)],
      { as: 'x' },
      { file: 'c.jsonl', message: /"constructor" is not allowed/ },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await expectRefused([file('deep.jsonld', deep)], { as: 'x' }, { file: 'deep.jsonld', message: /nested more than 64 levels/ });
  });

  it('a text changed after export (its stored hash no longer matches)', async () => {
    const out = (await exportFiles(ws, { format: 'lede' })).files[0]!;
    const file_ = JSON.parse(out.content) as { articles: { article: { text: string } }[] };
    file_.articles[1]!.article.text = file_.articles[1]!.article.text.replace(/\w/, (c) => (c === 'X' ? 'Y' : 'X'));
    const tampered = JSON.stringify(file_);
    await expectRefused(
      [file(out.path, tampered)],
      { as: 'x' },
      { file: out.path, field: 'documents[1].article.hash', message: /does not match the hash stored with it/ },
    );
  });

  it('W3C without the text of an article the workspace lacks: per annotation', async () => {
    const w3c = JSON.parse((await exportFiles(ws, { format: 'w3c' })).files[0]!.content) as {
      first: { items: { target: { source: string }[] }[] };
      'lede:sources'?: unknown;
    };
    delete w3c['lede:sources'];
    w3c.first.items[0]!.target[0]!.source = `urn:sha256:${'0'.repeat(64)}`;
    await expectRefused(
      [file('x.jsonld', JSON.stringify(w3c))],
      { as: 'x' },
      { file: 'x.jsonld', field: 'first.items[0].target.source', message: /neither in the file nor in the workspace/ },
    );
  });

  it('a layer the article already has, unless replacing it', async () => {
    const out = await exportFiles(ws, { format: 'jsonl', annotators: ['me'] });
    await expectRefused(asInputs(out.files), { as: 'me' }, { message: /already has a layer "me" \(1 annotation\)/ });
  });

  it('a missing layer name, a layer name given to a brat project, and a brat .ann whose text is nowhere', async () => {
    await expectRefused([file('a.jsonl', `{"text":"abc","label":[[0,1,"x"]]}\n`)], {}, { file: 'a.jsonl', message: /name the layer/ });
    await expectRefused(
      [file('ann1/a.txt', text), file('ann1/a.ann', '')],
      { as: 'x' },
      { message: /takes its layer names from its annotator folders \(ann1\)/ },
    );
    await expectRefused([file('nowhere.ann', 'T1\tPerson 0 1\tx\n')], { as: 'x' }, { file: 'nowhere.ann', message: /choose nowhere\.txt together with it/ });
    await expectRefused([file('a.ann', ''), file('p/b.ann', '')], { as: 'x' }, { message: /not a mix/ });
    await expectRefused([file('report.pdf', 'x')], { as: 'x' }, { file: 'report.pdf', message: /is not an annotation file Lede imports/ });
  });
});

describe('what a successful brat import takes from the workspace', () => {
  it('a lone .ann attaches to the article imported from the .txt of the same name', async () => {
    const seed = (await ws.listArticles()).find((a) => a.id === firstId)!;
    const result = await importAnnotations(
      ws,
      [file(seed.source.replace(/\.txt$/, '.ann'), `T1\tPerson 0 4\t${text.slice(0, 4)}\n#1\tAnnotatorNotes T1\tfirst word\n`)],
      { as: 'colleague' },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const doc = await ws.getDoc(firstId);
    expect(doc.annotations.filter((a) => a.author === 'colleague')).toEqual([
      expect.objectContaining({ label: 'Person', quote: text.slice(0, 4), note: 'first word' }),
    ]);
    expect(result.report.schemaAdded).toEqual(['label Person']);
  });
});
