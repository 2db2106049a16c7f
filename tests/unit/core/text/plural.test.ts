import { describe, expect, it } from 'vitest';
import { counted } from '../../../../src/core/text/plural';
import { describeEdit } from '../../../../src/core/edits/history';

describe('counted', () => {
  it('uses the singular for exactly one, the plural for every other count', () => {
    expect(counted(1, 'article')).toBe('1 article');
    expect(counted(0, 'article')).toBe('0 articles');
    expect(counted(2, 'file')).toBe('2 files');
    expect(counted(1, 'query', 'queries')).toBe('1 query');
    expect(counted(3, 'query', 'queries')).toBe('3 queries');
  });
});

describe('counts in the undo history say one annotation, not one annotations', () => {
  it('names a batch of one link and two annotations in the right number', () => {
    const a = (id: string) => ({ id }) as never;
    const text = describeEdit({ kind: 'doc', articleId: 'x', command: { op: 'insert', annotations: [a('1'), a('2')], relations: [a('r')] } });
    expect(text).toBe('new 2 annotations and 1 link');
  });
});
