/** The colours code needs to know (the rest live in app.css as variables). */

export type Theme = 'light' | 'dark';

/**
 * The reading surface and its text per theme — the same values as --paper and --ink in app.css
 * (a unit test holds them equal), here because the highlight tints are built from them.
 */
export const READING: Record<Theme, { paper: string; ink: string }> = {
  light: { paper: '#fbfaf7', ink: '#1f1d1a' },
  dark: { paper: '#1c1b19', ink: '#e9e5dd' },
};

/**
 * How a label's colour tints its text, per nesting level: alpha = base + level × step, of the label
 * colour scaled towards black by `shade`. Tints of nested spans add up, so the deepest stack must
 * still leave the ink readable: on dark paper the ink is light, so the tint is a darker shade of
 * the label colour (the hue stays, the brightness that would wash out light text does not).
 */
export const TINT: Record<Theme, { base: number; step: number; shade: number }> = {
  light: { base: 0.2, step: 0.03, shade: 1 },
  dark: { base: 0.3, step: 0.05, shade: 0.55 },
};

/** The tint for a label's text at this nesting level: an rgb colour and its alpha. */
export function labelTint(hex: string, level: number, theme: Theme): { rgb: [number, number, number]; alpha: number } {
  const { base, step, shade } = TINT[theme];
  const n = Number.parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.round(c * shade)) as [number, number, number];
  return { rgb, alpha: Math.round((base + level * step) * 1000) / 1000 };
}

/** The editor's own highlights (selection, linked span, find hits), per theme. */
export const SPECIAL_TINTS: Record<Theme, { selected: string; linked: string; find: string; findCurrent: string; findCurrentInk: string }> = {
  light: {
    selected: 'rgba(31, 29, 26, 0.16)',
    linked: 'rgba(47, 93, 138, 0.14)',
    find: 'rgba(255, 213, 0, 0.55)',
    findCurrent: 'rgba(255, 140, 0, 0.85)',
    findCurrentInk: '#000',
  },
  dark: {
    selected: 'rgba(0, 0, 0, 0.3)',
    linked: 'rgba(139, 184, 230, 0.18)',
    find: 'rgba(255, 213, 0, 0.3)',
    findCurrent: 'rgba(255, 140, 0, 0.85)',
    findCurrentInk: '#000',
  },
};
