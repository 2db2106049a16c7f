import { describe, expect, it } from 'vitest';
import { sortIntoUnits, type TextFile } from '../../../../../src/main/services/exchange/units';

const f = (path: string, text = ''): TextFile => ({ path, text });
const kinds = (files: TextFile[]) =>
  sortIntoUnits(files).units.map((u) =>
    u.kind === 'file' ? `${u.format}:${u.file.path}` : `brat:${u.ann.path}+${u.txt?.path ?? '-'}|conf=${u.conf ?? '-'}|folder=${u.folder ?? '-'}`,
  );

describe('sorting chosen files into what gets parsed', () => {
  it('reads the format of a .json file from its content, and of other files from their names', () => {
    expect(
      kinds([
        f('a.json', '{"format":"lede-annotations","version":1}'),
        f('b.json', '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"}'),
        f('c.json', '{"text":"x","label":[[0,1,"y"]]}\n{"text":"z","label":[]}\n'),
        f('d.jsonld', '{}'),
        f('e.ndjson', ''),
        f('f.lede.json', ''),
      ]),
    ).toEqual(['lede:a.json', 'w3c:b.json', 'jsonl:c.json', 'w3c:d.jsonld', 'jsonl:e.ndjson', 'lede:f.lede.json']);
    expect(sortIntoUnits([f('g.json', '{"hello":1}')]).problems).toEqual([
      { file: 'g.json', message: expect.stringMatching(/cannot tell which annotation format this JSON file is/) },
    ]);
    expect(sortIntoUnits([f('g.json', '{"hello":1}')], 'w3c').units).toHaveLength(1);
  });

  it('pairs brat files by folder and name, finds the nearest annotation.conf, and says what it skips', () => {
    const sorted = sortIntoUnits([
      f('annotation.conf', 'top'),
      f('x/annotation.conf', 'x'),
      f('x/doc.ann'),
      f('x/doc.txt'),
      f('y/doc.ann'),
      f('y/doc.txt'),
      f('y/orphan.txt'),
      f('visual.conf', 'visual'),
      f('tools.conf'),
      f('.DS_Store'),
    ]);
    expect(sorted.problems).toEqual([]);
    expect(sorted.units.map((u) => (u.kind === 'brat' ? `${u.ann.path}+${u.txt?.path}|${u.conf}|${u.visual}|${u.folder}` : ''))).toEqual([
      'x/doc.ann+x/doc.txt|x|visual|x',
      'y/doc.ann+y/doc.txt|top|visual|y',
    ]);
    expect(sorted.notes).toEqual([
      expect.stringMatching(/^tools\.conf: brat display\/tool settings/),
      '.DS_Store: hidden file; skipped',
      expect.stringMatching(/^y\/orphan\.txt: no orphan\.ann beside it; not imported/),
    ]);
  });

  it('refuses what would make a layer a guess: mixed or deep layouts, the same path twice, nothing to import', () => {
    expect(sortIntoUnits([f('a.ann'), f('p/b.ann')]).problems[0]!.message).toMatch(/not a mix/);
    expect(sortIntoUnits([f('p/q/b.ann')]).problems[0]!.message).toMatch(/more than one folder deep/);
    expect(sortIntoUnits([f('a.jsonl'), f('a.jsonl')]).problems[0]).toEqual({ file: 'a.jsonl', message: expect.stringMatching(/given twice/) });
    expect(sortIntoUnits([f('only.txt')]).problems[0]!.message).toMatch(/no annotation files among the files chosen/);
  });
});
