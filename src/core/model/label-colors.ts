import { parseHex } from './contrast';

/**
 * Colours for new labels that stay far from the labels a schema already has, compared in OKLab
 * (a perceptual space: equal distances look about equally different, unlike RGB or HSL hue).
 * Candidates go round the OKLCH hue circle at one lightness and chroma that suit a highlight
 * tint; the one whose nearest existing colour is farthest wins. The analyst can still pick any
 * colour in Settings.
 */

type Lab = readonly [number, number, number];

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

export function hexToOklab(hex: string): Lab {
  const [r, g, b] = parseHex(hex).map((v) => toLinear(v / 255)) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** Linear sRGB of an OKLab colour (may fall outside 0..1 when it is out of gamut). */
function oklabToLinear([L, a, b]: Lab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/** OKLCH to hex, lowering chroma until the colour fits in sRGB (so hue and lightness are kept). */
export function oklchToHex(L: number, C: number, hueDegrees: number): string {
  const h = (hueDegrees * Math.PI) / 180;
  for (let c = C; c >= 0; c -= 0.005) {
    const rgb = oklabToLinear([L, c * Math.cos(h), c * Math.sin(h)]);
    if (rgb.every((v) => v >= -1e-6 && v <= 1 + 1e-6) || c < 0.005) {
      return `#${rgb
        .map((v) =>
          Math.round(Math.min(1, Math.max(0, fromLinear(Math.min(1, Math.max(0, v))))) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`;
    }
  }
  return '#808080';
}

/** Perceptual distance of two colours (Euclidean in OKLab; about 0.02 is just noticeable). */
export function colorDistance(a: string, b: string): number {
  const [x, y] = [hexToOklab(a), hexToOklab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

const LIGHTNESS = 0.64;
const CHROMA = 0.14;
const CANDIDATES = Array.from({ length: 72 }, (_, i) => oklchToHex(LIGHTNESS, CHROMA, i * 5 + 20));

/** The candidate colour farthest (by its nearest neighbour) from every colour in `existing`. */
export function distinctColor(existing: readonly string[]): string {
  let best = CANDIDATES[0]!;
  let bestDistance = -1;
  for (const candidate of CANDIDATES) {
    const nearest = existing.reduce((d, c) => Math.min(d, colorDistance(candidate, c)), Infinity);
    if (nearest > bestDistance + 1e-9) {
      best = candidate;
      bestDistance = nearest;
    }
  }
  return best;
}
