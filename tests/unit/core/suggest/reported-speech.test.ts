import { describe, expect, it } from 'vitest';
import { parts, quotesOf, spanText } from './helpers';

describe('reported speech', () => {
  it('suggests "X said that …" with the clause and its speaker', () => {
    const text = 'Trump said that the wall would be paid for by Mexico.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that the wall would be paid for by Mexico']);
    expect(q!.rule).toBe('reported-speech');
    expect(q!.speaker?.text).toBe('Trump');
    expect(spanText(text, q!.speaker?.cue)).toBe('said');
  });

  it('suggests "X said …" without "that", and skips a time phrase before "that"', () => {
    expect(parts('Officials said the bridge would reopen in May.', quotesOf('Officials said the bridge would reopen in May.')[0]!)).toEqual([
      'the bridge would reopen in May',
    ]);
    const text = 'The minister said on Tuesday that taxes would not rise.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['that taxes would not rise']);
  });

  it('suggests what a speaker likens something to, in their words, with what the likening goes on with', () => {
    const text = 'At a rally, the senator likened the plan to a “runaway train” in a film about a town that loses its brakes.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['the plan to a “runaway train” in a film about a town that loses its brakes']);
    expect(q!.speaker?.text).toBe('the senator');
    // Without "to" before the quoted words, or without quoted words, nothing.
    expect(quotesOf('The report compared the two plans in detail.')).toEqual([]);
  });

  it('reads a cue opened by "as" and set off by commas as the attribution of the sentence around it', () => {
    const opening = 'As many experts have pointed out, the candidate is free to disclose his returns.';
    const [q, ...rest] = quotesOf(opening);
    expect(rest).toEqual([]);
    expect(parts(opening, q!)).toEqual(['the candidate is free to disclose his returns']);
    expect(q!.speaker?.text).toBe('many experts');
    const yet = 'Yet, as the economist observed, in a trade war “what products would you pick?”';
    expect(quotesOf(yet).map((s) => parts(yet, s))).toEqual([['in a trade war “what products would you pick?”']]);
    const middle = 'The bill, as the senator noted, would cut taxes for most families.';
    expect(quotesOf(middle).map((s) => parts(middle, s))).toEqual([['The bill', 'would cut taxes for most families']]);
    // A clause that goes on with a quote of its own after a colon is not all the cue's.
    const colon = 'Of course, as the editor noted, the winner was the stage itself: “The network ran two lively sessions that were substantive and fair.”';
    expect(quotesOf(colon).map((s) => parts(colon, s)[0])).toEqual(['“The network ran two lively sessions that were substantive and fair.”']);
  });

  it('reads "pointed out that …" as a cue of two words, and "pointed out" with an object as none', () => {
    const text = 'The report also points out that “the penalties are so light” that firms take the risk.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that “the penalties are so light” that firms take the risk']);
    expect(q!.speaker?.text).toBe('The report');
    expect(spanText(text, q!.speaker?.cue)).toBe('points out');
    expect(quotesOf('The guide pointed out the old mill and the bridge over the river.')).toEqual([]);
  });

  it('gives a relative clause’s speech to the name before it: "McConnell, now the majority leader, who in 2010 said …"', () => {
    for (const text of [
      'Obama clashed with McConnell, who said the most important goal was to make Obama a “one-term president.”',
      'Obama clashed with McConnell, now the Senate majority leader, who in 2010 said the most important goal was to make Obama a “one-term president.”',
    ]) {
      const [q] = quotesOf(text);
      expect(parts(text, q!)).toEqual(['the most important goal was to make Obama a “one-term president.”']);
      expect(q!.speaker?.text).toBe('who');
      expect(q!.speaker?.actor?.text).toBe('McConnell');
    }
    // No name before the comma: the speaker stays "who", with no actor to link.
    const text = 'The board met a lawyer, a tall man in grey, who said the contract was void.';
    expect(quotesOf(text)[0]!.speaker?.actor).toBeUndefined();
  });

  it('leaves the quoted show after a listener out of the clause: "told MSNBC’s “Morning Joe” that …"', () => {
    const text = 'Sanders told MSNBC’s “Morning Joe” that nobody would question her intelligence.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that nobody would question her intelligence']);
  });

  it('suggests what a speaker condemns "as “…”", the clause running on past the quoted words', () => {
    const text = 'President Obama condemned Friday’s test as “provocative and destabilizing” and a “grave threat” to regional stability.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['Friday’s test as “provocative and destabilizing” and a “grave threat” to regional stability']);
    expect(q!.speaker?.text).toBe('President Obama');
    // Without "as" it quotes a phrase, not a label: nothing to suggest.
    expect(quotesOf('President Obama condemned the “brazen breach” of the treaty.')).toEqual([]);
  });

  it('ends a reported clause where another speaker’s cue opens a quote (“…, Clinton said, “…”)', () => {
    const text = 'Asked about Trump’s declaration that it had been a bomb, Clinton said, “I think it’s important to know the facts first.”';
    const quotes = quotesOf(text);
    const direct = quotes.find((q) => parts(text, q)[0]!.startsWith('“I think'));
    expect(direct?.speaker?.text).toBe('Clinton');
    expect(quotes.every((q) => !parts(text, q).join('').includes('Clinton said'))).toBe(true);
    // A pronoun's cue nested in the clause stays in it: "Flynn said Trump was “right” when he said that “…”".
    const nested = 'Flynn said Donald Trump was “absolutely right” when he said that under Obama, “the generals have been reduced to rubble.”';
    expect(parts(nested, quotesOf(nested)[0]!).join('')).toContain('when he said that under Obama, “the generals have been reduced to rubble.”');
  });

  it('suggests blame and praise given "for “…”", and skips a manner adverb before the verb', () => {
    const a = 'In an interview he blasted the American media for being “unbelievably dishonest.”';
    expect(parts(a, quotesOf(a)[0]!)).toEqual(['the American media for being “unbelievably dishonest.”']);
    const b = 'In July, Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg.”';
    const [q] = quotesOf(b);
    expect(parts(b, q!)).toEqual(['Estonia as being in the “suburbs of St. Petersburg.”']);
    expect(q!.speaker?.text).toBe('Gingrich');
    // "family" ends in -ly but is the subject.
    const c = 'The family said the decision was “a betrayal.”';
    expect(quotesOf(c)[0]!.speaker?.text).toBe('The family');
  });

  it('suggests a label given by a verb in the progressive, or by a name holding "of"', () => {
    const a = 'Gary Johnson’s doctor is calling the candidate “extremely physically fit.” He is a triathlete.';
    const [q] = quotesOf(a);
    expect(parts(a, q!)).toEqual(['the candidate “extremely physically fit.”']);
    expect(q!.speaker?.text).toBe('Gary Johnson’s doctor');
    const b = 'In a statement, the Association of Flight Attendants called Clinton a “champion” for its members, citing her work.';
    const [r] = quotesOf(b);
    expect(parts(b, r!)).toEqual(['Clinton a “champion” for its members']);
    expect(r!.speaker?.text).toContain('Association of Flight Attendants');
    // A participle without "be" or a comma before it still names a title, not a label.
    expect(quotesOf('They staged a play calling itself “Sons of Trump” in Mexico City.')).toEqual([]);
  });

  it('takes the subject of "be" for a verb in the progressive: "Trump is telling a veterans group that …"', () => {
    const text = 'Donald Trump is telling a veterans group that the military is “depleted” and that he will expand it.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)[0]).toMatch(/^that the military is “depleted”/);
    expect(q!.speaker?.text).toBe('Donald Trump');
  });

  it('labels "as “…”" by verbs of attack and portrayal, past a name’s parenthesis and an aside', () => {
    const text = 'Senate Minority Leader Harry Reid (D-Nev.), in particular, has been steadily pounding Trump as a “con artist” ― just as he did in 2012.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['Trump as a “con artist”']);
    expect(q!.speaker?.text).toBe('Senate Minority Leader Harry Reid');
    const b = 'Clinton painted the senator as “a career politician” on Tuesday.';
    expect(parts(b, quotesOf(b)[0]!)).toEqual(['the senator as “a career politician”']);
  });

  it('ends a reported clause at "but argues that …" and "and tells …", not at a bare verb of the clause', () => {
    const a = 'Clinton says she respects Sanders’ “passion and commitment” but argues that he can’t deliver on his promises.';
    expect(quotesOf(a).map((q) => parts(a, q)[0])).toEqual(['she respects Sanders’ “passion and commitment”', 'that he can’t deliver on his promises']);
    const b = 'Kasich says he’d sit Putin down and tell him “no more nonsense” and tells the crowd he was the first.';
    expect(parts(b, quotesOf(b)[0]!)).toEqual(['he’d sit Putin down and tell him “no more nonsense”']);
  });

  it('ends a label before a phrase of time or place: "as a “crazy system” during a campaign stop in Flint"', () => {
    const text = 'Former President Bill Clinton criticized the Affordable Care Act as a “crazy system” during a campaign stop in Flint, Mich., for his wife.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['the Affordable Care Act as a “crazy system”']);
  });

  it('takes a longer thing named: "hailed Britain’s vote to leave the European Union as “fantastic,”"', () => {
    const text = 'Trump has hailed Britain’s vote to leave the European Union as “fantastic,” telling reporters it was a great thing.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['Britain’s vote to leave the European Union as “fantastic,”']);
  });

  it('takes a list of quoted labels whole: "called the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”"', () => {
    const a = 'Trump called the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”';
    const [q, ...rest] = quotesOf(a);
    expect(rest).toEqual([]);
    expect(parts(a, q!)).toEqual(['the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”']);
    const b = 'Cruz called Trump a “pathological liar” who is “utterly amoral,” a “serial philanderer” and a “bully.” Trump answered.';
    expect(parts(b, quotesOf(b)[0]!)).toEqual(['Trump a “pathological liar” who is “utterly amoral,” a “serial philanderer” and a “bully.”']);
    // A speech verb between the quoted words is another attribution.
    const c = 'She called the plan “absurd,” and said “we will fight it” at the meeting.';
    expect(parts(c, quotesOf(c)[0]!)).toEqual(['the plan “absurd,”']);
  });

  it('ends a clause in an opening phrase with the phrase: "Contrary to his claim that …, there would be …"', () => {
    const a = 'Contrary to his claim that people would “learn nothing,” there would be a wealth of relevant information.';
    expect(parts(a, quotesOf(a)[0]!)).toEqual(['his claim that people would “learn nothing,”']);
    const b = 'House Speaker Paul Ryan, despite admitting that he had concerns about “trial lawyers,” said the victims deserve their day in court.';
    expect(quotesOf(b).map((q) => parts(b, q)[0])).toContain('that he had concerns about “trial lawyers,”');
  });

  it('does not take a clause that reports words itself for the clause of a cue after it', () => {
    const text = 'When Clinton noted that Trump paid no taxes, Trump boasted about it.';
    expect(quotesOf(text).map((q) => [parts(text, q)[0], q.speaker?.text])).toEqual([['that Trump paid no taxes', 'Clinton']]);
  });

  it('ends a label before a day ("blasted Clinton as a “disgrace” Wednesday on …"), and lets a writing give one', () => {
    const a = 'Trump blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show.';
    expect(parts(a, quotesOf(a)[0]!)).toEqual(['Clinton as a “disgrace”']);
    const b = 'Twenty-two years ago, a Times article hailed Trump as “The Comeback Kid” for the success he brought.';
    const [q] = quotesOf(b);
    expect(parts(b, q!)[0]).toMatch(/^Trump as “The Comeback Kid”/);
    expect(q!.speaker?.text).toBe('a Times article');
  });

  it('ends a reported clause at quoted words closing with their comma and "but"', () => {
    const text = 'Politifact then ruled that Trump’s statement about shootings in Chicago is “true,” but in their report they could not resist a caveat.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['that Trump’s statement about shootings in Chicago is “true,”']);
  });

  it('reads "it goes without saying that …" as an idiom, not as someone saying', () => {
    expect(quotesOf('It goes without saying that raising taxes on the rich is anathema to Republicans.')).toEqual([]);
  });

  it('ends a label at a second speech verb: "called the behavior “outrageous” and called for …"', () => {
    const text = 'Though she called Wells Fargo’s behavior “outrageous” and called for pay to be “clawed back,” Clinton restricted her comments.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['Wells Fargo’s behavior “outrageous”']);
  });

  it('suggests the charge of "accused X of “…”", after "of"', () => {
    const text = 'South Korea accused the North’s leader, Kim Jong Un, of “fanatic recklessness.” Japan protested.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['“fanatic recklessness.”']);
    expect(q!.speaker?.text).toBe('South Korea');
    const b = 'Trump accused the campaign of being “duped” by “a con” last night.';
    expect(parts(b, quotesOf(b)[0]!)).toEqual(['being “duped” by “a con” last night']);
    // No quoted words: an accusation in the reporter's words is not suggested.
    expect(quotesOf('Trump accused the moderator of being a Democrat.')).toEqual([]);
  });

  it('ends a reported clause at another speaker’s cue after a dash (“… ― Trump boasted, “…”)', () => {
    const text = 'When Clinton noted that Trump had paid no federal income taxes ― as was true for some years ― Trump boasted, “That makes me smart.”';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => parts(text, q).join(''))).toEqual([
      'that Trump had paid no federal income taxes ― as was true for some years',
      '“That makes me smart.”',
    ]);
    expect(quotes[1]!.speaker?.text).toBe('Trump');
  });

  it('takes the clause before a cue followed by a participle: "“…” to drive up the price, she said, referencing …"', () => {
    const text = '“You squeezed employees to the breaking point” to drive up the stock price, she said, referencing the sales targets.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['“You squeezed employees to the breaking point” to drive up the stock price']);
    expect(q!.speaker?.text).toBe('she');
  });

  it('keeps a quote after "that," in the clause the sentence goes on with', () => {
    const text =
      'Spokeswoman Jessica Ditto said via email that, “Of course Mr. Trump is going to defend himself” against what the campaign sees as a coordinated attack.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that, “Of course Mr. Trump is going to defend himself” against what the campaign sees as a coordinated attack']);
    expect(q!.speaker?.text).toBe('Spokeswoman Jessica Ditto');
    // A quote that ends the sentence stays the direct quote.
    const whole = 'Ditto said in an email that, “Of course Mr. Trump is going to defend himself.”';
    expect(quotesOf(whole).map((s) => s.rule)).toEqual(['direct-quote']);
    // A phrase of the reporter's between "that" and the quote: the clause is the whole.
    const framed = 'Sanders said that for African-Americans between the ages of 17 and 20, “the real unemployment rate is 51 percent.”';
    const [m, ...others] = quotesOf(framed);
    expect(others).toEqual([]);
    expect(parts(framed, m!)).toEqual(['that for African-Americans between the ages of 17 and 20, “the real unemployment rate is 51 percent.”']);
  });

  it('suggests "X told reporters …", the listener left out of the clause', () => {
    const text = 'Peskov told reporters that the talks had stalled.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['that the talks had stalled']);
    expect(q!.speaker?.text).toBe('Peskov');
  });

  it('suggests the clause before a sentence-final cue: "…, officials said." and "…, said X."', () => {
    const a = 'The plant will close next year, officials said.';
    expect(parts(a, quotesOf(a)[0]!)).toEqual(['The plant will close next year']);
    expect(quotesOf(a)[0]!.speaker?.text).toBe('officials');
    const b = 'The plant will close next year, said Maria Lopez.';
    expect(quotesOf(b)[0]!.speaker?.text).toBe('Maria Lopez');
  });

  it('suggests "according to X, …" and "…, according to X."', () => {
    const a = 'According to the Kremlin, the talks will resume next week.';
    const qa = quotesOf(a)[0]!;
    expect(parts(a, qa)).toEqual(['the talks will resume next week']);
    expect(qa.rule).toBe('according-to');
    expect(qa.speaker?.text).toBe('Kremlin');
    const b = 'The talks will resume next week, according to the Kremlin.';
    expect(parts(b, quotesOf(b)[0]!)).toEqual(['The talks will resume next week']);
  });

  it('speaks through a pronoun: "He went on to say …"', () => {
    const text = 'He went on to say the behaviour of the board is “very different from a misunderstanding.”';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['the behaviour of the board is “very different from a misunderstanding.”']);
    expect(q!.speaker?.pronoun).toBe(true);
  });

  it('takes the subject of the sentence for a participle ("…, stating that …")', () => {
    const text = 'He also laid out his plan for fighting the group, stating that the country should formally declare war on it.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['that the country should formally declare war on it']);
    expect(q!.speaker?.text).toBe('He');
  });

  it('makes a clause with quoted words one mixed quote, not two suggestions', () => {
    const text = 'Carson said that “those who know me know that I’m an honest person.”';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(1);
    expect(parts(text, quotes[0]!)).toEqual(['that “those who know me know that I’m an honest person.”']);
  });

  it('ends the reported clause before a relative clause that quotes the speaker again ("…, which he called “…”")', () => {
    const text = 'DeSantis said he has supported legislation against accreditation bodies, which he called “a cartel for higher education.”';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => [parts(text, q).join(' … '), q.speaker?.text, q.speaker?.actor?.text])).toEqual([
      ['he has supported legislation against accreditation bodies', 'DeSantis', 'DeSantis'],
      ['“a cartel for higher education.”', 'he', 'DeSantis'],
    ]);
  });

  it('leaves a pronoun after a listener in the reported clause ("told reporters he would …")', () => {
    const text = 'Trump told reporters he would not back down.';
    expect(parts(text, quotesOf(text)[0]!)).toEqual(['he would not back down']);
    expect(quotesOf('“We won,” said he.')[0]!.speaker?.text).toBe('he');
  });

  it('leaves a quote with its own cue to the direct rule', () => {
    const text = '“We will win,” he said.';
    expect(quotesOf(text).map((q) => q.rule)).toEqual(['direct-quote']);
  });

  it('suggests nothing for verbs that report no clause or name no speaker', () => {
    expect(quotesOf('Carson said in an alleyway behind the hotel.')).toEqual([]);
    expect(quotesOf('The so-called deal is said to be worth millions.')).toEqual([]);
    expect(quotesOf('The United States should declare war on the group.')).toEqual([]);
  });

  it('gives a participle after a cue ("…,” he said, adding that …") the cue\'s speaker', () => {
    const text = '“They are worried,” Carson said, adding that the media would never treat him fairly.';
    const reported = quotesOf(text).find((q) => q.rule === 'reported-speech')!;
    expect(parts(text, reported)).toEqual(['that the media would never treat him fairly']);
    expect(reported.speaker?.text).toBe('Carson');
    const inverted = '“They are worried,” said Carson, adding that the media would never treat him fairly.';
    expect(quotesOf(inverted).find((q) => q.rule === 'reported-speech')!.speaker?.text).toBe('Carson');
    // The listener of "told" is not the one who adds.
    const told = '“We are ready,” Nabi told reporters on Sunday, saying the team would play without fear.';
    expect(quotesOf(told).find((q) => q.rule === 'reported-speech')!.speaker?.text).toBe('Nabi');
  });

  it('gives a verb joined by "and" the subject of its sentence', () => {
    const text = 'A group of Mexican writers published an open letter and said the campaign was stirring up hatred.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['the campaign was stirring up hatred']);
    expect(q!.speaker?.text).toBe('A group');
  });

  it('finds "that" after a listener and a long place and time phrase', () => {
    const text = 'Vargas Llosa told an audience at a literary festival in Houston last week that the remarks were "intolerable."';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['that the remarks were "intolerable."']);
    expect(q!.speaker?.text).toBe('Vargas Llosa');
  });

  it('suggests what a speaker called something in quoted words ("called the report a “lie”")', () => {
    const a = 'Carson called that report Friday a "boldfaced lie."';
    const [qa] = quotesOf(a);
    expect(parts(a, qa!)).toEqual(['that report Friday a "boldfaced lie."']);
    expect(qa!.speaker?.text).toBe('Carson');
    const b = 'Clinton blasted the plan on Wednesday, calling it "absurd."';
    expect(parts(b, quotesOf(b)[0]!)).toEqual(['it "absurd."']);
    const c = 'Beruff, a Scott ally, called Florida’s standards “strong.”';
    expect(quotesOf(c)[0]!.speaker?.text).toBe('Beruff');
    const d = 'He described the deal as “a disaster for workers.”';
    expect(parts(d, quotesOf(d)[0]!)).toEqual(['the deal as “a disaster for workers.”']);
  });

  it('does not take a title or a habitual label for something a speaker called', () => {
    expect(quotesOf('A group of comedians is performing a play called "Sons of Trump" in Mexico City.')).toEqual([]);
    expect(quotesOf('Iran calls the US the “Great Satan.”')).toEqual([]);
    expect(quotesOf('Trump called for “a shutdown” last year.')).toEqual([]);
    expect(quotesOf('He called “Saturday Night Live” a waste of time.')).toEqual([]);
  });

  it('ends a reported clause where the sentence goes on with another attribution, and suggests that one too', () => {
    const cases: [string, string[][]][] = [
      [
        'Carson said that the media was unfair to him, adding that he would not stop campaigning.',
        [
          ['that the media was unfair to him', 'Carson'],
          ['that he would not stop campaigning', 'Carson'],
        ],
      ],
      [
        'Lamsa said the mock election will still go ahead and noted that the wall came down easily.',
        [
          ['the mock election will still go ahead', 'Lamsa'],
          ['that the wall came down easily', 'Lamsa'],
        ],
      ],
      [
        'Smith said the plan would fail, but Jones said it would work.',
        [
          ['the plan would fail', 'Smith'],
          ['it would work', 'Jones'],
        ],
      ],
      [
        'Wilcox said he was a big advocate of common standards, which he argued help students who move often.',
        [
          ['he was a big advocate of common standards', 'Wilcox'],
          ['help students who move often', 'he'],
        ],
      ],
    ];
    for (const [text, expected] of cases) {
      expect(quotesOf(text).map((q) => [parts(text, q).join(' … '), q.speaker?.text])).toEqual(expected);
    }
    // A relative clause without a speech verb is part of what was said.
    const plain = 'Smith said the bill, which was drafted in May, would pass easily.';
    expect(quotesOf(plain).map((q) => parts(plain, q))).toEqual([['the bill, which was drafted in May, would pass easily']]);
  });

  it('reads "states" as the noun after a determiner, a number or a verb, and as the verb after its subject', () => {
    expect(quotesOf('Obama offered states billions of dollars for schools.')).toEqual([]);
    expect(quotesOf('Governors of the states met in Denver to discuss the budget.')).toEqual([]);
    const verb = 'The report states that the economy grew.';
    expect(parts(verb, quotesOf(verb)[0]!)).toEqual(['that the economy grew']);
    const opening = 'In 2009, when Obama offered states billions, “states were hemorrhaging money,” DeSantis said.';
    expect(parts(opening, quotesOf(opening)[0]!)).toEqual(['In 2009, when Obama offered states billions, “states were hemorrhaging money,”']);
  });

  it('suggests a noun of speech with its named speaker and a "that" clause ("a statement by X that …", "his claims that …")', () => {
    const by = 'Eric Trump knocked a statement by actor George Clooney that an “obscene amount of money” was raised.';
    const [q] = quotesOf(by);
    expect(parts(by, q!)).toEqual(['a statement by actor George Clooney that an “obscene amount of money” was raised']);
    expect(q!.speaker?.text).toBe('George Clooney');
    const his = 'Ben Carson stood by his claims that he had received a scholarship offer.';
    const [h] = quotesOf(his);
    expect(parts(his, h!)).toEqual(['his claims that he had received a scholarship offer']);
    expect(h!.speaker?.pronoun).toBe(true);
    expect(h!.speaker?.actor?.text).toBe('Ben Carson');
    // No speaker named, or no clause: the reporter's framing, left out.
    expect(quotesOf('The statement that the company issued on Friday was short.')).toEqual([]);
    expect(quotesOf('He read a statement by the company to the crowd.')).toEqual([]);
  });

  it('finds the subject after an opening time or place phrase for a participle cue ("Later in the summer, she … explaining that …")', () => {
    const text = 'Later in the summer, she revised her statement explaining that she had not sent emails that were “marked classified at the time.”';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['that she had not sent emails that were “marked classified at the time.”']);
    expect(q!.speaker?.text).toBe('she');
    expect(spanText(text, q!.speaker?.cue)).toBe('explaining');
  });

  it('suggests the claim a speaker answers ("X disputed the claim that …"), the answering verb its cue', () => {
    const text = 'The campaign disputed the claim that Clinton had "lied" about the emails.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['the claim that Clinton had "lied" about the emails']);
    expect(q!.speaker?.text).toBe('The campaign');
    expect(spanText(text, q!.speaker?.cue)).toBe('disputed');
    // A claim nobody answers or makes is the reporter's framing.
    expect(quotesOf('The claim that the plan would work was never tested.')).toEqual([]);
  });
});
