import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../src/core/edits/apply';
import { invertCommand } from '../../../../src/core/edits/commands';
import { createAnnotation } from '../../../../src/core/edits/builders';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { acceptCommand, openSuggestions } from '../../../../src/core/suggest/accept';
import type { Suggestion } from '../../../../src/core/suggest';

const TEXT = '“We will rebuild,” Anna Berg said. “Soon,” he said.';
const BY = { author: 'Ana Analyst', now: '2026-12-02T00:00:00.000Z' };
const doc: ArticleDoc = {
  article: { id: 'art_1', title: 't', source: 's', importedAt: BY.now, hash: '0'.repeat(64), text: TEXT },
  annotations: [],
  relations: [],
};
const quote: Suggestion = {
  id: 'quote@0-18',
  kind: 'quote',
  fragments: [{ start: 0, end: 18 }],
  text: '“We will rebuild,”',
  score: 0.9,
  rule: 'direct-quote',
  speaker: { fragment: { start: 19, end: 28 }, text: 'Anna Berg', pronoun: false },
};
const pronoun: Suggestion = {
  id: 'quote@35-42',
  kind: 'quote',
  fragments: [{ start: 35, end: 42 }],
  text: '“Soon,”',
  score: 0.8,
  rule: 'direct-quote',
  speaker: { fragment: { start: 43, end: 45 }, text: 'he', pronoun: true },
};
const actor: Suggestion = { id: 'actor@19-28', kind: 'actor', fragments: [{ start: 19, end: 28 }], text: 'Anna Berg', score: 0.9, rule: 'nlp-person' };

const apply = (d: ArticleDoc, s: Suggestion) => {
  const made = acceptCommand(d, s, BY);
  if (!made.ok) throw new Error(made.errors[0]!.message);
  const next = applyCommand(d, made.value.command);
  if (!next.ok) throw new Error(next.errors[0]!.message);
  return { doc: next.value, command: made.value.command };
};

describe('accepting a suggestion', () => {
  it('makes the quote, its speaker actor and the speaker link in one command, by the analyst, marked as suggested', () => {
    const { doc: after, command } = apply(doc, quote);
    expect(command.op).toBe('insert');
    expect(after.annotations.map((a) => [a.label, a.quote, a.author, a.attributes.suggested])).toEqual([
      ['quote', '“We will rebuild,”', 'Ana Analyst', 'direct-quote'],
      ['actor', 'Anna Berg', 'Ana Analyst', 'speaker-name'],
    ]);
    const [q, a] = after.annotations;
    expect(after.relations.map((r) => [r.type, r.from, r.to])).toEqual([['speaker', q!.id, a!.id]]);
    // One undo step: the inverse of the one command leaves the article as it was.
    const undone = applyCommand(after, invertCommand(command));
    expect(undone.ok && undone.value).toEqual(doc);
  });

  it('reuses an actor already tagged at the speaker, and links no unresolved pronoun', () => {
    const tagged = createAnnotation(doc, { label: 'actor', fragments: [{ start: 19, end: 28 }] }, BY);
    if (!tagged.ok) throw new Error('setup');
    const withActor = applyCommand(doc, tagged.value.command);
    if (!withActor.ok) throw new Error('setup');
    const { doc: after } = apply(withActor.value, quote);
    expect(after.annotations.filter((a) => a.label === 'actor')).toHaveLength(1);
    expect(after.relations[0]!.to).toBe(tagged.value.annotation.id);
    expect(apply(doc, pronoun).doc.relations).toEqual([]);
  });

  it('hides rejected suggestions and those already tagged with the same label and fragments', () => {
    const { doc: after } = apply(doc, quote);
    expect(openSuggestions(after, [quote, pronoun, actor], new Set()).map((s) => s.id)).toEqual(['quote@35-42']);
    expect(openSuggestions(doc, [quote, pronoun, actor], new Set(['quote@35-42'])).map((s) => s.id)).toEqual(['quote@0-18', 'actor@19-28']);
  });

  it('links an accepted known name, and a speaker it creates, to the registry entity', () => {
    const known: Suggestion = { ...actor, rule: 'known-name', entityId: 'ent_berg' };
    expect(apply(doc, known).doc.annotations.map((a) => [a.label, a.entity])).toEqual([['actor', 'ent_berg']]);
    const withEntity: Suggestion = {
      ...quote,
      speaker: { ...quote.speaker!, actor: { fragment: { start: 19, end: 28 }, text: 'Anna Berg', entityId: 'ent_berg' } },
    };
    expect(apply(doc, withEntity).doc.annotations.map((a) => [a.label, a.entity])).toEqual([
      ['quote', undefined],
      ['actor', 'ent_berg'],
    ]);
    // A name nothing knows stays unlinked.
    expect(apply(doc, actor).doc.annotations[0]!.entity).toBeUndefined();
  });
});
