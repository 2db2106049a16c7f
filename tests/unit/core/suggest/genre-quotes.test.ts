/**
 * Constructions of the genres the development split barely holds — sports reports, opinion
 * pieces, court rulings, leaked-email stories, immigration reporting — in sentences we wrote for
 * them. Each case is one construction the rules got wrong before.
 */
import { describe, expect, it } from 'vitest';
import { parts, quotesOf, spanText, suggestionsOf } from './helpers';

describe('quotes in other genres', () => {
  it('keeps quoted words inside a reported clause that goes on after them ("… “doing everything” to process …")', () => {
    const text = 'Secretary Kirstjen Nielsen said in a statement Monday that the department was "doing everything in its power" to process claims quickly.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that the department was "doing everything in its power" to process claims quickly']);
    expect(q!.speaker?.text).toContain('Kirstjen Nielsen');
  });

  it('takes no speaker from an infinitive after a quote ("“…” to process claims")', () => {
    const text = 'The agency promised "a fair hearing" to process claims faster.';
    expect(quotesOf(text).some((q) => q.speaker?.text === 'process')).toBe(false);
  });

  it('reads "In the words of X, “…”" as X’s quote', () => {
    const text = 'In the words of one senior diplomat I spoke to, "This was written for television, not for the region."';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['"This was written for television, not for the region."']);
    expect(q!.speaker?.text).toContain('one senior diplomat');
    expect(spanText(text, q!.speaker?.cue)).toBe('In the words of');
  });

  it('takes no imperative at a sentence start for a name ("Let me be clear")', () => {
    const text = 'Let me be clear: this is a stunt. Tell us what you think.';
    const names = suggestionsOf(text).filter((s) => s.kind === 'actor');
    expect(names.map((s) => parts(text, s)[0])).toEqual([]);
  });

  it('reports no clause after a verb followed by a preposition ("argued for weeks over how …")', () => {
    const text = 'Top aides argued for weeks over how to handle the first debate.';
    expect(quotesOf(text)).toEqual([]);
  });

  it('reads "described X as “…” but insisted …" as two attributions of one speaker', () => {
    const text = 'England coach Brendon McCullum described the batting as "a bit loose" but insisted the side would not change its approach.';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => parts(text, q))).toEqual([['the batting as "a bit loose"'], ['the side would not change its approach']]);
    // The whole phrase is the subject of both verbs; its name speaks (not "England").
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['Brendon McCullum', 'Brendon McCullum']);
  });

  it('reads a cue set off by commas inside the clause ("The plan, its authors claim, will …")', () => {
    const text = 'The plan, its authors claim, will "unlock prosperity" across the region.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['The plan', 'will "unlock prosperity" across the region']);
    expect(q!.speaker?.text).toBe('its authors');
    expect(spanText(text, q!.speaker?.cue)).toBe('claim');
    const plain = 'The economy, he said on Tuesday, is strong enough to weather the storm.';
    const [p] = quotesOf(plain);
    expect(parts(plain, p!)).toEqual(['The economy', 'is strong enough to weather the storm']);
    expect(p!.speaker?.text).toBe('he');
  });

  it('leaves an interrupted direct quote to the direct rule, not the comma-cue rule', () => {
    const text = '"We will win," he said, "and we will do it soon."';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(q!.rule).toBe('direct-quote');
    expect(q!.fragments).toHaveLength(2);
  });
});

describe('cues of sports reports, opinion and rulings', () => {
  it('reads an inverted cue set off by commas ("The win, said skipper Steve Smith, was “…”")', () => {
    const text = 'The win, said Australia skipper Steve Smith, was "one of the best we have had on tour."';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['The win', 'was "one of the best we have had on tour."']);
    expect(q!.speaker?.text).toBe('Steve Smith');
  });

  it('reads "To quote X, “…”" as X’s quote', () => {
    const text = 'To quote Justice Louis Brandeis, "Sunlight is said to be the best of disinfectants."';
    const [q] = quotesOf(text);
    expect(q!.speaker?.text).toBe('Justice Louis Brandeis');
    expect(spanText(text, q!.speaker?.cue)).toBe('To quote');
  });

  it('gives a quote after "X’s verdict … :" to X', () => {
    const text = 'Root was out for 91. Smith’s verdict on his bowlers was blunt: "They were outstanding from ball one."';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['"They were outstanding from ball one."']);
    expect(q!.speaker?.text).toBe('Smith');
    expect(spanText(text, q!.speaker?.cue)).toBe('verdict');
  });

  it('reads a clause after an adverb and "that" ("said only that he was “reviewing it.”")', () => {
    const text = 'Asked about the bill, the senator said only that he was "reviewing it."';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['that he was "reviewing it."']);
    expect(q!.speaker?.text).toBe('the senator');
  });

  it('takes no adverb after the verb for its subject ("said simply:")', () => {
    const text = 'One email, sent at midnight, said simply: "Call me as soon as you land."';
    expect(quotesOf(text).map((q) => q.speaker?.text)).not.toContain('simply');
  });

  it('reads what a court rules ("…, ruling that …")', () => {
    const text = 'A federal appeals court on Thursday refused to reinstate the ban, ruling that the government had not shown any harm.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['that the government had not shown any harm']);
    expect(q!.speaker?.text).toBe('A federal appeals court');
  });
});

describe('cues of opinion pieces and speeches', () => {
  it('gives a quote after ", then added:" to the sentence’s subject', () => {
    const text = 'The crowd roared. Obama paused, then added: "Yes we can."';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['"Yes we can."']);
    expect(q!.speaker?.text).toBe('Obama');
  });

  it('reads no clause after "add to" (the verb of the sum, not of speech)', () => {
    const text = 'Asked whether the plan would add to the deficit, Treasury Secretary Steven Mnuchin told reporters that it would "pay for itself."';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that it would "pay for itself."']);
    expect(q!.speaker?.text).toContain('Steven Mnuchin');
  });

  it('reads what someone called something when a short phrase ends the sentence', () => {
    const text = 'Vice President Joe Biden called the speech "vintage Obama" in an interview with CNN.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['the speech "vintage Obama"']);
    expect(q!.speaker?.text).toContain('Joe Biden');
  });

  it('reads the label of "what he called “…”", whatever follows it', () => {
    const text = 'On Wednesday, Paul Ryan unveiled what he called "a once-in-a-generation opportunity" to fix the tax code.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['"a once-in-a-generation opportunity"']);
    expect(q!.speaker?.actor?.text).toBe('Paul Ryan');
  });
});

describe('quoted words that are nobody’s speech', () => {
  it('suggests no quote for scare quotes, titles, slogans, names and nicknames', () => {
    const text = [
      'For months, the president’s allies have warned of a "deep state" plot.',
      'His supporters wear "Make America Great Again" hats and chant "Lock her up" at every rally.',
      'The film "The Post," directed by Steven Spielberg, opens on Friday.',
      'The so-called "Muslim ban" was revised twice before the Supreme Court upheld it.',
      'Known to fans as "The Rock," Johnson has hinted at a run for office.',
      'The bill, known as the "Dream Act," would protect young immigrants brought to the country as children.',
      'Cook was bowled for a "golden duck" in the first over, the third time this series.',
    ].join('\n\n');
    expect(quotesOf(text).map((q) => parts(text, q))).toEqual([]);
  });
});

describe('cues of leaked-message stories', () => {
  it('reads emailed and texted as speech verbs with a listener', () => {
    const emailed = 'Podesta emailed the group that he was "not comfortable" with the plan.';
    const [e] = quotesOf(emailed);
    expect(parts(emailed, e!)).toEqual(['that he was "not comfortable" with the plan']);
    expect(e!.speaker?.text).toBe('Podesta');
    const texted = 'Her husband was waiting. "Call me when you land," she texted him on Sunday night.';
    const [t] = quotesOf(texted);
    expect(spanText(texted, t!.speaker?.cue)).toBe('texted');
  });
});

describe('British quotation marks', () => {
  it('reads typed single marks as a quote with its cue, over two sentences', () => {
    const text = "'We didn't play well today,' he said. 'The lads are gutted, but we'll bounce back.'";
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(["'We didn't play well today,'", "'The lads are gutted, but we'll bounce back.'"]);
    expect(q!.speaker?.text).toBe('he');
  });
});
