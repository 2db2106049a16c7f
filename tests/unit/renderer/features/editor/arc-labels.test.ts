import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalLabelPoint, placeArcLabels } from '../../../../../src/renderer/features/editor/arc-labels';
import type { Box } from '../../../../../src/renderer/features/editor/geometry';

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** A column of paragraphs as the editor lays them out: 18px text on 30.6px lines, 0.9em between paragraphs. */
function column(lengths: readonly number[][], width = 640): Box[] {
  const lines: Box[] = [];
  let y = 0;
  for (const paragraph of lengths) {
    for (const fraction of paragraph) {
      lines.push({ left: 0, top: y + 5, width: Math.round(width * fraction), height: 21 });
      y += 30.6;
    }
    y += 16;
  }
  return lines;
}

describe('arc labels', () => {
  it('a label over full lines goes to the paragraph gap or the empty end of a short line, never onto text', () => {
    const lines = column([
      [1, 1, 1, 0.3],
      [1, 1, 1],
    ]);
    const [box] = placeArcLabels([{ from: { x: 100, y: 5 + 30.6 * 5 + 16 }, to: { x: 400, y: 5 + 30.6 * 6 + 16 }, width: 60, height: 14 }], lines, 640);
    expect(lines.some((l) => overlaps(l, box!))).toBe(false);
  });

  it('with the natural spot free (above the first line), the label takes it', () => {
    const lines = column([[1, 0.5]]);
    const from = { x: 100, y: 5 };
    const to = { x: 300, y: 5 };
    const [box] = placeArcLabels([{ from, to, width: 50, height: 14 }], lines, 640, { freeAbove: -100 });
    const want = naturalLabelPoint(from, to);
    expect(box!.left + 25).toBeCloseTo(want.x);
    expect(box!.top + 7).toBeCloseTo(want.y);
    // Only as high as the header allows: with 10px above the first line, the label goes elsewhere.
    const [low] = placeArcLabels([{ from, to, width: 50, height: 14 }], lines, 640, { freeAbove: -5 });
    expect(low!.top).toBeGreaterThanOrEqual(-5);
    expect(lines.some((l) => overlaps(l, low!))).toBe(false);
  });

  it('any column and any arcs: no label covers a line or another label', () => {
    const paragraph = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 });
    const point = fc.record({ x: fc.integer({ min: 0, max: 640 }), y: fc.integer({ min: 0, max: 800 }) });
    const arc = fc.record({ from: point, to: point, width: fc.integer({ min: 20, max: 140 }), height: fc.constant(14) });
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 2, maxLength: 6 }), fc.array(arc, { minLength: 1, maxLength: 8 }), (paragraphs, arcs) => {
        const lines = column(paragraphs);
        const boxes = placeArcLabels(arcs, lines, 640);
        boxes.forEach((b, i) => {
          expect(lines.some((l) => overlaps(l, b))).toBe(false);
          expect(boxes.some((o, j) => j !== i && overlaps(o, b))).toBe(false);
          expect(b.left).toBeGreaterThanOrEqual(0);
          expect(b.left + b.width).toBeLessThanOrEqual(640);
        });
      }),
    );
  });
});
