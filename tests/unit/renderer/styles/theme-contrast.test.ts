import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blend, contrastRatio, parseHex, type Rgb } from '../../../../src/core/model/contrast';
import { DEFAULT_LABEL_SCHEMA, generatedColor } from '../../../../src/core/model/label-schema';
import { distinctColor } from '../../../../src/core/model/label-colors';
import { MAX_LEVEL } from '../../../../src/renderer/features/editor/highlight-styles';
import { labelTint, READING, SPECIAL_TINTS, type Theme } from '../../../../src/renderer/styles/palette';

const THEMES: Theme[] = ['light', 'dark'];
const BODY_TEXT = 4.5;
const rgbaOf = (css: string): [Rgb, number] => {
  const [r, g, b, a] = css.match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
  return [[r, g, b], a];
};

/** The background under text covered by these tints, painted in this order over the paper. */
function painted(theme: Theme, layers: [color: string, level: number][], extra: string[] = []): Rgb {
  let bg = parseHex(READING[theme].paper);
  for (const [color, level] of layers) {
    const { rgb, alpha } = labelTint(color, level, theme);
    bg = blend(rgb, alpha, bg);
  }
  for (const css of extra) bg = blend(...rgbaOf(css), bg);
  return bg;
}

const labels = DEFAULT_LABEL_SCHEMA.labels.map((l) => [l.name, l.color] as const);
const distinct = DEFAULT_LABEL_SCHEMA.labels.map((l) => l.color);
for (let i = 0; i < 8; i++) distinct.push(distinctColor(distinct));
const imported = [
  ...Array.from({ length: 12 }, (_, i) => [`generated ${i}`, generatedColor(i)] as const),
  ...distinct.slice(DEFAULT_LABEL_SCHEMA.labels.length).map((c, i) => [`new label ${i}`, c] as const),
];

describe('text on highlight tints keeps WCAG body-text contrast', () => {
  for (const theme of THEMES) {
    const ink = parseHex(READING[theme].ink);
    describe(theme, () => {
      it.each([...labels, ...imported])('%s at every nesting level, alone and deepest-nested in itself', (_name, color) => {
        for (let level = 0; level <= MAX_LEVEL; level++) {
          expect(contrastRatio(ink, painted(theme, [[color, level]]))).toBeGreaterThanOrEqual(BODY_TEXT);
        }
        const stack = Array.from({ length: MAX_LEVEL + 1 }, (_, level) => [color, level] as [string, number]);
        expect(contrastRatio(ink, painted(theme, stack))).toBeGreaterThanOrEqual(BODY_TEXT);
      });

      it('every default label nested in every other, also selected or linked', () => {
        for (const [, outer] of labels) {
          for (const [, inner] of labels) {
            for (const extra of [[], [SPECIAL_TINTS[theme].selected], [SPECIAL_TINTS[theme].linked]]) {
              const ratio = contrastRatio(
                ink,
                painted(
                  theme,
                  [
                    [outer, 0],
                    [inner, 1],
                  ],
                  extra,
                ),
              );
              expect(ratio, `${outer} ⊃ ${inner} ${extra.join()}`).toBeGreaterThanOrEqual(BODY_TEXT);
            }
          }
        }
      });

      it('find hits: ink on a hit, and the current hit with its own ink', () => {
        expect(contrastRatio(ink, painted(theme, [], [SPECIAL_TINTS[theme].find]))).toBeGreaterThanOrEqual(BODY_TEXT);
        const current = painted(theme, [], [SPECIAL_TINTS[theme].findCurrent]);
        const currentInk = SPECIAL_TINTS[theme].findCurrentInk === '#000' ? ([0, 0, 0] as Rgb) : parseHex(SPECIAL_TINTS[theme].findCurrentInk);
        expect(contrastRatio(currentInk, current)).toBeGreaterThanOrEqual(BODY_TEXT);
      });
    });
  }

  it('the palette the tints are computed on is the one app.css paints', () => {
    const css = readFileSync('src/renderer/styles/app.css', 'utf8');
    const light = css.slice(css.indexOf(':root {'), css.indexOf(":root[data-theme='dark']"));
    const dark = css.slice(css.indexOf(":root[data-theme='dark']"));
    for (const [theme, block] of [
      ['light', light],
      ['dark', dark],
    ] as const) {
      expect(block).toContain(`--paper: ${READING[theme].paper};`);
      expect(block).toContain(`--ink: ${READING[theme].ink};`);
    }
  });

  it('the contrast formula gives the WCAG reference figures', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#777777'), [255, 255, 255])).toBeCloseTo(4.48, 2);
    expect(contrastRatio([10, 20, 30], [10, 20, 30])).toBe(1);
  });
});
