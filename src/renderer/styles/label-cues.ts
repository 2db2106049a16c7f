/**
 * The cue besides colour that tells labels apart (for analysts who do not see the difference
 * between two hues): each label, by its place in the schema, draws its nesting bars and its
 * selection frame in its own line style, and the selected span carries a tag with the label's
 * name. Plain CSS values, so the painter stays plain DOM.
 */
export const LINE_STYLES = ['solid', 'dashed', 'dotted', 'double'] as const;
export type LineStyle = (typeof LINE_STYLES)[number];

export function lineStyleOf(labelIndex: number): LineStyle {
  return LINE_STYLES[((labelIndex % LINE_STYLES.length) + LINE_STYLES.length) % LINE_STYLES.length]!;
}

/**
 * The dash pattern of a 2 px nesting bar in the label's line style, as lengths on and off (as an SVG stroke-dasharray)
 * ('' is solid): dashes of 6 px, dots of 2 px, and dash-dot for double (a bar is too thin for two lines).
 */
export function barDash(labelIndex: number): string {
  switch (lineStyleOf(labelIndex)) {
    case 'solid':
      return '';
    case 'dashed':
      return '6 3';
    case 'dotted':
      return '2 2';
    case 'double':
      return '7 2 2 2';
  }
}
