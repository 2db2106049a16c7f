import fc from 'fast-check';
import type { Annotation, Fragment, Relation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema, type LabelSchema } from '../../../../src/core/model/label-schema';
import { selectorsFor } from '../../../../src/core/text/selectors';

/** Text pieces: words, punctuation, line breaks, accents, emoji (incl. ZWJ and flags), astral letters. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('the', 'minister', 'said', 'Ada', 'Zoë', 'Straße', '2026', 'vote') },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', '“', '”', '—', '\n', '\n\n', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '🎉', '𝒳', '𠜎', '👩‍👩‍👧', '🇫🇷', '=SUM(A1)', '"quoted"') },
);
export const textArb = fc.array(piece, { minLength: 1, maxLength: 60 }).map((p) => p.join(''));

/** UTF-16 offsets of every code point boundary: random spans never split a surrogate pair. */
export function boundaries(text: string): number[] {
  const out = [0];
  let i = 0;
  for (const ch of text) out.push((i += ch.length));
  return out;
}

const LABELS = ['claim', 'quote', 'actor', 'event'] as const;
const NOW = '2026-02-03T04:05:06.789Z';

interface AnnotationSeed {
  label: number;
  cuts: number[];
  fragments: number;
  note: string;
  flag: boolean;
  author: number;
}
const annotationSeedArb = fc.record({
  label: fc.nat(3),
  cuts: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  fragments: fc.integer({ min: 1, max: 3 }),
  note: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.constantFrom('a note\nover two lines', 'über 😀', '=1+1')),
  flag: fc.boolean(),
  author: fc.nat(1),
});

/** Sorted, disjoint, non-empty fragments from random cut points on code point boundaries. */
function fragmentsFrom(bounds: number[], cuts: number[], count: number): Fragment[] {
  const points = [...new Set(cuts.slice(0, count * 2).map((c) => bounds[c % bounds.length]!))].sort((a, b) => a - b);
  const fragments: Fragment[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) fragments.push({ start: points[i]!, end: points[i + 1]! });
  return fragments.filter((f) => f.end > f.start);
}

function attributesFor(label: string, seed: AnnotationSeed): Annotation['attributes'] {
  if (label === 'claim') return { checkWorthy: seed.flag };
  if (label === 'quote') return { type: seed.flag ? 'direct' : 'indirect' };
  if (label === 'event' && seed.flag) return { date: '2026-01-01' };
  return {};
}

const RELATION_FOR: Record<string, [string, string] | undefined> = {
  quote: ['speaker', 'actor'],
  claim: ['source', 'actor'],
  event: ['participant', 'actor'],
};

/** A random article document: nested, overlapping and discontinuous spans, relations, attributes, notes. */
export const docArb: fc.Arbitrary<ArticleDoc> = fc
  .record({
    text: textArb,
    seeds: fc.array(annotationSeedArb, { maxLength: 8 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    n: fc.nat(9999),
  })
  .map(({ text, seeds, links, n }) => {
    const bounds = boundaries(text);
    const annotations: Annotation[] = [];
    for (const [i, seed] of seeds.entries()) {
      const fragments = fragmentsFrom(bounds, seed.cuts, seed.fragments);
      if (fragments.length === 0) continue;
      const label = LABELS[seed.label]!;
      annotations.push({
        id: `ann_${i}`,
        label,
        fragments,
        ...selectorsFor(text, fragments),
        attributes: attributesFor(label, seed),
        note: seed.note,
        author: seed.author ? 'ben' : 'ana',
        created: NOW,
        modified: NOW,
      });
    }
    const relations: Relation[] = [];
    for (const [i, [x, y]] of links.entries()) {
      const from = annotations[x % Math.max(1, annotations.length)];
      const rel = from && RELATION_FOR[from.label];
      const to = rel && annotations.filter((a) => a.label === rel[1] && a.author === from.author && a.id !== from.id)[y % 5];
      if (!from || !rel || !to || relations.some((r) => r.from === from.id && r.to === to.id)) continue;
      relations.push({
        id: `rel_${i}`,
        type: rel[0],
        from: from.id,
        to: to.id,
        author: from.author,
        created: NOW,
        modified: NOW,
        ...(i % 2 ? { note: 'why' } : {}),
      });
    }
    return {
      article: { id: `a_${n}`, title: 'Random', source: `random-${n}.txt`, importedAt: NOW, hash: n.toString(16).padStart(64, '0'), text },
      annotations,
      relations,
    };
  });

export const docsArb = fc
  .array(docArb, { minLength: 1, maxLength: 3 })
  .map((docs) => docs.map((d, i) => ({ ...d, article: { ...d.article, id: `a_${i}`, hash: i.toString(16).padStart(64, '0'), source: `random-${i}.txt` } })));

export function schema(): LabelSchema {
  return defaultLabelSchema();
}
