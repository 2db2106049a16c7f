import { describe, expect, it } from 'vitest';
import { findTranscriptTurns } from '../../../../src/core/suggest/transcript';
import { parts, quotesOf } from './helpers';

const TRANSCRIPT = [
  'On “Fox News Sunday,” Gov. Mike Pence said the tweet was only meant “to mock” the Clinton camp.',
  '',
  'Partial transcript as follows:',
  '',
  '"WALLACE: Why would Trump do that? And will Gennifer Flowers be there tomorrow night?',
  '',
  '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.” But this is America, Chris.',
  '',
  '"(CROSSTALK.)',
  '',
  '"PENCE: And that’s why Donald Trump is on his way to the White House."',
].join('\n');

describe('transcripts', () => {
  it('suggests each labelled paragraph as one turn, said by its label, without the marks that open it', () => {
    const turns = quotesOf(TRANSCRIPT).filter((q) => q.rule === 'transcript');
    expect(turns.map((q) => [q.speaker?.text, parts(TRANSCRIPT, q)[0]])).toEqual([
      ['WALLACE', 'Why would Trump do that? And will Gennifer Flowers be there tomorrow night?'],
      ['PENCE', 'Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.” But this is America, Chris.'],
      ['PENCE', 'And that’s why Donald Trump is on his way to the White House.'],
    ]);
  });

  it('links a turn’s label to the registry entity of the name it stands for, as any named speaker', () => {
    const pence = quotesOf(TRANSCRIPT, [{ name: 'Mike Pence', entityId: 'ent_pence' }]).find((q) => q.rule === 'transcript' && q.speaker?.text === 'PENCE');
    expect(pence?.speaker?.actor).toEqual({ fragment: pence!.speaker!.fragment, text: 'PENCE', entityId: 'ent_pence' });
    // Known only by the label's spelling written as a name, with no mention before the transcript.
    const text = TRANSCRIPT.replace('Gov. Mike Pence', 'the governor');
    const byLabel = quotesOf(text, [{ name: 'Pence', entityId: 'ent_pence' }]).find((q) => q.rule === 'transcript' && q.speaker?.text === 'PENCE');
    expect(byLabel?.speaker?.actor?.entityId).toBe('ent_pence');
    // Unknown: the label is still the actor the link goes to, with no entity.
    const wallace = quotesOf(TRANSCRIPT).find((q) => q.rule === 'transcript' && q.speaker?.text === 'WALLACE');
    expect(wallace?.speaker?.actor).toEqual({ fragment: wallace!.speaker!.fragment, text: 'WALLACE' });
  });

  it('keeps the quotes before the transcript, and suggests nothing else inside its turns', () => {
    const quotes = quotesOf(TRANSCRIPT);
    const turnsEnd = TRANSCRIPT.indexOf('"WALLACE');
    expect(quotes.filter((q) => q.rule !== 'transcript').every((q) => q.fragments.every((f) => f.end <= turnsEnd))).toBe(true);
    expect(quotes.some((q) => q.rule !== 'transcript' && parts(TRANSCRIPT, q).join('').includes('to mock'))).toBe(true);
  });

  it('needs two speakers: a note or a single label is no transcript', () => {
    expect(findTranscriptTurns('The party met.\n\nCLARIFICATION: The first sentence has been clarified.\n\nUPDATE: More to come.')).toEqual([]);
    expect(findTranscriptTurns('PENCE: Well, look.\n\nPENCE: And that is all.')).toEqual([]);
    expect(findTranscriptTurns('Q: Did you know?\n\nA: No.')).toEqual([]);
  });
});
