/**
 * CoNLL's tokens as they were found before most were read from the character codes (issue 12):
 * every match of the regular expression, over the whole text. The oracle for
 * conll/tokenize.test.ts.
 */
import { TOKEN } from '../../../../../src/core/formats/conll/serialize';

/** start, end, start, end, … of every match of TOKEN in `text`, as tokenSpans gives them. */
export function referenceTokenSpans(text: string): number[] {
  return [...text.matchAll(new RegExp(TOKEN.source, TOKEN.flags))].flatMap((m) => [m.index, m.index + m[0].length]);
}
