import type { MeanSd } from '../../../core/agreement/statistics';
import { formatFigure } from '../../../core/agreement/format';
import type { AgreementFigure } from '../../../core/api';
import { useAgreement } from '../../state/review-agreement';

/**
 * Charts are hand-written SVG and CSS, not a chart library: the panel needs horizontal bars on a
 * fixed 0–1 scale (kappa and alpha can dip below 0: the bar then starts at the zero line and
 * points left) and a small coloured grid. chart.js or recharts would add 60–150 kB to the
 * renderer for that, draw on canvas (no buttons to click or read with a screen reader), and
 * still need the click-through wiring written here.
 */
const WIDTH = 120;
const HEIGHT = 12;
/** The scale runs from −0.25 (room for negative kappas) to 1. */
const MIN = -0.25;

function x(value: number): number {
  return ((Math.max(MIN, Math.min(1, value)) - MIN) / (1 - MIN)) * WIDTH;
}

interface FigureBarProps {
  value: MeanSd | number | null;
  title: string;
  /** What clicking lists the disagreements of, and the heading of that list (the title unless given). */
  figure: AgreementFigure;
  list?: string;
  /** Done too when the figure is chosen (the mean kappa also points the heatmap at its label). */
  onChoose?(): void;
}

/**
 * A figure as a button: the value (or n/a), a bar for it and, for means over pairs, a whisker of ±
 * one SD. Pressed while its disagreements are the ones listed, so the analyst sees which figure
 * the list below belongs to.
 */
export function FigureBar({ value, title, figure, list = title, onChoose }: FigureBarProps) {
  const showFigure = useAgreement((s) => s.showFigure);
  const chosen = useAgreement((s) => s.figure !== null && s.figure.title === list && sameFigure(s.figure.figure, figure));
  const mean = typeof value === 'number' || value === null ? value : value.mean;
  const sd = typeof value === 'object' && value !== null ? value.sd : null;
  const text = formatFigure(mean);
  return (
    <button
      type="button"
      className="figure"
      aria-pressed={chosen}
      onClick={() => {
        onChoose?.();
        void showFigure(figure, list);
      }}
      title={`${title}: ${text}${sd !== null ? ` ± ${formatFigure(sd)}` : ''} — click for the disagreements behind it`}
    >
      <svg width={WIDTH} height={HEIGHT} aria-hidden="true" className="figure-bar">
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="bar-track" />
        <line x1={x(0)} x2={x(0)} y1={0} y2={HEIGHT} className="bar-zero" />
        {mean !== null && <rect x={Math.min(x(0), x(mean))} y={2} width={Math.abs(x(mean) - x(0))} height={HEIGHT - 4} className="bar-value" />}
        {mean !== null && sd !== null && sd > 0 && <line x1={x(mean - sd)} x2={x(mean + sd)} y1={HEIGHT / 2} y2={HEIGHT / 2} className="bar-sd" />}
      </svg>
      <span className={mean === null ? 'figure-value na' : 'figure-value'}>{text}</span>
    </button>
  );
}

function sameFigure(a: AgreementFigure, b: AgreementFigure): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A heatmap cell's colours: pale for low agreement, deep for high, the track colour for n/a. The
 * cell is a fixed hue in both themes, so its text picks dark or white ink by the cell's lightness.
 */
export function heatColor(value: number | null): { background: string; color: string } {
  if (value === null) return { background: 'var(--bar-track)', color: 'var(--muted)' };
  const t = Math.max(0, Math.min(1, value));
  const light = 94 - t * 52;
  return { background: `hsl(208 52% ${light}%)`, color: light > 50 ? '#1f1d1a' : '#fff' };
}
