import { describe, expect, it } from 'vitest';
import { parts, quotesOf } from './helpers';

describe('what a speaker urges, in their words', () => {
  it('suggests "X urged Y to “…”" with the short listener, the infinitive and the clause after it', () => {
    const text = 'The mayor urged residents to “stay indoors” until the storm passes.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['residents to “stay indoors” until the storm passes']);
    expect(q!.speaker?.text).toBe('The mayor');
    // Named as what it is on the suggestion card and in the accepted annotation's provenance.
    expect(q!.rule).toBe('directive');
  });

  it('reads "called on", and ends the clause at the speaker’s next attribution', () => {
    const text = 'Smith called on the council to “act now” and said the shelters were full.';
    const quotes = quotesOf(text);
    expect(parts(text, quotes[0]!)).toEqual(['the council to “act now”']);
    expect(quotes[0]!.speaker?.text).toBe('Smith');
  });

  it('leaves a long listener out, and takes a participle’s speaker from the cue before it', () => {
    const text = '“Let him decide,” said Senator Jane Doe, urging those calling for Sanders’ withdrawal to “give him time.”';
    const urged = quotesOf(text).find((q) => parts(text, q)[0]!.includes('give him time'));
    expect(parts(text, urged!)).toEqual(['to “give him time.”']);
    expect(urged!.speaker?.text).toBe('Senator Jane Doe');
  });

  it('ends a reported clause where the speaker goes on to ask for something', () => {
    const text = 'Trump tweeted that the rival was “disgusting” and encouraged Americans to “check out” her tape.';
    expect(quotesOf(text).map((q) => parts(text, q))).toEqual([['that the rival was “disgusting”'], ['Americans to “check out” her tape']]);
  });

  it('takes quoted words further on in the infinitive, but no "to" that opens none', () => {
    const text = 'The governor is encouraging voters to visit the polls on Election Day to make sure everything is “on the up and up.”';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['voters to visit the polls on Election Day to make sure everything is “on the up and up.”']);
    const told = 'He spoke to reporters, telling them during a visit to Scotland that the vote was “a great thing.”';
    expect(quotesOf(told).map((q) => parts(told, q))).toEqual([['that the vote was “a great thing.”']]);
  });

  it('suggests a request in the reporter’s words as a reported clause, with a lower score', () => {
    const text = 'The mayor urged residents to stay indoors until the storm passes.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['residents to stay indoors until the storm passes']);
    expect(q!.speaker?.text).toBe('The mayor');
    expect(q!.score).toBeLessThan(quotesOf('The mayor urged residents to “stay indoors” until the storm passes.')[0]!.score);
    // Not one that holds another attribution, nor an errand ("asked him to fetch …").
    const holding = 'Graham urged Republicans to drop their support after the mogul claimed that the judge was unfit.';
    expect(quotesOf(holding).map((s) => parts(holding, s)[0])).toEqual(['that the judge was unfit']);
    expect(quotesOf('She asked her assistant to fetch the files from the car.')).toEqual([]);
  });
});
