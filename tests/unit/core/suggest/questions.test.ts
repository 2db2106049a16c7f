import { describe, expect, it } from 'vitest';
import { parts, quotesOf, spanText } from './helpers';

describe('reported questions', () => {
  it('suggests "X is questioning whether …" with its quoted words as one mixed quote', () => {
    const text = 'Donald Trump is questioning whether the mayor would have attended the service “if it were held in a mosque.”';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['whether the mayor would have attended the service “if it were held in a mosque.”']);
    expect(q!.speaker?.text).toBe('Donald Trump');
    expect(spanText(text, q!.speaker?.cue)).toBe('questioning');
    expect(q!.rule).toBe('reported-question');
  });

  it('reads "wondered if", and "asked Y how …, if …" past the listener', () => {
    const wondered = 'She wondered if anyone had noticed the change.';
    expect(parts(wondered, quotesOf(wondered)[0]!)).toEqual(['if anyone had noticed the change']);
    const asked = 'The host asked the candidate how he would handle the border, if he would have a “deportation force.”';
    const [q] = quotesOf(asked);
    expect(parts(asked, q!)).toEqual(['how he would handle the border, if he would have a “deportation force.”']);
    expect(q!.speaker?.text).toBe('The host');
  });

  it('ends the question where the reporter goes on after a comma', () => {
    const text = 'The nominee has repeatedly wondered whether the moderators will be “fair” to him, engaging in an old tactic.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['whether the moderators will be “fair” to him']);
  });

  it('suggests nothing for one who was asked, or for "asked for"', () => {
    expect(quotesOf('The governor was once asked how the war would end.')).toEqual([]);
    expect(quotesOf('He asked for a glass of water and sat down.')).toEqual([]);
  });
});
