import { describe, expect, it } from 'vitest';
import { computeSuggestions } from '../../../../src/core/suggest';
import { suggestionId } from '../../../../src/core/suggest/ids';
import { parseSuggestionId, reanchorRejections } from '../../../../src/core/suggest/rejections';

describe('re-anchoring rejected suggestions', () => {
  it('reads the kind and offsets back from an id', () => {
    expect(parseSuggestionId('quote@120-180+200-260')).toEqual({
      kind: 'quote',
      fragments: [
        { start: 120, end: 180 },
        { start: 200, end: 260 },
      ],
    });
    expect(parseSuggestionId('actor@15-27')).toEqual({ kind: 'actor', fragments: [{ start: 15, end: 27 }] });
    expect(parseSuggestionId('quote@0-10~12~abcdef01')).toBeNull();
    expect(parseSuggestionId('nonsense')).toBeNull();
  });

  it('moves a rejection with its text, drops one whose text changed or vanished', () => {
    const before = 'Peskov spoke. Later, Lavrov spoke too. Then Putin.';
    const after = 'In Moscow, Peskov spoke at length. Later, Lavrov spoke too.';
    const id = (text: string, name: string) => suggestionId('actor', [{ start: text.indexOf(name), end: text.indexOf(name) + name.length }]);
    const r = reanchorRejections(before, after, [id(before, 'Lavrov'), id(before, 'Peskov spoke.'), id(before, 'Putin')]);
    // "Lavrov" moved with the text before it; "Peskov spoke." now reads "Peskov spoke at length."; "Putin" is gone.
    expect(r.ids).toEqual([id(after, 'Lavrov')]);
    expect(id(after, 'Lavrov')).not.toBe(id(before, 'Lavrov'));
    expect(r.dropped).toBe(2);
  });

  it('finds a hashed id of a quote of many paragraphs among the quotes of the old text', () => {
    const paragraphs = Array.from({ length: 14 }, (_, i) => `“Paragraph ${i + 1} of what the minister said about the budget goes on here, with more words`);
    const quote = `${paragraphs.join('\n\n')},” the minister said.`;
    const before = `The budget was presented on Monday.\n\n${quote}`;
    const after = `The budget was presented on Monday in parliament, after a long delay.\n\n${quote}`;
    const quotes = (text: string) => {
      const r = computeSuggestions({ text }, { kinds: ['quote'] });
      if (!r.ok) throw new Error('no suggestions');
      return r.value;
    };
    const [q] = quotes(before);
    expect(q!.id).toMatch(/~14~/);
    const r = reanchorRejections(before, after, [q!.id]);
    const [moved] = quotes(after);
    expect(r.ids).toEqual([moved!.id]);
    expect(moved!.id).not.toBe(q!.id);
  });
});
