/**
 * Agreement figures (instance/token F1, kappa, alpha, everything computeAgreement reports) on
 * generated data: 1,000 articles of ~500 words, 100 spans per annotator per article, for two
 * annotators (target <= 1 s) and six (target <= 3 s). Layers differ the way real ones do: most
 * spans shared, some shifted, relabelled, dropped or added; a third of the spans link to the next
 * one (speaker or source, a tenth of them to another end) and a quarter carry an attribute (a tenth
 * with another value), so link F1 and attribute agreement are measured too. Also, informative:
 * comparing two layers of every article for the Review view.
 */
import { compareLayers } from '../src/core/agreement/compare';
import type { AgreementDocument, AgreementLink, AgreementSpan } from '../src/core/agreement/documents';
import { computeAgreement } from '../src/core/agreement/report';
import type { Annotation } from '../src/core/model/annotation';
import { reportMs, timeRuns } from './support';

const ARTICLES = 1000;
const SPANS = 100;
const LABELS = ['Source', 'Cue', 'Content', 'Attribution'];
const WORDS = ['the', 'mayor', 'said', 'on', 'Tuesday', 'that', 'bridge', 'repairs', 'would', 'cost', 'millions,', 'according', 'to', 'officials.'];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function article(random: () => number): { text: string; wordStarts: number[]; wordEnds: number[] } {
  let text = '';
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  for (let w = 0; w < 500; w++) {
    if (w > 0) text += w % 40 === 0 ? '\n\n' : ' ';
    wordStarts.push(text.length);
    text += WORDS[Math.floor(random() * WORDS.length)]!;
    wordEnds.push(text.length);
  }
  return { text, wordStarts, wordEnds };
}

function makeDocuments(annotators: readonly string[], seed: number): AgreementDocument[] {
  const random = generator(seed);
  const docs: AgreementDocument[] = [];
  for (let d = 0; d < ARTICLES; d++) {
    const { text, wordStarts, wordEnds } = article(random);
    const gold = Array.from({ length: SPANS }, () => {
      const first = Math.floor(random() * (wordStarts.length - 8));
      return { label: LABELS[Math.floor(random() * LABELS.length)]!, first, last: first + Math.floor(random() * 6) };
    });
    const annotations: AgreementSpan[] = [];
    const relations: AgreementLink[] = [];
    for (const author of annotators) {
      gold.forEach((g, i) => {
        const roll = random();
        let { label, first, last } = g;
        if (roll < 0.1) last = Math.min(wordStarts.length - 1, last + 1);
        else if (roll < 0.15) label = LABELS[(LABELS.indexOf(label) + 1) % LABELS.length]!;
        else if (roll < 0.2) first = Math.floor(random() * (wordStarts.length - 8));
        const fragments = [{ start: wordStarts[first]!, end: wordEnds[last]! }];
        const attributes: Record<string, string> = i % 4 === 0 ? { certainty: random() < 0.1 ? 'low' : 'high' } : {};
        annotations.push({ id: `${author}-${d}-${i}`, author, label, fragments, attributes });
        if (i % 3 === 0 && i + 2 < SPANS) {
          const to = random() < 0.1 ? i + 2 : i + 1;
          relations.push({
            id: `${author}-${d}-r${i}`,
            author,
            type: i % 2 === 0 ? 'speaker' : 'source',
            from: `${author}-${d}-${i}`,
            to: `${author}-${d}-${to}`,
          });
        }
      });
    }
    docs.push({ id: `doc${d}`, title: `Article ${d}`, text, layers: [...annotators], annotations, relations });
  }
  return docs;
}

for (const [count, target] of [
  [2, 1000],
  [6, 3000],
] as const) {
  const annotators = Array.from({ length: count }, (_, i) => `annotator${i + 1}`);
  const docs = makeDocuments(annotators, count);
  let tokens = 0;
  const times = await timeRuns(() => {
    tokens = computeAgreement(docs, { annotators }).tokenCount;
  }, 5);
  process.stderr.write(`  ${count} annotators: ${docs.length} articles, ${tokens} tokens, ${docs[0]!.annotations.length} spans in the first\n`);
  reportMs(`agreement: ${count} annotators x 1,000 articles x 100 spans`, times, target);
}

// Review: compare two layers of every article (what opening the workspace-wide Review does).
const docs = makeDocuments(['me', 'colleague'], 7).map((d) => ({
  article: { id: d.id, title: d.title, source: 'bench', importedAt: '', hash: '0'.repeat(64), text: d.text },
  annotations: d.annotations.map((a): Annotation => ({
    ...a,
    quote: '',
    prefix: '',
    suffix: '',
    attributes: a.attributes ?? {},
    note: '',
    created: '',
    modified: '',
  })),
  relations: (d.relations ?? []).map((r) => ({ ...r, created: '', modified: '' })),
}));
reportMs('compare two layers: 1,000 articles x 100 spans', await timeRuns(() => docs.map((d) => compareLayers(d, 'me', 'colleague')), 5), null);
