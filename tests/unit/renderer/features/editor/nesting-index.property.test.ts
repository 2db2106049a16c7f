import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../src/core/model/annotation';
import { nestingLevels } from '../../../../../src/core/text/span-layout';
import { NestingIndex } from '../../../../../src/renderer/features/editor/nesting-index';
import { annotation, edit, step } from './edit-sequences';

/** The nesting levels kept up to date edit by edit must be core's nestingLevels on the same list. */
describe('NestingIndex', () => {
  it('updated edit by edit equals nestingLevels computed afresh', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (steps, checkpoint) => {
        const index = new NestingIndex(checkpoint);
        let list: readonly Annotation[] = [];
        for (const s of steps) {
          list = edit(list, s);
          const levels = index.update(list);
          expect(new Map(levels)).toEqual(nestingLevels(list));
          for (const a of list) expect(index.levelOf(a.id)).toBe(nestingLevels(list).get(a.id));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on a long list, a change far from the end keeps the levels after it (and re-sweeps past a checkpoint)', () => {
    // A chain of crossing spans: every level depends on the one before, so a change at the start
    // reaches the end, and one that does not change any level stops at the next checkpoint.
    const chain = Array.from({ length: 500 }, (_, i) => annotation(`c${String(i).padStart(3, '0')}`, [{ start: i * 10, end: i * 10 + 15 }]));
    const index = new NestingIndex(16);
    index.update(chain);
    const cut = [...chain.slice(0, 100), annotation('c100', [{ start: 1000, end: 1004 }]), ...chain.slice(101)];
    expect(new Map(index.update(cut))).toEqual(nestingLevels(cut));
    const back = [...cut.slice(0, 100), chain[100]!, ...cut.slice(101)];
    expect(new Map(index.update(back))).toEqual(nestingLevels(back));
    const tagged = [...back.slice(0, 300), annotation('t', [{ start: 3001, end: 3002 }]), ...back.slice(300)];
    expect(new Map(index.update(tagged))).toEqual(nestingLevels(tagged));
  });
});
