import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, Relation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { selectorsFor } from '../../../../src/core/text/selectors';

const NOW = '2026-02-01T10:00:00.000Z';

/**
 * The seed articles with annotations generated the way an analyst tags: every quotation in
 * curly quotes as a quote (those interrupted by a reporting clause as two fragments), capitalised
 * names as actors, the first sentence as a claim, linked by speaker/source relations. Read from
 * the copy the app ships (`seeds/`, the same five files as ../shared/seeds), so every test that
 * tags them runs wherever the repository is checked out.
 */
export function seedDocs(): ArticleDoc[] {
  const dir = join(import.meta.dirname, '..', '..', '..', '..', 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f, i) => annotate(readFileSync(join(dir, f), 'utf8'), f, i));
}

function annotate(text: string, file: string, n: number): ArticleDoc {
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  const add = (label: string, fragments: { start: number; end: number }[], extra: Partial<Annotation> = {}) => {
    const a: Annotation = {
      id: `ann_${n}_${annotations.length}`,
      label,
      fragments,
      ...selectorsFor(text, fragments),
      attributes: {},
      note: '',
      author: 'seed',
      created: NOW,
      modified: NOW,
      ...extra,
    };
    annotations.push(a);
    return a;
  };
  const actors = [...text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+/g)].map((m) => add('actor', [{ start: m.index, end: m.index + m[0].length }]));
  const sentenceEnd = text.search(/[.!?](\s|$)/);
  if (sentenceEnd > 0) {
    const claim = add('claim', [{ start: 0, end: sentenceEnd + 1 }], { attributes: { checkWorthy: true }, note: 'first sentence' });
    if (actors[0]) relations.push({ id: `rel_${n}_c`, type: 'source', from: claim.id, to: actors[0].id, author: 'seed', created: NOW, modified: NOW });
  }
  const event = /\b(meet|talks|election|vote|war)\b/.exec(text);
  if (event && actors[1]) {
    const e = add('event', [{ start: event.index, end: event.index + event[0].length }], { attributes: { date: '2026-01-31' } });
    relations.push({ id: `rel_${n}_e`, type: 'participant', from: e.id, to: actors[1].id, author: 'seed', created: NOW, modified: NOW });
  }
  for (const m of text.matchAll(/“([^”]+)”([^“”\n]{1,40})?(“([^”]+)”)?/g)) {
    const first = { start: m.index + 1, end: m.index + 1 + m[1]!.length };
    const fragments = m[3] ? [first, { start: m.index + m[0].length - 1 - m[4]!.length, end: m.index + m[0].length - 1 }] : [first];
    const quote = add('quote', fragments, { attributes: { type: 'direct' } });
    const speaker = actors.find((a) => a.fragments[0]!.start > quote.fragments[0]!.start) ?? actors[0];
    if (speaker)
      relations.push({ id: `rel_${n}_${relations.length}`, type: 'speaker', from: quote.id, to: speaker.id, author: 'seed', created: NOW, modified: NOW });
  }
  return {
    article: { id: `a_seed${n}`, title: file, source: file, importedAt: NOW, hash: file.replace(/\D/g, '').padEnd(64, '0').slice(0, 64), text },
    annotations,
    relations,
  };
}
