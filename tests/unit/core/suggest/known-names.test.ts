import { describe, expect, it } from 'vitest';
import { knownNameIndex } from '../../../../src/core/suggest/known-names';
import { tokenize } from '../../../../src/core/suggest/tokens';
import { suggestionsOf } from './helpers';

const mentions = (text: string, names: { name: string; entityId?: string }[]) =>
  knownNameIndex(names)
    .mentions(text, tokenize(text))
    .map((m) => [m.text, m.entityId]);

describe('known names (string matcher)', () => {
  it('finds every whole-word mention, case-sensitively, through possessives and line-wrapped spaces', () => {
    const text = 'Bush spoke. The bush burned. Bush’s aides left; George  Bush smiled. Bushes grew.';
    expect(mentions(text, [{ name: 'Bush', entityId: 'e1' }])).toEqual([
      ['Bush', 'e1'],
      ['Bush', 'e1'],
      ['Bush', 'e1'],
    ]);
  });

  it('prefers the longest name at a place, then moves past it', () => {
    const text = 'Hillary Rodham Clinton met Clinton.';
    expect(
      mentions(text, [
        { name: 'Clinton', entityId: 'bill' },
        { name: 'Hillary Rodham Clinton', entityId: 'hillary' },
      ]),
    ).toEqual([
      ['Hillary Rodham Clinton', 'hillary'],
      ['Clinton', 'bill'],
    ]);
  });

  it('matches straight and typographic apostrophes alike', () => {
    expect(mentions('Martin O’Malley spoke.', [{ name: "Martin O'Malley" }])).toEqual([['Martin O’Malley', undefined]]);
  });

  it('drops the entity of a name two entities share, and ignores empty names', () => {
    expect(mentions('Clinton spoke.', [{ name: 'Clinton', entityId: 'a' }, { name: 'Clinton', entityId: 'b' }, { name: '  ' }])).toEqual([
      ['Clinton', undefined],
    ]);
  });

  it('resolves a surname to the one entity whose full name ends with it', () => {
    const index = knownNameIndex([
      { name: 'Donald Trump', entityId: 'trump' },
      { name: 'Ivanka Trump', entityId: 'ivanka' },
      { name: 'Ben Carson', entityId: 'carson' },
    ]);
    expect(index.entityOf('Carson')).toBe('carson');
    expect(index.entityOf('Trump')).toBeUndefined();
    expect(index.entityOf('Donald Trump')).toBe('trump');
  });

  it('suggests each mention as an actor with its entity, and gives the entity to a speaker', () => {
    const text = '“We are ready,” Peskov said. Dmitry Peskov left.';
    const all = suggestionsOf(text, [
      { name: 'Dmitry Peskov', entityId: 'peskov' },
      { name: 'Peskov', entityId: 'peskov' },
    ]);
    const actors = all.filter((s) => s.kind === 'actor');
    expect(actors.map((s) => [s.text, s.rule, s.entityId])).toEqual([
      ['Peskov', 'known-name', 'peskov'],
      ['Dmitry Peskov', 'known-name', 'peskov'],
    ]);
    expect(all.find((s) => s.kind === 'quote')!.speaker?.actor?.entityId).toBe('peskov');
  });
});
