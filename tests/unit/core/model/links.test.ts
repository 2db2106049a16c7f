import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../src/core/edits/apply';
import { createAnnotation, linkAnnotations } from '../../../../src/core/edits/builders';
import { byDistance, linkChoices, linksOf } from '../../../../src/core/model/links';
import type { Annotation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';

const TEXT = readFileSync(resolve(__dirname, '../../../../seeds/000_d052c3cef2812ef5.txt'), 'utf8');
const NOW = '2026-03-03T00:00:00.000Z';

/** Tags the first occurrence of each phrase in the seed article. */
function tag(doc: ArticleDoc, label: string, phrase: string, author = 'ana'): { doc: ArticleDoc; annotation: Annotation } {
  const start = doc.article.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the seed`);
  const r = createAnnotation(doc, { label, fragments: [{ start, end: start + phrase.length }] }, { author, now: NOW });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  const applied = applyCommand(doc, r.value.command);
  if (!applied.ok) throw new Error(applied.errors[0]!.message);
  return { doc: applied.value, annotation: r.value.annotation };
}

function seeded() {
  let doc: ArticleDoc = {
    article: { id: 'a_0', title: 't', source: 'seed', importedAt: NOW, hash: '0'.repeat(64), text: TEXT },
    annotations: [],
    relations: [],
  };
  const made: Record<string, Annotation> = {};
  for (const [key, label, phrase, author] of [
    ['trump', 'actor', 'President Donald Trump', 'ana'],
    ['putin', 'actor', 'Vladimir Putin', 'ana'],
    ['quote', 'quote', '“I don’t know that they’ll meet,”', 'ana'],
    ['teller', 'actor', 'Trump told', 'ben'],
    ['claim', 'claim', 'he is uncertain', 'ana'],
  ] as const) {
    const r = tag(doc, label, phrase, author);
    doc = r.doc;
    made[key] = r.annotation;
  }
  return { doc, made };
}

describe('link choices', () => {
  it('a quote offers its own layer’s actors as speaker; a claim as source', () => {
    const { doc, made } = seeded();
    const choices = linkChoices(defaultLabelSchema(), doc, made.quote!.id);
    expect(choices.map((c) => `${c.type.id}:${c.direction}`)).toEqual(['speaker:out']);
    expect(choices[0]!.candidates.map((a) => a.id).sort()).toEqual([made.trump!.id, made.putin!.id].sort());
    expect(linkChoices(defaultLabelSchema(), doc, made.claim!.id).map((c) => c.type.id)).toEqual(['source']);
  });

  it('an actor offers the reverse links, and a link already made is not offered again', () => {
    const { doc, made } = seeded();
    const link = linkAnnotations(doc, { type: 'speaker', from: made.quote!.id, to: made.trump!.id }, { author: 'ana', now: NOW });
    if (!link.ok) throw new Error('setup');
    const linked = applyCommand(doc, link.value.command);
    if (!linked.ok) throw new Error('setup');
    const fromTrump = linkChoices(defaultLabelSchema(), linked.value, made.trump!.id);
    expect(fromTrump.map((c) => `${c.type.id}:${c.direction}`)).toEqual(['speaker:in', 'source:in', 'participant:in']);
    expect(fromTrump[0]!.candidates).toEqual([]);
    expect(fromTrump[1]!.candidates.map((a) => a.id)).toEqual([made.claim!.id]);
    const links = linksOf(linked.value, made.trump!.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ direction: 'in', other: { id: made.quote!.id } });
  });

  it('puts the nearest candidates first', () => {
    const { made } = seeded();
    const ordered = byDistance([made.trump!, made.putin!], made.quote!);
    expect(ordered[0]!.id).toBe(made.putin!.id);
  });
});
