/**
 * CoNLL's tokenizer as it was before most tokens were read from the character codes (issue 12):
 * every token found by the regular expression, over the whole text. The oracle for
 * conll/tokenize.test.ts and for the reference serializer (./conll.ts).
 */
import type { Token } from '../../../../../src/core/formats/conll/serialize';

const TOKEN =
  /\p{RI}\p{RI}|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)*)*|[\p{L}\p{M}\p{N}_]+(?:['’.,][\p{L}\p{M}\p{N}_]+)*|\S\p{M}*/gu;

export function tokenize(text: string, boundaries: ReadonlySet<number>): Token[] {
  const cuts = [...boundaries].sort((a, b) => a - b);
  let c = 0;
  const tokens: Token[] = [];
  let previousEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let start = m.index;
    const end = start + m[0].length;
    const last = tokens[tokens.length - 1];
    if (last && !last.breakAfter && breaksAfter(text, last, previousEnd, start)) last.breakAfter = true;
    while (c < cuts.length && cuts[c]! <= start) c++;
    for (; c < cuts.length && cuts[c]! < end; c++) {
      tokens.push({ start, end: cuts[c]!, breakAfter: false });
      start = cuts[c]!;
    }
    tokens.push({ start, end, breakAfter: false });
    previousEnd = end;
  }
  return tokens;
}

function breaksAfter(text: string, last: Token, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
  }
  if (last.end - last.start !== 1 || to === from) return false;
  const c = text.charCodeAt(last.start);
  return (c === 0x2e || c === 0x21 || c === 0x3f) && /\s/.test(text.slice(from, to));
}
