/**
 * Re-anchoring (issue 17): updating an article's text and following every annotation into the
 * new version.
 *
 * Speed: a 10,000-word article of real news text (PolNeAR articles one after the other) with
 * 5,000 annotations of 1–12 words (one in ten with a second fragment), after 2 % of its words
 * changed (replaced, deleted or inserted, at random places): median <= 500 ms.
 *
 * Quality, on that case and on a real PolNeAR article with its gold attribution spans after
 * the same kind of edit: the share of surviving annotations (no edited word inside) that end
 * placed or moved at their true new place, and wrong placements — placed or moved onto text
 * that differs from the annotation's text — which must be 0.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reanchorAll, type AnchoredSpan, type ReanchorResult } from '../src/core/text/reanchor';
import { parseBrat } from '../src/core/formats/brat/parse';
import { sharedPath } from '../tests/support/shared';
import { report, reportMs, round, timeRuns } from './support';

/** A deterministic generator, so every run measures the same case. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function polnearTexts(): string[] {
  const texts: string[] = [];
  for (const dir of [
    sharedPath('corpora/polnear-single'),
    ...readdirSync(sharedPath('corpora/polnear-multi'))
      .sort()
      .map((a) => sharedPath('corpora/polnear-multi', a)),
  ]) {
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort())
      texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

/** A text as words with the whitespace after each: edits and spans cut at word boundaries. */
interface Word {
  word: string;
  space: string;
}

function wordsOf(text: string): { lead: string; words: Word[] } {
  const lead = /^\s*/.exec(text)![0];
  const words = [...text.slice(lead.length).matchAll(/(\S+)(\s*)/g)].map((m) => ({ word: m[1]!, space: m[2]! }));
  return { lead, words };
}

interface EditedCase {
  oldText: string;
  newText: string;
  /** Per old word: its new start offset, or -1 when the edit removed or replaced it. */
  newStartOfWord: number[];
  /** Per old word: true when a word was inserted right after it. */
  insertedAfter: boolean[];
  wordStart: number[];
}

/** Changes `share` of the words: a third replaced by another word of the text, a third deleted, a third inserted after. */
function edit(text: string, share: number, rnd: () => number): EditedCase {
  const { lead, words } = wordsOf(text);
  const changes = new Map<number, 'replace' | 'delete' | 'insert'>();
  const count = Math.round(words.length * share);
  while (changes.size < count) changes.set(Math.floor(rnd() * words.length), (['replace', 'delete', 'insert'] as const)[Math.floor(rnd() * 3)]!);
  const other = () => words[Math.floor(rnd() * words.length)]!.word;
  let oldText = lead;
  let newText = lead;
  const newStartOfWord: number[] = [];
  const insertedAfter: boolean[] = [];
  const wordStart: number[] = [];
  words.forEach((w, i) => {
    wordStart.push(oldText.length);
    oldText += w.word + w.space;
    const change = changes.get(i);
    insertedAfter.push(change === 'insert');
    if (change === 'replace') {
      newStartOfWord.push(-1);
      newText += other() + w.space;
    } else if (change === 'delete') newStartOfWord.push(-1);
    else {
      newStartOfWord.push(newText.length);
      newText += w.word + w.space;
      if (change === 'insert') newText += other() + ' ';
    }
  });
  return { oldText, newText, newStartOfWord, insertedAfter, wordStart };
}

interface Truth {
  span: AnchoredSpan;
  /** True new fragments when every word survived (none edited, nothing inserted inside). */
  survived: { start: number; end: number }[] | null;
}

function spanOverWords(c: EditedCase, words: Word[], ranges: [number, number][], id: string): Truth {
  const fragments = ranges.map(([a, b]) => ({ start: c.wordStart[a]!, end: c.wordStart[b]! + words[b]!.word.length }));
  let survived: Truth['survived'] = [];
  for (const [a, b] of ranges) {
    for (let i = a; i <= b; i++) if (c.newStartOfWord[i]! < 0 || (i < b && c.insertedAfter[i])) survived = null;
    if (survived) survived.push({ start: c.newStartOfWord[a]!, end: c.newStartOfWord[b]! + words[b]!.word.length });
  }
  return { span: { id, fragments }, survived };
}

interface Quality {
  survivors: number;
  survivorsCorrect: number;
  wrongText: number;
  states: Record<string, number>;
}

function quality(c: EditedCase, truths: Truth[], results: ReanchorResult[]): Quality {
  const q: Quality = { survivors: 0, survivorsCorrect: 0, wrongText: 0, states: {} };
  results.forEach((r, i) => {
    const t = truths[i]!;
    q.states[r.state] = (q.states[r.state] ?? 0) + 1;
    const found = r.fragments ?? [];
    if (r.state === 'placed' || r.state === 'moved') {
      const oldPieces = t.span.fragments.map((f) => c.oldText.slice(f.start, f.end));
      if (found.some((f, k) => c.newText.slice(f.start, f.end) !== oldPieces[k])) q.wrongText++;
    }
    if (t.survived) {
      q.survivors++;
      if ((r.state === 'placed' || r.state === 'moved') && found.every((f, k) => f.start === t.survived![k]?.start && f.end === t.survived![k]?.end))
        q.survivorsCorrect++;
    }
  });
  return q;
}

function reportQuality(name: string, q: Quality): void {
  process.stderr.write(`  ${name}: ${JSON.stringify(q.states)}; ${q.survivors} survivors\n`);
  const share = q.survivors ? (100 * q.survivorsCorrect) / q.survivors : 100;
  report({ name: `${name}: survivors placed/moved at their true place`, median: round(share, 1), unit: '%', target: '>= 99 %', ok: share >= 99 });
  report({ name: `${name}: placed/moved onto different text`, median: q.wrongText, unit: 'annotations', target: '= 0', ok: q.wrongText === 0 });
}

// --- 10,000 words, 5,000 annotations, 2 % of the words changed --------------------------------
const rnd = random(17);
let article = '';
for (const t of polnearTexts()) {
  article += `${t.trim()}\n`;
  if (wordsOf(article).words.length >= 10_000) break;
}
const { words: all } = wordsOf(article);
article = article
  .slice(
    0,
    all.slice(0, 10_000).reduce((n, w) => n + w.word.length + w.space.length, 0),
  )
  .trimEnd();
const big = edit(article, 0.02, rnd);
const { words } = wordsOf(big.oldText);
const truths: Truth[] = [];
for (let i = 0; i < 5000; i++) {
  const a = Math.floor(rnd() * (words.length - 30));
  const b = a + Math.floor(rnd() * 12);
  const ranges: [number, number][] = [[a, b]];
  if (rnd() < 0.1) {
    const c = b + 2 + Math.floor(rnd() * 3);
    ranges.push([c, c + Math.floor(rnd() * 8)]);
  }
  truths.push(spanOverWords(big, words, ranges, `a${i}`));
}
const spans = truths.map((t) => t.span);
process.stderr.write(`  ${words.length} words, ${big.oldText.length} → ${big.newText.length} characters, ${spans.length} annotations\n`);
reportMs('reanchor: 10,000-word article, 5,000 annotations, 2 % of words changed', await timeRuns(() => reanchorAll(big.oldText, big.newText, spans), 7), 500);
reportQuality('reanchor quality, generated 10,000 words', quality(big, truths, reanchorAll(big.oldText, big.newText, spans)));

// --- A real PolNeAR article with its gold spans ------------------------------------------------
const dir = sharedPath('corpora/polnear-single');
const name = readdirSync(dir)
  .filter((n) => n.endsWith('.ann'))
  .sort()[0]!;
const txt = readFileSync(join(dir, name.replace(/\.ann$/, '.txt')), 'utf8');
const parsed = parseBrat({ txt, ann: readFileSync(join(dir, name), 'utf8'), author: 'gold', file: name });
if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
const gold = parsed.value.documents[0]!.annotations;
// Gold spans do not always start or end on whitespace: re-derive word ranges from the spans.
const real = edit(txt, 0.02, random(5));
const { words: realWords } = wordsOf(real.oldText);
const wordAt = (offset: number, side: 'start' | 'end') => {
  let k = 0;
  while (k + 1 < realWords.length && real.wordStart[k + 1]! <= (side === 'start' ? offset : offset - 1)) k++;
  return k;
};
const realTruths = gold.map((g) => {
  const t = spanOverWords(
    real,
    realWords,
    g.fragments.map((f) => [wordAt(f.start, 'start'), wordAt(f.end, 'end')]),
    g.id,
  );
  // Keep the gold offsets themselves; the truth shifts them by their first word's move.
  const span = { id: g.id, fragments: g.fragments };
  const survived = t.survived?.map((s, k) => {
    const f = g.fragments[k]!;
    const delta = s.start - t.span.fragments[k]!.start;
    return { start: f.start + delta, end: f.end + delta };
  });
  return { span, survived: survived ?? null };
});
process.stderr.write(`  ${name}: ${gold.length} gold spans\n`);
reportQuality(
  `reanchor quality, PolNeAR ${name.replace(/\.ann$/, '')}`,
  quality(
    real,
    realTruths,
    reanchorAll(
      real.oldText,
      real.newText,
      realTruths.map((t) => t.span),
    ),
  ),
);
