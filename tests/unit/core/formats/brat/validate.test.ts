import { describe, expect, it } from 'vitest';
import { validateBrat } from '../../../../../src/core/formats/brat';
import { validateFormat } from '../../../../../src/core/formats';

describe('validateBrat', () => {
  it('lists every problem of a file, each located, without stopping at the first', () => {
    const txt = 'Ada met Bob in 😀 Paris.';
    const ann = [
      'T1\tPerson 0 3\tAda',
      'T1\tPerson 8 11\tBob', // duplicate id
      'T3\tGPE 17 22\tParis', // code points: Paris is 17–22, fine
      'T4\tGPE 18 23\tParis', // text does not match
      'T5 GPE 0 3 Ada', // no tabs
      'Tx\tGPE 0 3\tAda', // malformed id
      'T6\tGPE 20 99\tx', // out of range
      'R1\tMeets Arg1:T1 Arg2:T9\t', // unresolved
      'E1\tMeet:R1 Who:T1', // malformed trigger
      'A1\tNeg T7', // unresolved
      '#1\tAnnotatorNotes T3\tok',
      '',
    ].join('\n');
    const problems = validateBrat({ txt, ann, file: 'x.ann' });
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'id'],
      [4, 'text'],
      [5, 'id'],
      [6, 'id'],
      [7, 'offsets'],
      [8, 'arguments'],
      [9, 'trigger'],
      [10, 'target'],
    ]);
    expect(problems.every((p) => p.file === 'x.ann')).toBe(true);
  });

  it('accepts a valid file, and validateFormat reports a JSON file’s problems the same way', () => {
    expect(validateBrat({ txt: 'Ada', ann: 'T1\tPerson 0 3\tAda\nA1\tFlag T1\n' })).toEqual([]);
    expect(validateFormat('jsonl', '{"text":"ab","label":[[0,5,"X"]]}\n', { file: 'a.jsonl' })).toEqual([
      expect.objectContaining({ file: 'a.jsonl', line: 1, field: 'label[0]' }),
    ]);
    expect(validateFormat('w3c', '\uFEFF{"type":"Annotation","target":"http://x"}')).toEqual([]);
  });
});
