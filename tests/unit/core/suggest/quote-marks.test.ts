import { describe, expect, it } from 'vitest';
import { findQuotedSpans, innerRange } from '../../../../src/core/suggest/quote-marks';

const quoted = (text: string) => findQuotedSpans(text).map((q) => q.fragments.map((f) => text.slice(f.start, f.end)));

describe('quotation marks', () => {
  it('pairs curly, straight, low-high, guillemet and two-apostrophe marks', () => {
    expect(quoted('He said “we will win” today.')).toEqual([['“we will win”']]);
    expect(quoted('He said "we will win" and "soon".')).toEqual([['"we will win"'], ['"soon"']]);
    expect(quoted('Sie sagte: „Wir schaffen das“, und ging.')).toEqual([['„Wir schaffen das“']]);
    expect(quoted('Il a dit : « Nous gagnerons » hier.')).toEqual([['« Nous gagnerons »']]);
    expect(quoted("''We finally may be seeing it,'' he wrote.")).toEqual([["''We finally may be seeing it,''"]]);
    expect(quoted('Er sagte ‚nein‘ dazu.')).toEqual([['‚nein‘']]);
  });

  it('reads a right mark typed for a left one at a word’s start (”Mr. Trump …”), and nowhere else', () => {
    const text = 'The debate went on. ”Mr. Trump embodies the legacy of racism.” ― Sonya Herridge. She said “we won.” Then.';
    expect(quoted(text)).toEqual([['”Mr. Trump embodies the legacy of racism.”'], ['“we won.”']]);
  });

  it('never takes an apostrophe for a closing single mark', () => {
    expect(quoted('‘Trump’s plan won’t work,’ she said.')).toEqual([['‘Trump’s plan won’t work,’']]);
    // An elision that opens like a quote but never closes is no quote at all.
    expect(quoted('Talk ‘bout this headline from the Post.')).toEqual([]);
  });

  it('pairs typed single marks (the British order) without taking apostrophes, possessives or elisions for marks', () => {
    expect(quoted("'We didn't play well today,' he said.")).toEqual([["'We didn't play well today,'"]]);
    expect(quoted("Root said he was 'gutted' for the players' families.")).toEqual([["'gutted'"]]);
    expect(quoted("The players' union said the '90s were different, and 'em too.")).toEqual([]);
    expect(quoted('"They call it \'the wall,\' not a fence," he said.')).toEqual([['"They call it \'the wall,\' not a fence,"']]);
  });

  it('keeps single marks inside a double quote as part of it', () => {
    expect(quoted('“They call it ‘the wall,’ not a fence,” he said.')).toEqual([['“They call it ‘the wall,’ not a fence,”']]);
  });

  it('nests a curly quote inside a curly quote', () => {
    expect(quoted('She wrote: “today’s “Straw vote” is not a step forward.” Then she left.')).toEqual([['“today’s “Straw vote” is not a step forward.”']]);
  });

  it('continues a quote into the next paragraph that opens with a mark, one fragment per paragraph', () => {
    const text = '“We will build it. And we will pay for it.\n\n“Nobody builds better than me,” he said.';
    expect(quoted(text)).toEqual([['“We will build it. And we will pay for it.', '“Nobody builds better than me,”']]);
    expect(findQuotedSpans(text)[0]!.closed).toBe(true);
  });

  it('ends an unclosed double quote with its paragraph when the next does not open with a mark', () => {
    const text = 'He said “this is over.\n\nThe crowd left.';
    const spans = findQuotedSpans(text);
    expect(spans.map((q) => q.fragments.map((f) => text.slice(f.start, f.end)))).toEqual([['“this is over.']]);
    expect(spans[0]!.closed).toBe(false);
  });

  it('does not carry an unclosed partial quote into the next paragraph: its mark opens a new quote', () => {
    const text = 'Grayson said the plan is “really an amorphous position to have.\n\n“What we do here is, we legislate,” Grayson said.';
    const spans = findQuotedSpans(text);
    expect(spans.map((q) => q.fragments.map((f) => text.slice(f.start, f.end)))).toEqual([
      ['“really an amorphous position to have.'],
      ['“What we do here is, we legislate,”'],
    ]);
    expect(spans[0]!.closed).toBe(false);
    // A full quote left open goes on, as before.
    const full = 'Grayson said: “We legislate.\n\n“We vote on bills,” he said.';
    expect(quoted(full)).toEqual([['“We legislate.', '“We vote on bills,”']]);
  });

  it('gives the text between the marks', () => {
    const text = '“We lost,” he said.';
    const [q] = findQuotedSpans(text);
    const inner = innerRange(text, q!.fragments[0]!);
    expect(text.slice(inner.start, inner.end)).toBe('We lost,');
  });
});
