/**
 * Lists the suggestion rules' errors on the DEVELOPMENT split of PolNeAR, for improving the rules:
 * direct quotes missed (FN), suggested wrongly (FP) and matched with the wrong speaker (SPK), each
 * with its context, and for a polnear-multi document how many of its annotators agree ("3/6").
 * It never reads the held-out documents (the odd ones of polnear-multi), so that their figures
 * in bench/suggest.bench.ts stay a fair test. The output holds corpus text: print it, never commit it.
 *
 *   npx tsx bench/suggest-errors.ts [fn|fp|spk|all] [document-name-part]
 *
 * With LEDE_POLNEAR_DEV set (bench/polnear-extra.ts), that folder's documents are listed too.
 *
 * Not a benchmark (its name does not end in .bench.ts, so `npm run bench` leaves it out).
 */
import { computeSuggestions, compromiseNameFinder, type Suggestion } from '../src/core/suggest';
import { isDirectSpan, OVERLAP_THRESHOLD, type GoldDocument } from '../src/core/suggest/evaluate';
import { documentName, readGoldCorpus, splitMulti } from '../src/main/services/suggest/gold-corpus';
import { sharedPath } from '../tests/support/shared';
import { extraPolnear } from './polnear-extra';

type Span = readonly { start: number; end: number }[];

const mode = process.argv[2] ?? 'all';
const only = process.argv[3];
const development = [
  ...readGoldCorpus(sharedPath('corpora/polnear-single')),
  ...splitMulti(readGoldCorpus(sharedPath('corpora/polnear-multi'))).development,
  ...extraPolnear('LEDE_POLNEAR_DEV'),
];
const finder = compromiseNameFinder();

const squash = (s: string) => s.replace(/\s+/g, ' ');
const covered = (text: string, span: Span) => span.map((f) => text.slice(f.start, f.end)).join(' … ');
const inContext = (text: string, span: Span) =>
  squash(
    `${text.slice(Math.max(0, span[0]!.start - 100), span[0]!.start)}⟦${covered(text, span)}⟧${text.slice(span[span.length - 1]!.end, span[span.length - 1]!.end + 100)}`,
  );
const overlaps = (x: Span, y: Span) => x.some((f) => y.some((g) => Math.min(f.end, g.end) > Math.max(f.start, g.start)));

function weights(text: string): Int32Array {
  const w = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) w[i + 1] = w[i]! + (/\s/.test(text[i]!) ? 0 : 1);
  return w;
}

/** The same one-to-one pairing as the evaluation (evaluate/score.ts), at overlap. */
function pair(w: Int32Array, suggested: readonly Span[], gold: readonly Span[]): Map<number, number> {
  const weight = (s: Span) => s.reduce((n, f) => n + w[f.end]! - w[f.start]!, 0);
  const shared = (x: Span, y: Span) => {
    let n = 0;
    for (const f of x)
      for (const g of y) if (Math.min(f.end, g.end) > Math.max(f.start, g.start)) n += w[Math.min(f.end, g.end)]! - w[Math.max(f.start, g.start)]!;
    return n;
  };
  const candidates: { s: number; g: number; n: number }[] = [];
  suggested.forEach((s, si) =>
    gold.forEach((g, gi) => {
      const n = shared(s, g);
      if (n > 0 && n >= OVERLAP_THRESHOLD * Math.max(weight(s), weight(g))) candidates.push({ s: si, g: gi, n });
    }),
  );
  candidates.sort((x, y) => y.n - x.n || x.s - y.s || x.g - y.g);
  const out = new Map<number, number>();
  const taken = new Set<number>();
  for (const c of candidates)
    if (!out.has(c.s) && !taken.has(c.g)) {
      out.set(c.s, c.g);
      taken.add(c.g);
    }
  return out;
}

const byDocument = new Map<string, GoldDocument[]>();
for (const d of development) byDocument.set(documentName(d), [...(byDocument.get(documentName(d)) ?? []), d]);

for (const [name, annotators] of byDocument) {
  if (only && !name.includes(only)) continue;
  const text = annotators[0]!.text;
  const found = computeSuggestions({ text }, { nameFinder: finder });
  if (!found.ok) throw new Error(`${name}: ${found.errors.map((e) => e.message).join('; ')}`);
  const w = weights(text);
  const direct = found.value.filter((s) => s.kind === 'quote' && isDirectSpan(text, s.fragments));
  const missed = new Map<string, { span: Span; n: number }>();
  const wrong = new Map<Suggestion, number>();
  const speakers = new Map<Suggestion, { n: number; gold: string }>();
  for (const doc of annotators) {
    const gold = doc.attributions.filter((g) => g.direct);
    const pairs = pair(
      w,
      direct.map((s) => s.fragments),
      gold.map((g) => g.content),
    );
    const paired = new Set(pairs.values());
    direct.forEach((s, si) => {
      const gi = pairs.get(si);
      if (gi === undefined) return void wrong.set(s, (wrong.get(s) ?? 0) + 1);
      const g = gold[gi]!;
      const spans = s.speaker ? [[s.speaker.fragment], ...(s.speaker.actor ? [[s.speaker.actor.fragment]] : [])] : [];
      if (g.sources.length > 0 && !spans.some((span) => g.sources.some((source) => overlaps(span, source)))) {
        speakers.set(s, { n: (speakers.get(s)?.n ?? 0) + 1, gold: g.sources.map((source) => covered(text, source)).join(' / ') });
      }
    });
    gold.forEach((g, gi) => {
      if (paired.has(gi)) return;
      const key = g.content.map((f) => `${f.start}-${f.end}`).join('+');
      missed.set(key, { span: g.content, n: (missed.get(key)?.n ?? 0) + 1 });
    });
  }
  const of = `/${annotators.length}`;
  const lines: string[] = [];
  if (mode === 'all' || mode === 'fn')
    for (const { span, n } of missed.values())
      lines.push(
        `FN ${n}${of} ${inContext(text, span)}\n     ours there: ${
          direct
            .filter((s) => overlaps(s.fragments, span))
            .map((s) => `[${s.rule}] ${squash(s.text).slice(0, 80)}`)
            .join(' | ') || 'nothing'
        }`,
      );
  if (mode === 'all' || mode === 'fp') for (const [s, n] of wrong) lines.push(`FP ${n}${of} [${s.rule} ${s.score}] ${inContext(text, s.fragments)}`);
  if (mode === 'all' || mode === 'spk')
    for (const [s, { n, gold }] of speakers)
      lines.push(
        `SPK ${n}${of} ${inContext(text, s.fragments).slice(0, 300)}\n     ours: ${s.speaker ? `${s.speaker.text}${s.speaker.actor ? ` → ${s.speaker.actor.text}` : ''}` : 'none'} | gold: ${gold}`,
      );
  if (lines.length > 0) process.stdout.write(`\n=== ${name}\n${lines.join('\n')}\n`);
}
