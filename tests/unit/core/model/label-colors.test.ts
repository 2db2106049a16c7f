import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { colorDistance, distinctColor, hexToOklab, oklchToHex } from '../../../../src/core/model/label-colors';
import { DEFAULT_LABEL_SCHEMA, generatedColor } from '../../../../src/core/model/label-schema';
import { addLabel } from '../../../../src/core/edits/schema-edits';

const defaults = DEFAULT_LABEL_SCHEMA.labels.map((l) => l.color);

describe('label colours compared in a perceptual space', () => {
  it('converts sRGB to OKLab as the reference values have it', () => {
    expect(hexToOklab('#ffffff')[0]).toBeCloseTo(1, 3);
    expect(hexToOklab('#000000')[0]).toBeCloseTo(0, 3);
    const red = hexToOklab('#ff0000');
    expect(red[0]).toBeCloseTo(0.628, 2);
    expect(red[1]).toBeCloseTo(0.225, 2);
    expect(red[2]).toBeCloseTo(0.126, 2);
    expect(colorDistance('#4f8fd8', '#4f8fd8')).toBe(0);
  });

  it('round-trips OKLCH through hex within rounding', () => {
    const hex = oklchToHex(0.64, 0.1, 250);
    const [L, a, b] = hexToOklab(hex);
    expect(L).toBeCloseTo(0.64, 2);
    expect(Math.abs((((Math.atan2(b, a) * 180) / Math.PI + 360) % 360) - 250)).toBeLessThan(1);
  });

  it('gives a new label a colour far from the defaults — farther than the old golden-angle hue step did', () => {
    const nearestTo = (c: string) => Math.min(...defaults.map((d) => colorDistance(c, d)));
    expect(nearestTo(distinctColor(defaults))).toBeGreaterThan(0.1);
    expect(nearestTo(distinctColor(defaults))).toBeGreaterThan(nearestTo(generatedColor(defaults.length)));
  });

  it('keeps adding labels well apart: each new colour is the farthest candidate from every earlier one', () => {
    const colors = [...defaults];
    for (let i = 0; i < 6; i++) colors.push(distinctColor(colors));
    const added = colors.slice(defaults.length);
    for (const [i, c] of added.entries()) {
      const earlier = colors.slice(0, defaults.length + i);
      expect(Math.min(...earlier.map((e) => colorDistance(c, e)))).toBeGreaterThan(0.05);
    }
    expect(new Set(colors).size).toBe(colors.length);
  });

  it('never returns a colour already taken, whatever the existing colours (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
          { maxLength: 12 },
        ),
        (existing) => {
          const fresh = distinctColor(existing);
          expect(fresh).toMatch(/^#[0-9a-f]{6}$/);
          for (const c of existing) expect(colorDistance(fresh, c)).toBeGreaterThan(0.01);
        },
      ),
    );
  });

  it('is what a label added in Settings gets, and the analyst can still choose one', () => {
    const made = addLabel(DEFAULT_LABEL_SCHEMA, { name: 'Frame' });
    if (!made.ok) throw new Error('addLabel');
    expect(made.value.label.color).toBe(distinctColor(defaults));
    const chosen = addLabel(DEFAULT_LABEL_SCHEMA, { name: 'Frame', color: '#4f8fd9' });
    expect(chosen.ok && chosen.value.label.color).toBe('#4f8fd9');
  });
});
