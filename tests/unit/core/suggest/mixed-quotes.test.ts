/**
 * Reported clauses that carry quoted words (mixed quotes): the whole clause is what is
 * attributed, and since it holds quotation marks it counts as a direct quote. Each case is a
 * construction found unsuggested in the shipped sample articles.
 */
import { describe, expect, it } from 'vitest';
import { suggestionId } from '../../../../src/core/suggest/ids';
import { parts, quotesOf, spanText } from './helpers';

describe('mixed quotes', () => {
  it('keeps the quoted words when the comma stands inside their closing mark (", adding …")', () => {
    const text = 'Trump said a bilateral meeting between the two leaders “would be better,” adding he would only attend “if necessary.”';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => parts(text, q))).toEqual([
      ['a bilateral meeting between the two leaders “would be better,”'],
      ['he would only attend “if necessary.”'],
    ]);
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['Trump', 'Trump']);
  });

  it('joins the quote after a mixed clause’s cue to the clause: "Yet Trump is a “change agent,” Cole said. “…”"', () => {
    const text = 'Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want right now.” The vote is in May.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['Yet Trump is also a “change agent,”', '“That’s exactly what people want right now.”']);
    expect(q!.speaker?.text).toBe('Cole');
    // Its id and text are those of both parts (a rejection is stored by id).
    expect(q!.id).toBe(suggestionId('quote', q!.fragments));
    expect(q!.text).toBe(parts(text, q!).join(' … '));
    // Not a quote with a cue of its own, nor one after a clause in the reporter's words only.
    const own = 'Yet Trump is also a “change agent,” Cole said. “We will see,” Ryan added.';
    expect(quotesOf(own).map((s) => s.fragments.length)).toEqual([1, 1]);
    const plain = 'The vote will be close, Cole said. “We will see what happens in the end.”';
    expect(quotesOf(plain).every((s) => s.fragments.length === 1)).toBe(true);
  });

  it('joins a paragraph that is nothing but a quote to the mixed clause that ended the paragraph before', () => {
    const text =
      'Trump shot back in a statement, saying he’s “made a lot of money in down markets.”\n\n“Frankly, this is the kind of thinking our country needs.”\n\nThe race goes on.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['he’s “made a lot of money in down markets.”', '“Frankly, this is the kind of thinking our country needs.”']);
    expect(q!.speaker?.text).toBe('Trump');
    // Not when the paragraph goes on after the quote.
    const more = 'Trump shot back in a statement, saying he’s “made a lot of money in down markets.”\n\n“Frankly, this is what we need.” The race goes on.';
    expect(quotesOf(more).every((s) => s.fragments.length === 1)).toBe(true);
  });

  it('does not take a participle after a quote for an inverted cue ("“…,” adding he …")', () => {
    const text = 'The mayor said the plan “would be better for everyone,” adding he would sign it.';
    const quotes = quotesOf(text);
    expect(quotes.every((q) => q.speaker?.text === 'The mayor')).toBe(true);
    expect(quotes.some((q) => q.speaker?.text === 'he')).toBe(false);
  });

  it('reads "…, said X." after quoted words that end with their comma inside the mark', () => {
    const text = 'Moscow rejected the mission, warning it could provoke escalation and “unpredictable consequences,” said spokeswoman Maria Zakharova.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['Moscow rejected the mission, warning it could provoke escalation and “unpredictable consequences,”']);
    expect(q!.speaker?.text).toContain('Maria Zakharova');
  });

  it('leaves a whole direct quote before its cue to the direct-quote rule', () => {
    const text = '“We lost the vote, and we will fight on,” she said.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(q!.rule).toBe('direct-quote');
  });

  it('does not bind "He stressed that …" to the quote before it as that quote’s cue', () => {
    const text =
      'Zelenskyy answered hours later, writing, “We all want this war to end.” He stressed that “peace must be lasting,” not a pause before the next attack.';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => parts(text, q))).toEqual([
      ['“We all want this war to end.”'],
      ['that “peace must be lasting,” not a pause before the next attack'],
    ]);
    expect(spanText(text, quotes[0]!.speaker?.cue)).toBe('writing');
    expect(spanText(text, quotes[1]!.speaker?.cue)).toBe('stressed');
  });

  it('reads a bare clause after a listener and a time phrase ("told NBC on Friday there was …")', () => {
    const text = 'Foreign Minister Sergei Lavrov told NBC on Friday there was still “no basis” for a meeting.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['there was still “no basis” for a meeting']);
    expect(q!.speaker?.text).toContain('Sergei Lavrov');
    const plain = 'The mayor said Tuesday the bridge would reopen in May.';
    expect(parts(plain, quotesOf(plain)[0]!)).toEqual(['the bridge would reopen in May']);
  });

  it('does not read a time phrase followed by another phrase as a clause', () => {
    expect(quotesOf('She spoke to reporters and said on Monday in a statement.')).toEqual([]);
  });

  it('shares the subject across "but now says …", an adverb not part of it', () => {
    const text = 'The president initially floated a summit, but now says a meeting of the two leaders “would be better.”';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['a meeting of the two leaders “would be better.”']);
    expect(q!.speaker?.text).toBe('The president');
  });

  it('knows "indicated that" as a cue', () => {
    const text = 'He indicated that Europe would build a “NATO-like” security structure.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['that Europe would build a “NATO-like” security structure']);
  });
});

describe('who speaks, in the constructions above', () => {
  it('reads "described X as a “…”" with "and noted that …" after it, for a description of a person too', () => {
    const a = 'Chancellor Friedrich Merz described the gathering as a “good meeting” and noted that the talks could happen soon.';
    expect(quotesOf(a).map((q) => parts(a, q)[0])).toEqual(['the gathering as a “good meeting”', 'that the talks could happen soon']);
    const b = 'A senior administration official described his position as a “wait-and-see approach”, adding that no venue had been agreed.';
    const [first] = quotesOf(b);
    expect(parts(b, first!)).toEqual(['his position as a “wait-and-see approach”']);
    expect(first!.speaker?.text).toBe('A senior administration official');
  });

  it('still leaves a title named by a thing alone ("a play called “Sons of Trump”")', () => {
    expect(quotesOf('A group of comedians is performing a play called “Sons of Trump” in Mexico City.')).toEqual([]);
  });

  it('finds the subject past a long relative clause ("Trump, who met … on Monday, admitted …")', () => {
    const text =
      'Trump, who met Putin in Alaska last week and hosted Zelensky and seven European leaders in Washington on Monday, admitted the conflict was “a tough one” to solve.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['the conflict was “a tough one” to solve']);
    expect(q!.speaker?.text).toBe('Trump');
  });

  it('gives a participle after a quote the cue’s subject, not the participle opening the sentence', () => {
    const text = 'Speaking to reporters in Abu Dhabi, Trump said, “I think it is time for us to just do it,” emphasizing that both sides need to move forward.';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['Trump', 'Trump']);
  });

  it('passes over an opening word and its comma ("Still, Rutte praised …, calling it “…”")', () => {
    const text = 'Still, Rutte praised the offer of guarantees, calling it “a big step, a breakthrough.”';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Rutte');
  });

  it('names a quantified subject by its "of" phrase ("All of the candidates have pledged to …")', () => {
    const text = 'All of the GOP candidates oppose the orders, and have pledged to end the programs.';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('All of the GOP candidates');
  });

  it('takes two listeners before "that" ("told Zelenskyy and the European leaders that …")', () => {
    const text = 'Trump earlier told Zelenskyy and the European leaders that any ceasefire should be negotiated directly.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['that any ceasefire should be negotiated directly']);
    expect(q!.speaker?.text).toBe('Trump');
  });

  it('resolves a speaking pronoun to the subject of the sentence before, not a name inside it', () => {
    const text = 'Trump repeated his view that a meeting between himself and Putin is crucial. In an interview, he claimed, “If I don’t go, he is not going.”';
    const quote = quotesOf(text).find((q) => q.rule === 'direct-quote');
    expect(quote!.speaker?.actor?.text).toBe('Trump');
  });

  it('resolves a speaking pronoun to the named subject of the sentence just before, over a farther name whose type is known', () => {
    const text =
      'In the 1990s he clerked for Chief Justice William Rehnquist.\n\nBush says he is going to work hard for the day. He says “it is interesting that so many are undecided.”';
    const quote = quotesOf(text).find((q) => q.rule === 'direct-quote');
    expect(quote!.speaker?.actor?.text).toBe('Bush');
  });

  it('resolves a speaking pronoun to a subject described rather than named, not to a name after it', () => {
    const text = 'The U.S. president pointed to the animosity between Putin and Zelenskyy. “They do not get on well,” he said.';
    expect(quotesOf(text)[0]!.speaker?.actor?.text).toBe('The U.S. president');
    const they = 'The officials met Democrats on Tuesday. “It is not finished,” they said.';
    expect(quotesOf(they)[0]!.speaker?.actor?.text).toBe('The officials');
    // The subject of the sentence just before, described, over a name in the pronoun's own sentence.
    const before = 'In defeat, the president appeared cowed. Campaigning against Mitt Romney in 2012, he said, “We will not give up.”';
    expect(quotesOf(before)[0]!.speaker?.actor?.text).toBe('the president');
    // The subject after an opening phrase that holds the name.
    const opening = 'At a forum with John Smith in Ohio, the senator asked about taxes. “We will cut them,” he said.';
    expect(quotesOf(opening)[0]!.speaker?.actor?.text).toBe('the senator');
    // "it" is no person: a document or an organisation, as before.
    const it = 'The official met the Commission in Brussels. “Nothing is agreed,” it said.';
    expect(quotesOf(it)[0]!.speaker?.actor?.text).toBe('Commission');
    // A role inside a name is the name's: the sentence's named subject, as before.
    const named = 'Foreign Minister Sergei Lavrov met Antony Blinken in Geneva. “We talked for hours,” he said.';
    expect(quotesOf(named)[0]!.speaker?.actor?.text).toBe('Foreign Minister Sergei Lavrov');
  });
});

describe('hyphenated numbers', () => {
  it('reads "in a 60-page ruling that …" as a phrase before "that", and "the 28-year-old" as one speaker', () => {
    const a = 'Judge Carlton Reeves wrote in a 60-page ruling that the law “violates the Equal Protection Clause.”';
    expect(parts(a, quotesOf(a)[0]!)).toEqual(['that the law “violates the Equal Protection Clause.”']);
    const b = '“We were not good enough today,” said the 28-year-old, who took three wickets.';
    expect(quotesOf(b)[0]!.speaker?.text).toBe('the 28-year-old');
  });
});
