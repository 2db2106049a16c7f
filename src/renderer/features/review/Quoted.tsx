/** Opening and closing quotation marks a quoted passage may already carry (English, German, French, Japanese). */
const OPENING = /^["'“‘„‚«‹「『]/;
const CLOSING = /["'”’“‘»›」』]$/;

/**
 * A passage of the article shown in quotation marks — unless the passage is itself a quotation
 * that brings its own marks (a Quote span usually does), where <q>'s marks would double them.
 */
export function Quoted({ text, className }: { text: string; className?: string }) {
  const own = OPENING.test(text) && CLOSING.test(text.trimEnd());
  return <q className={`${className ?? ''}${own ? ' own-marks' : ''}`.trim() || undefined}>{text}</q>;
}
