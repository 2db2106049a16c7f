import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charStep, isWhitespaceAt, isWordAt, snapRange, tidySelection, trimRange, wordAround, wordStep } from '../../../../src/core/text/words';
import { splitsSurrogatePair } from '../../../../src/core/text/offsets';

const SEED = readFileSync(resolve(__dirname, '../../../../seeds/000_d052c3cef2812ef5.txt'), 'utf8');

/** Text built from words, punctuation, emoji and whitespace of every kind, like news copy. */
const textArb = fc
  .array(fc.constantFrom('Putin', 'Zelenskyy', 'co-operate', '3.5', '1,200', 'don’t', '“', '”', ',', '.', ' ', '  ', '\n', '\t', 'é', '😀', 'x'), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

const rangeArb = (text: string) => fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => ({ start: a, end: b }));

function within(text: string, r: { start: number; end: number }) {
  expect(r.start).toBeGreaterThanOrEqual(0);
  expect(r.end).toBeLessThanOrEqual(text.length);
  expect(r.start).toBeLessThanOrEqual(r.end);
  expect(splitsSurrogatePair(text, r.start)).toBe(false);
  expect(splitsSurrogatePair(text, r.end)).toBe(false);
}

describe('tidying a selection', () => {
  it('snaps a sloppy mouse selection in a seed article to whole words and trims the edges', () => {
    const start = SEED.indexOf('Volodymyr');
    const sloppy = { start: start + 3, end: start + 'Volodymyr Zelen'.length };
    const tidy = tidySelection(SEED, sloppy, true)!;
    expect(SEED.slice(tidy.start, tidy.end)).toBe('Volodymyr Zelenskyy');
    const spaced = { start: start - 1, end: start + 'Volodymyr '.length };
    expect(SEED.slice(...Object.values(tidySelection(SEED, spaced, false)!))).toBe('Volodymyr');
  });

  it('keeps the selection as it is when snapping is off, apart from trimming', () => {
    const start = SEED.indexOf('Putin');
    const tidy = tidySelection(SEED, { start: start + 1, end: start + 3 }, false)!;
    expect(SEED.slice(tidy.start, tidy.end)).toBe('ut');
  });

  it('stops at an apostrophe (so "Trump" in "Trump’s" can be an actor) but keeps hyphens and numbers whole', () => {
    const text = 'Russia’s co-operate 3.5 million';
    const cut = (a: string, len: number) => {
      const s = text.indexOf(a);
      const r = tidySelection(text, { start: s, end: s + len }, true)!;
      return text.slice(r.start, r.end);
    };
    expect(cut('Russia', 3)).toBe('Russia');
    expect(cut('co-op', 2)).toBe('co-operate');
    expect(cut('3.5', 1)).toBe('3.5');
  });

  it('gives nothing for a whitespace-only selection', () => {
    expect(tidySelection('a  \n b', { start: 1, end: 5 }, true)).toBeNull();
  });

  it('never leaves the text, never splits an emoji, and never has whitespace at an edge', () => {
    fc.assert(
      fc.property(
        textArb.chain((t) => fc.tuple(fc.constant(t), rangeArb(t), fc.boolean())),
        ([text, range, snap]) => {
          const tidy = tidySelection(text, range, snap);
          if (tidy === null) {
            const lo = Math.min(range.start, range.end);
            const hi = Math.max(range.start, range.end);
            expect(text.slice(lo, hi).trim()).toBe('');
            return;
          }
          within(text, tidy);
          expect(tidy.end).toBeGreaterThan(tidy.start);
          expect(isWhitespaceAt(text, tidy.start)).toBe(false);
          expect(isWhitespaceAt(text, tidy.end - 1)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('snapping only widens, ends on word edges, adds no whitespace, and is idempotent', () => {
    fc.assert(
      fc.property(
        textArb.chain((t) => fc.tuple(fc.constant(t), rangeArb(t))),
        ([text, range]) => {
          const trimmed = trimRange(text, range);
          if (trimmed.start === trimmed.end) return;
          const snapped = snapRange(text, trimmed);
          within(text, snapped);
          expect(snapped.start).toBeLessThanOrEqual(trimmed.start);
          expect(snapped.end).toBeGreaterThanOrEqual(trimmed.end);
          const added = text.slice(snapped.start, trimmed.start) + text.slice(trimmed.end, snapped.end);
          expect(/\s/u.test(added)).toBe(false);
          if (snapped.start > 0) expect(isWordAt(text, snapped.start) && isWordAt(text, snapped.start - 1)).toBe(false);
          if (snapped.end < text.length) expect(isWordAt(text, snapped.end) && isWordAt(text, snapped.end - 1)).toBe(false);
          expect(snapRange(text, snapped)).toEqual(snapped);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('caret steps', () => {
  it('word steps go to the end of the next word and back to its start', () => {
    const text = 'Trump told reporters.';
    expect(wordStep(text, 0, 1)).toBe(5);
    expect(wordStep(text, 5, 1)).toBe(10);
    expect(wordStep(text, 10, -1)).toBe(6);
    expect(wordStep(text, text.length, -1)).toBe(11);
    expect(wordAround(text, 7)).toEqual({ start: 6, end: 10 });
  });

  it('word and character steps stay in the text, move the way they say and never split an emoji', () => {
    fc.assert(
      fc.property(
        textArb.chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length), fc.constantFrom<1 | -1>(1, -1))),
        ([text, at, dir]) => {
          const offset = splitsSurrogatePair(text, at) ? at - 1 : at;
          for (const next of [wordStep(text, offset, dir), charStep(text, offset, dir)]) {
            expect(next).toBeGreaterThanOrEqual(0);
            expect(next).toBeLessThanOrEqual(text.length);
            expect(splitsSurrogatePair(text, next)).toBe(false);
            if (dir === 1) expect(next).toBeGreaterThanOrEqual(offset);
            else expect(next).toBeLessThanOrEqual(offset);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
