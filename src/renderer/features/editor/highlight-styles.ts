import type { LabelSchema } from '../../../core/model/label-schema';
import { labelTint, SPECIAL_TINTS, type Theme } from '../../styles/palette';

/**
 * The colours of the highlights, built from the label schema. The page's Content-Security-Policy
 * forbids inline <style>, so the rules live in a constructed stylesheet adopted by the document.
 *
 * Nesting shows two ways at once: tints of overlapping spans add up (nested text is darker and
 * mixes the two colours), and every span below the outermost gets a bar under it in its label's
 * colour, one step lower per level (see nest-bars.ts) — so an actor inside a quote inside a claim
 * stays readable, and colour is not the only cue. The highlights themselves carry no
 * text-decoration: in Chromium that made every change of the registered ranges costly.
 */

/** Nesting levels beyond this are drawn like this one. */
export const MAX_LEVEL = 3;

export function highlightName(labelIndex: number, level: number): string {
  return `lede-${labelIndex}-${Math.min(level, MAX_LEVEL)}`;
}

/** Deeper levels paint above shallower ones; special highlights (selection, find) above all. */
export function layerPriority(name: string): number {
  const level = Number(name.split('-')[2] ?? 0);
  return Number.isFinite(level) ? level : 0;
}

export const SELECTED_HIGHLIGHT = 'lede-selected';
export const LINKED_HIGHLIGHT = 'lede-linked';
export const FIND_HIGHLIGHT = 'lede-find';
export const FIND_CURRENT_HIGHLIGHT = 'lede-find-current';
/** Suggestions (issue 16): a pale hatch-like tint of their own, never a label's colour. */
export const SUGGESTED_HIGHLIGHT = 'lede-suggested';
export const SUGGESTED_CURRENT_HIGHLIGHT = 'lede-suggested-current';

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function highlightRules(schema: LabelSchema): string[] {
  return [...themeRules(schema, 'light', ''), ...themeRules(schema, 'dark', ":root[data-theme='dark'] ")];
}

/** One theme's colours; the dark ones are scoped to the root's data-theme (features/settings/theme.ts). */
function themeRules(schema: LabelSchema, theme: Theme, scope: string): string[] {
  const special = SPECIAL_TINTS[theme];
  const rules: string[] = [];
  schema.labels.forEach((label, i) => {
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const { rgb, alpha } = labelTint(label.color, level, theme);
      rules.push(`${scope}::highlight(${highlightName(i, level)}) { background-color: rgba(${rgb.join(', ')}, ${alpha}); }`);
    }
  });
  rules.push(`${scope}::highlight(${SELECTED_HIGHLIGHT}) { background-color: ${special.selected}; }`);
  rules.push(`${scope}::highlight(${LINKED_HIGHLIGHT}) { background-color: ${special.linked}; }`);
  rules.push(
    `${scope}::highlight(${SUGGESTED_HIGHLIGHT}) { background-color: ${theme === 'dark' ? 'rgba(160, 160, 255, 0.16)' : 'rgba(90, 90, 200, 0.10)'}; text-decoration: underline dashed ${theme === 'dark' ? '#9a9aff' : '#6a6ad0'}; }`,
  );
  rules.push(
    `${scope}::highlight(${SUGGESTED_CURRENT_HIGHLIGHT}) { background-color: ${theme === 'dark' ? 'rgba(160, 160, 255, 0.34)' : 'rgba(90, 90, 200, 0.26)'}; text-decoration: underline dashed ${theme === 'dark' ? '#c0c0ff' : '#3a3aa0'}; }`,
  );
  rules.push(`${scope}::highlight(${FIND_HIGHLIGHT}) { background-color: ${special.find}; }`);
  rules.push(`${scope}::highlight(${FIND_CURRENT_HIGHLIGHT}) { background-color: ${special.findCurrent}; color: ${special.findCurrentInk}; }`);
  return rules;
}

let sheet: CSSStyleSheet | null = null;

/** Installs (or replaces) the highlight rules for this schema. */
export function applyHighlightStyles(schema: LabelSchema): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(highlightRules(schema).join('\n'));
}

/** A label's colour as a translucent tint, for swatches and overlays. */
export function tint(hex: string, alpha: number): string {
  return rgba(hex, alpha);
}
