import { describe, expect, it } from 'vitest';
import { knownNamesOf } from '../../../../src/core/suggest/known';
import { suggestionsOf } from './helpers';

const registry = {
  entities: [
    { id: 'ent_peskov', name: 'Dmitry Peskov', aliases: ['Peskov', 'the Kremlin spokesman'] },
    { id: 'ent_nato', name: 'North Atlantic Treaty Organization', aliases: ['NATO'] },
  ],
};
const tagged = (quote: string, entity?: string, author = 'me') => ({ label: 'actor', quote, author, ...(entity ? { entity } : {}) });

describe('known actor names (registry and workspace)', () => {
  it('lists every registry entity by its name and each alias, then every tagged actor text, without repeats', () => {
    const docs = [
      { annotations: [tagged('Maria Lopez'), tagged('Peskov', 'ent_peskov'), { label: 'quote', quote: '“We will win,”', author: 'me' }] },
      { annotations: [tagged('Maria Lopez'), tagged('Olaf Scholz', 'ent_gone'), tagged('Rutte', undefined, 'suggested'), tagged(' ')] },
    ];
    expect(knownNamesOf(registry, docs, 'suggested')).toEqual([
      { name: 'Dmitry Peskov', entityId: 'ent_peskov' },
      { name: 'Peskov', entityId: 'ent_peskov' },
      { name: 'the Kremlin spokesman', entityId: 'ent_peskov' },
      { name: 'North Atlantic Treaty Organization', entityId: 'ent_nato' },
      { name: 'NATO', entityId: 'ent_nato' },
      { name: 'Maria Lopez' },
      // A link to an entity the registry no longer has is no link.
      { name: 'Olaf Scholz' },
    ]);
  });

  it('suggests every mention of a registry name or alias, and of a tagged name, as an actor linked to its entity', () => {
    const text =
      'NATO met in Brussels. Dmitry Peskov dismissed the summit. Later Peskov spoke again, and Maria Lopez replied that the North Atlantic Treaty Organization would not wait.';
    const known = knownNamesOf(registry, [{ annotations: [tagged('Maria Lopez')] }]);
    const actors = suggestionsOf(text, known).filter((s) => s.kind === 'actor');
    expect(actors.map((s) => [s.text, s.rule, s.entityId])).toEqual([
      ['NATO', 'known-name', 'ent_nato'],
      ['Dmitry Peskov', 'known-name', 'ent_peskov'],
      ['Peskov', 'known-name', 'ent_peskov'],
      ['Maria Lopez', 'known-name', undefined],
      ['North Atlantic Treaty Organization', 'known-name', 'ent_nato'],
    ]);
  });
});
