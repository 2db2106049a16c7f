import { describe, expect, it } from 'vitest';
import { compromiseNameFinder } from '../../../../src/core/suggest/nlp-names';
import { parts, quotesOf, spanText } from './helpers';

const withNames = { nameFinder: compromiseNameFinder() };

describe('direct quotes', () => {
  it('suggests a curly quote with the speaker named after it', () => {
    const text = 'The talks collapsed. “We will not sign this deal,” Peskov said on Tuesday.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['“We will not sign this deal,”']);
    expect(q!.rule).toBe('direct-quote');
    expect(q!.speaker?.text).toBe('Peskov');
    expect(q!.speaker?.pronoun).toBe(false);
    expect(spanText(text, q!.speaker?.cue)).toBe('said');
    expect(q!.speaker?.actor?.text).toBe('Peskov');
  });

  it('suggests a straight-quoted quote with an inverted cue ("said X")', () => {
    const text = '"The economy is stronger than it has been in years," said Sen. Marco Rubio, a Republican.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['"The economy is stronger than it has been in years,"']);
    expect(q!.speaker?.text).toBe('Sen. Marco Rubio');
  });

  it('takes the cue before a quote: "Trump said: “…”", "Clinton told reporters, “…”"', () => {
    const a = 'Trump said: “Nobody builds walls better than me.”';
    expect(quotesOf(a)[0]!.speaker?.text).toBe('Trump');
    const b = 'Clinton told reporters on Monday, “We are going to win this state.”';
    expect(quotesOf(b)[0]!.speaker?.text).toBe('Clinton');
  });

  it('takes the name before a party-and-state parenthesis: "Rep. John Mica (R-Fla.) said"', () => {
    const a = '“If you continue that, you destroy the whole basis of our government,” Rep. John Mica (R-Fla.) said.';
    expect(quotesOf(a, [], withNames)[0]!.speaker?.text).toBe('Rep. John Mica');
    const b = 'Republicans pressed on. “Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said after the hearing.';
    const [q] = quotesOf(b, [], withNames);
    expect(parts(b, q!)).toEqual(['“Subpoenas are not optional,”']);
    expect(q!.speaker?.text).toBe('Chairman Rep. Jason Chaffetz');
  });

  it('ends the sentence at a quote that closes a reported clause: the cue after it is the next sentence’s', () => {
    const text = 'Russia insisted that Pyongyang “stop its dangerous escapades.” The International Atomic Energy Agency said the test broke the rules.';
    const q = quotesOf(text, [], withNames).find((s) => parts(text, s).join('').includes('“stop its dangerous escapades.”'));
    expect(q!.speaker?.text).toBe('Russia');
    // A quote that opens its sentence still takes the cue after its full stop.
    const opening = '“We will win this state.” Trump said it twice.';
    expect(quotesOf(opening, [], withNames)[0]!.speaker?.text).toBe('Trump');
  });

  it('joins a quote resumed in lower case after a long cue: "“…,” Trump said during a rally in Kenansville, N.C., “but …”"', () => {
    const text = '"I think Lester Holt will be very fair," Trump said during a rally in Kenansville, N.C., "but a lot of people are going to be watching."';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['"I think Lester Holt will be very fair,"', '"but a lot of people are going to be watching."']);
    // Resumed with a capital after the same long cue: a new quote, not one resumed.
    const other = '"I think Lester Holt will be very fair," Trump said during a rally in Kenansville, N.C., "The rest of them are biased."';
    expect(quotesOf(other).map((s) => s.fragments.length)).toEqual([1, 1]);
  });

  it('does not suggest a show named with a possessive: “Fox and Friends.”', () => {
    const text = '“He is absolutely right,” Flynn said on Fox News’s “Fox and Friends.” “I mean, there is a lot of frustration.”';
    const quotes = quotesOf(text);
    expect(quotes.flatMap((s) => parts(text, s))).not.toContain('“Fox and Friends.”');
    expect(quotes[0]!.speaker?.text).toBe('Flynn');
  });

  it('joins a paragraph that is nothing but a quote to the quote its cue ended the paragraph before with', () => {
    const text =
      'America needs leaders “who understand that bombastic comments can cause more turbulence,” Clinton said.\n\n“And that’s why steady, experienced leadership is so important at times like these.”\n\nTrump landed in Scotland.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual([
      'America needs leaders “who understand that bombastic comments can cause more turbulence,”',
      '“And that’s why steady, experienced leadership is so important at times like these.”',
    ]);
    expect(q!.speaker?.text).toBe('Clinton');
    // Not when the paragraph goes on past the quote, nor when it has a cue of its own.
    const own = '“We will win,” Clinton said.\n\n“We are ready for this fight,” Kaine added.';
    expect(quotesOf(own).map((s) => s.fragments.length)).toEqual([1, 1]);
    const more = '“We will win,” Clinton said.\n\n“We are ready for this fight.” The crowd cheered for a long time.';
    expect(quotesOf(more).every((s) => s.fragments.length === 1)).toBe(true);
  });

  it('joins a quote resumed in lower case after "…, X said, and still “…”"', () => {
    const text = 'Mills “got an immunity agreement,” Jordan said, and still “got to sit in on her interview with the FBI.”';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['Mills “got an immunity agreement,”', '“got to sit in on her interview with the FBI.”']);
    expect(q!.speaker?.text).toBe('Jordan');
  });

  it('does not take a dateline for the subject: "WASHINGTON — …, saying: “…”"', () => {
    const text = 'WASHINGTON — Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”';
    expect(quotesOf(text)[0]!.speaker?.text).toMatch(/^Hillary Clinton/);
    const ap = 'NEW YORK (AP) — The mayor rallied supporters, saying: “We have to be ready.”';
    expect(quotesOf(ap)[0]!.speaker?.text).toMatch(/^The mayor/);
  });

  it('takes what a crowd chants or shouts as said by it, however short', () => {
    const text = 'Protesters marching through the streets chanted “What curfew?” and kept going until 2 a.m.';
    const [q, ...rest] = quotesOf(text);
    expect(rest).toEqual([]);
    expect(parts(text, q!)).toEqual(['“What curfew?”']);
    expect(q!.speaker?.text).toMatch(/^Protesters/);
    expect(quotesOf('Some in the crowd were chanting “USA! USA!” Hundreds more waited outside.').map((s) => s.speaker?.text)).toEqual(['Some']);
  });

  it('passes over a long opening phrase to the subject after its comma', () => {
    const text = 'In response to the governor’s proposal to close every shelter in the state, Jane Doe rallied supporters, saying: “We have to be ready.”';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Jane Doe');
  });

  it('reads a dateline with its date, and a place written as a name before the agency’s mark', () => {
    const dated = 'WASHINGTON, Dec. 8 (UPI) — Jane Doe rallied supporters, saying: “We have to be ready to stop him.”';
    expect(quotesOf(dated)[0]!.speaker?.text).toBe('Jane Doe');
    const agency = 'Washington (AFP) – Democrat Jane Doe took a swipe at her rival, saying that “bombastic comments” do more harm than good.';
    expect(quotesOf(agency)[0]!.speaker?.text).toBe('Democrat Jane Doe');
  });

  it('gives a participle the name right before it: "footage of Hillary Clinton asking, “…”"', () => {
    const text = 'The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?” The ad then ends.';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Hillary Clinton');
  });

  it('takes a name with its party parenthesis between commas as the subject: "…, Gov. John Kasich (R-OH), said, “…”"', () => {
    const text = 'After winning Ohio in the Republican presidential primary, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Gov. John Kasich');
  });

  it('takes the name signed after a dash as the speaker: "“…” ― Sonya Herridge"', () => {
    const text = '“He represents our greatest shame.” ― Sonya Herridge “During the debate he was ignorant of our culture.”― Pamela Padilla. Getty/Instagram.';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['Sonya Herridge', 'Pamela Padilla']);
    expect(quotes.every((q) => q.score >= 0.85)).toBe(true);
    // A dash that goes on with the sentence signs nothing.
    const aside = '“We will win.” — Sonya Herridge and her team left the hall after that.';
    expect(quotesOf(aside)[0]?.speaker?.text).not.toBe('Sonya Herridge');
  });

  it('gives a quote after a lead-in ending in a colon the lead-in’s subject: "Sanders made the following comment: “…”"', () => {
    const text =
      'The claims were treated differently by PolitiFact. On July 6, Sanders made the following comment: “For young people the real unemployment rate is 51 percent.”';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Sanders');
  });

  it('does not carry a quote on past another attribution: "“A,” Warren said. “B” …, she said. “C”"', () => {
    const text =
      'Stumpf made $19.3 million. “This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price, she said, referencing the bank’s fierce drive to make customers open up multiple accounts. “You went on television to blame thousands of workers.” Stumpf sat still.';
    const quotes = quotesOf(text);
    expect(quotes.find((q) => parts(text, q)[0] === '“This just isn’t right,”')?.fragments).toHaveLength(1);
    expect(quotes.some((q) => parts(text, q).join(' ').includes('“You went on television') && parts(text, q).length > 1)).toBe(false);
  });

  it('takes the subject after a verb that opens the sentence: "Said Ellis: “…”"', () => {
    const text = 'Some experts say the plan is too complicated. Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”';
    const q = quotesOf(text).find((s) => s.rule === 'direct-quote');
    expect(q?.speaker?.text).toBe('Ellis');
    expect(spanText(text, q?.speaker?.cue)).toBe('Said');
  });

  it('takes the subject before an appositive and its verb, not the listener after it', () => {
    const text = '“The agents are under a lot of pressure,” an intelligence source, who was not authorized to speak on the record, told Fox News.';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('an intelligence source');
  });

  it('gives a quote with no cue to the name that opens the sentence before it in the paragraph', () => {
    const text =
      '“I had no involvement with them,” Carson replied.\n\nQuintanilla seemed taken aback. “Does that not speak to your vetting process in any way?”';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['Carson', 'Quintanilla']);
  });

  it('takes the subject of the sentence for a participle cue ("…, saying “…”")', () => {
    const text =
      'A source from the movement told reporters they were against the idea, saying, “this is yet another step to replace us as the sovereign of our country.”';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('A source');
  });

  it('takes a pronoun right before the verb over a phrase in front of it', () => {
    const text = 'In a press release on their Facebook page they stated, “the vote is not a step towards integration.”';
    const [q] = quotesOf(text);
    expect(q!.speaker?.text).toBe('they');
    expect(q!.speaker?.pronoun).toBe(true);
  });

  it('does not take a clause after the quote ("…,” while police said) for its cue', () => {
    const text = 'An employee told the magazine Der Spiegel “We have a complaint of criminal damage,” while police said they were investigating.';
    const quotes = quotesOf(text);
    expect(quotes[0]!.speaker?.text).toBe('An employee');
    expect(quotes[0]!.text).toBe('“We have a complaint of criminal damage,”');
  });

  it('takes a clause the speaker says before the cue into the quote ("Whether …, Mr. Garin added, “…”")', () => {
    const text = "Whether the issue is the pipeline or health care, Mr. Garin added, ''it becomes harder for the Republicans to attack.''";
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['Whether the issue is the pipeline or health care', "''it becomes harder for the Republicans to attack.''"]);
    expect(q!.speaker?.text).toBe('Mr. Garin');
  });

  it('takes the head of a speaker with an appositive as the speaker name', () => {
    const text =
      "''We finally may be seeing some wage acceleration,'' the economist Jared Bernstein, a former adviser in the Obama White House, wrote on his blog.";
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Jared Bernstein');
  });

  it('makes the interrupted quote “…,” he said, “…” one quote with two fragments', () => {
    const text = 'Carson spoke to reporters. “I have no problem with being vetted,” he said, “what I do have a problem with is being lied about.”';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(1);
    expect(parts(text, quotes[0]!)).toEqual(['“I have no problem with being vetted,”', '“what I do have a problem with is being lied about.”']);
    expect(quotes[0]!.text).toBe('“I have no problem with being vetted,” … “what I do have a problem with is being lied about.”');
  });

  it('joins the quote that goes on after its cue in the next sentence', () => {
    const text = '"They\'re worried," Carson said in an alleyway. "There is no question about it."';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => parts(text, q))).toEqual([['"They\'re worried,"', '"There is no question about it."']]);
  });

  it('keeps two quotes with cues of their own apart', () => {
    const text = '“We lost the vote,” Smith said. “We will try again next year,” Jones replied.';
    expect(quotesOf(text).map((q) => q.speaker?.text)).toEqual(['Smith', 'Jones']);
  });

  it('suggests a quote over several paragraphs as one quote, one fragment per paragraph', () => {
    const text =
      'Garin said:\n\n“Good economic news for the country is bad news for the Republicans.\n\n“It takes the air out of their argument that we need a big change,” he added.';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(1);
    expect(parts(text, quotes[0]!)).toEqual([
      '“Good economic news for the country is bad news for the Republicans.',
      '“It takes the air out of their argument that we need a big change,”',
    ]);
    expect(quotes[0]!.speaker?.text).toBe('Garin');
  });

  it('resolves a pronoun speaker to the nearest fitting named actor before it', () => {
    const text = 'Mrs. Clinton met Senator Bernie Sanders in Iowa.\n\n“We will fight for every vote,” he said.';
    const [q] = quotesOf(text, [], withNames);
    expect(q!.speaker?.text).toBe('he');
    expect(q!.speaker?.pronoun).toBe(true);
    // "Mrs." says Clinton is not a "he": the nearest fitting actor is Sanders.
    expect(q!.speaker?.actor?.text).toBe('Senator Bernie Sanders');
    const she = 'Mrs. Clinton met Senator Bernie Sanders in Iowa. “It was a good meeting,” she said.';
    expect(quotesOf(she, [], withNames)[0]!.speaker?.actor?.text).toBe('Mrs. Clinton');
    // Places are no speakers: without the NLP pass nothing tells Iowa from a person.
    expect(quotesOf(text, [], withNames)[0]!.speaker?.actor?.text).not.toBe('Iowa');
  });

  it('does not resolve a pronoun to a name inside a quote', () => {
    const text = 'Carson spoke in Detroit. “When I look at somebody like Hillary Clinton,” he said, “I see a politician who lies.”';
    expect(quotesOf(text, [], withNames)[0]!.speaker?.actor?.text).toBe('Carson');
  });

  it('takes the speaker from "according to X"', () => {
    const text = 'According to the Kremlin, “the talks will go on as planned next week.”';
    const [q] = quotesOf(text);
    // The name that ends the phrase is the speaker, so it is what an actor annotation would cover.
    expect(q!.speaker?.text).toBe('Kremlin');
    expect(spanText(text, q!.speaker?.cue)).toBe('According to');
  });

  it('carries the speaker of the quote before to a quote with no cue in the next paragraph', () => {
    // (Right after a short cue the paragraph is one quote with the one before; see above.)
    const text =
      '“We have done our job,” the mayor said on Tuesday at a meeting with residents of the flooded streets by the river.\n\n“Now the council has to do theirs and fund the repairs.”';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]!.speaker?.text).toBe('the mayor');
    expect(quotes[1]!.speaker?.cue).toBeUndefined();
    expect(quotes[1]!.score).toBeLessThan(quotes[0]!.score);
  });

  it('does not suggest scare quotes or titles', () => {
    // "… and say it will fail" is reported speech of the critics; the scare quote is in none of it.
    expect(quotesOf('Critics call the policy “woke” and say it will fail.').filter((q) => q.text.includes('woke'))).toEqual([]);
    expect(quotesOf('He hosted “Saturday Night Live” last week and the ratings rose.')).toEqual([]);
    expect(quotesOf('Her new film, “The Long Road Home,” opens on Friday in theatres.')).toEqual([]);
    expect(quotesOf('In an extended appearance on "Morning Joe," co-host Mika Brzezinski asked Trump about it.')).toEqual([]);
    expect(quotesOf('They vote for “R,” or “D,” according to their instinctive preference.')).toEqual([]);
    expect(quotesOf('Iran calls the US the “Great Satan.”')).toEqual([]);
  });

  it('suggests a long quote even without a cue', () => {
    const text = 'The sign at the gate read: "No one may enter this building without a pass issued by the security office."';
    expect(quotesOf(text)).toHaveLength(1);
  });

  it('gives the same id to the same suggestion, computed again', () => {
    const text = '“We will not sign this deal,” Peskov said.';
    const [a] = quotesOf(text);
    const [b] = quotesOf(text);
    expect(a!.id).toBe(b!.id);
    expect(a!.id).toBe(`quote@0-${'“We will not sign this deal,”'.length}`);
  });

  it('takes the opening of a sentence that a lower-case quote finishes into the quote ("Closing it would “…,” he said")', () => {
    const text = 'Closing the department would “send the wrong message about our priorities,” he added.';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['Closing the department would “send the wrong message about our priorities,”']);
    expect(q!.speaker?.text).toBe('he');
    // A quote that opens in capitals is a whole utterance: what stands before it is the reporter's.
    const capital = 'In the interview, “We are going to win this state,” Trump said.';
    expect(parts(capital, quotesOf(capital)[0]!)).toEqual(['“We are going to win this state,”']);
    // A speech verb in the opening makes it "X said the plan was “…”", not the speaker's own sentence.
    const said = 'Officials said the plan was “dead on arrival,” a spokesman added.';
    expect(quotesOf(said).some((x) => x.text.startsWith('Officials'))).toBe(false);
  });

  it('speaks by the name in an appositive after a description ("the plaintiffs’ lawyer, Roberta Kaplan, said")', () => {
    const after = '"This is a victory for families," the plaintiffs’ lawyer, Roberta Kaplan, said in a statement.';
    const [a] = quotesOf(after);
    expect(a!.speaker?.text).toBe('Roberta Kaplan');
    expect(a!.speaker?.actor?.text).toBe('Roberta Kaplan');
    const before = 'The plaintiffs’ lawyer, Roberta Kaplan, said: "This is a victory for families."';
    expect(quotesOf(before)[0]!.speaker?.text).toBe('Roberta Kaplan');
    // An appositive that is no name leaves the head as it is.
    const plain = '"We will appeal," Mr. Garin, a Democratic pollster, said.';
    expect(quotesOf(plain)[0]!.speaker?.text).toBe('Mr. Garin');
  });

  it('takes the subject before several appositives ("Maria Torres, 34, a mother of three, said")', () => {
    const text = '"I love this country," Maria Torres, 34, a mother of three who came from Mexico, said through an interpreter.';
    expect(quotesOf(text)[0]!.speaker?.text).toBe('Maria Torres');
  });

  it('carries the speaker of a reported clause before it to a quote with no cue', () => {
    const text =
      'In his speech, Graham assured the audience that he would tell the bigots to “shut up.” The crowd cheered.\n\n"The answer to the immigration problem is to focus on what it means to be an American."';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]!.rule).toBe('direct-quote');
    expect(quotes[1]!.speaker?.text).toBe('Graham');
    expect(quotes[1]!.speaker?.cue).toBeUndefined();
    // Right after the clause, at the end of its paragraph, the quote is the clause's second part
    // (as all six PolNeAR annotators of the article this comes from have it; continuations.ts).
    const next =
      'In his speech, Graham assured the audience that he would tell the bigots to “shut up.”\n\n"The answer is to focus on what it means to be an American."';
    const [joined, ...rest] = quotesOf(next);
    expect(rest).toEqual([]);
    expect(joined!.fragments).toHaveLength(2);
  });

  it('takes the subject before a sandwiched cue into a quote that goes on in lower case ("The law, he wrote, “does not …”")', () => {
    const text = 'The law, he wrote, "does not honor that tradition of religious freedom."';
    const [q] = quotesOf(text);
    expect(parts(text, q!)).toEqual(['The law', '"does not honor that tradition of religious freedom."']);
    expect(q!.speaker?.text).toBe('he');
    // Framing before the cue, or a quote that is a clause of its own, stays out.
    for (const framed of ['On Tuesday, he said, "we will win the state."', 'Asked about the emails, Fallon said, "there is nothing new in them."']) {
      expect(quotesOf(framed)[0]!.fragments).toHaveLength(1);
    }
  });

  it('takes "put it" as a cue, before the quote and after it ("as X put it")', () => {
    const before = 'As Sanders put it in a speech last week, "The system is rigged."';
    const [q] = quotesOf(before);
    expect(parts(before, q!)).toEqual(['"The system is rigged."']);
    expect(q!.speaker?.text).toBe('Sanders');
    expect(spanText(before, q!.speaker?.cue)).toBe('put it');
    const colon = 'Smith, the group\'s director, put it bluntly: "They lied to us."';
    expect(quotesOf(colon)[0]!.speaker?.text).toBe('Smith');
    const after = '"The system is rigged against working families," as one union leader put it.';
    expect(quotesOf(after)[0]!.speaker?.text).toBe('one union leader');
    expect(quotesOf('He put it on the table and left.')).toEqual([]);
  });

  it('takes "read" and "reads" as the cue of a quoted text ("the letter reads")', () => {
    const text = '"This law is wrong," the opinion reads.';
    const [q] = quotesOf(text);
    expect(q!.speaker?.text).toBe('the opinion');
    expect(spanText(text, q!.speaker?.cue)).toBe('reads');
    const inverted = '"It\'s over," read a sign at the rally.';
    expect(quotesOf(inverted)[0]!.speaker?.text).toBe('a sign');
  });
});
