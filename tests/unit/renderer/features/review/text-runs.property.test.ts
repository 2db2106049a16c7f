import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../../../src/core/text/paragraphs';
import { marksByParagraph, runsOf, type Mark } from '../../../../../src/renderer/features/review/text-runs';

/** A text of short paragraphs (some blank) and marks anywhere in it, across paragraph breaks too. */
const textAndMarks = fc
  .array(fc.stringMatching(/^[a-z ]{0,12}$/), { minLength: 1, maxLength: 12 })
  .map((lines) => lines.join('\n'))
  .filter((text) => text.length > 0)
  .chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc
          .tuple(fc.nat({ max: text.length }), fc.integer({ min: 1, max: 20 }), fc.constantFrom<Mark['side']>('a', 'b', 'r'))
          .map(([start, length, side]) => ({ start, end: start + length, side })),
        { maxLength: 30 },
      ),
    ),
  );

describe('marksByParagraph', () => {
  it('gives each paragraph the marks that overlap it, so its runs are those of all the marks', () => {
    fc.assert(
      fc.property(textAndMarks, ([text, marks]) => {
        const paragraphs = paragraphsOf(text);
        const buckets = marksByParagraph(paragraphs, marks);
        paragraphs.forEach((p, i) => {
          const end = p.start + p.text.length;
          expect(buckets[i]).toEqual(marks.filter((m) => m.start < end && m.end > p.start));
          expect(runsOf(p, buckets[i]!)).toEqual(runsOf(p, marks));
        });
      }),
    );
  });

  it('keeps the array of every paragraph whose marks did not change, and only those', () => {
    fc.assert(
      fc.property(textAndMarks, fc.nat(), ([text, marks], pick) => {
        const paragraphs = paragraphsOf(text);
        const before = marksByParagraph(paragraphs, marks);
        const dropped = marks.filter((_, i) => marks.length === 0 || i !== pick % marks.length);
        const after = marksByParagraph(paragraphs, dropped, before);
        after.forEach((bucket, i) => {
          const same = bucket.length === before[i]!.length && bucket.every((m, k) => m === before[i]![k]);
          expect(bucket === before[i]).toBe(same);
        });
      }),
    );
  });
});
