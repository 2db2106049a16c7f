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

/** The CSS background of a 2 px nesting bar in this colour and the label's line style. */
export function barBackground(color: string, labelIndex: number): string {
  switch (lineStyleOf(labelIndex)) {
    case 'solid':
      return color;
    case 'dashed':
      return `repeating-linear-gradient(90deg, ${color} 0 6px, transparent 6px 9px)`;
    case 'dotted':
      return `repeating-linear-gradient(90deg, ${color} 0 2px, transparent 2px 4px)`;
    case 'double':
      // Dash-dot: a bar is too thin for two lines.
      return `repeating-linear-gradient(90deg, ${color} 0 7px, transparent 7px 9px, ${color} 9px 11px, transparent 11px 13px)`;
  }
}
