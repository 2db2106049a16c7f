import type { Fragment } from '../model/annotation';

/** How many characters of context are kept on each side of an annotation for re-anchoring. */
export const CONTEXT_LENGTH = 32;

export interface TextSelectors {
  /** The text from the first fragment's start to the last fragment's end. */
  quote: string;
  prefix: string;
  suffix: string;
}

/** The quote/prefix/suffix selectors that are stored beside an annotation's offsets. */
export function selectorsFor(text: string, fragments: readonly Fragment[]): TextSelectors {
  const start = fragments[0]?.start ?? 0;
  const end = fragments[fragments.length - 1]?.end ?? start;
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}
