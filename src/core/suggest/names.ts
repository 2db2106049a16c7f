/**
 * Candidate names: runs of capitalised words ("Jared Bernstein", "Sen. Bernie Sanders",
 * "University of Michigan", "Donald J. Trump"), found by spelling alone. They are what the cue
 * rules take a speaker's name from, what pronouns resolve to, and what the NLP pass classifies
 * (it is given these runs rather than the whole article, which keeps it within the time budget).
 *
 * A capitalised word is not a name when it is a function word that starts a sentence ("The",
 * "But"), a day or month, a pronoun, or a sentence-initial word the text also writes in lower
 * case elsewhere ("Whether", "Meanwhile").
 */
import { isCapitalized, type Token } from './tokens';

const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'and',
  'but',
  'or',
  'nor',
  'so',
  'yet',
  'for',
  'in',
  'on',
  'at',
  'to',
  'of',
  'by',
  'with',
  'from',
  'as',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'because',
  'although',
  'though',
  'that',
  'this',
  'these',
  'those',
  'there',
  'here',
  'what',
  'who',
  'why',
  'how',
  'where',
  'which',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'me',
  'him',
  'them',
  'us',
  'no',
  'not',
  'yes',
  'all',
  'some',
  'many',
  'most',
  'more',
  'one',
  'two',
  'three',
  'each',
  'every',
  'any',
  'both',
  'such',
  'then',
  'now',
  'still',
  'also',
  'even',
  'just',
  'only',
  'however',
  'meanwhile',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'today',
  'yesterday',
  'tomorrow',
  'tonight',
  'mr',
  'mrs',
  'ms',
  'dr',
  'okay',
  'ok',
  'oh',
  'well',
  'full',
  'text',
  'abstract',
]);
/** Titles and honorifics that belong to the name they precede ("Sen. Marco Rubio", "President Obama"). */
const TITLES = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'mx.',
  'dr.',
  'prof.',
  'sen.',
  'rep.',
  'gov.',
  'gen.',
  'lt.',
  'col.',
  'capt.',
  'adm.',
  'sgt.',
  'maj.',
  'rev.',
  'fr.',
  'president',
  'senator',
  'governor',
  'secretary',
  'minister',
  'chancellor',
  'mayor',
  'judge',
  'justice',
  'pope',
  'king',
  'queen',
  'prince',
  'princess',
  'sir',
  'dame',
  'lord',
  'lady',
  'general',
  'admiral',
  'representative',
  'congressman',
  'congresswoman',
  'speaker',
  'chairman',
  'chairwoman',
  'professor',
  'detective',
  'officer',
  'sheriff',
  'ambassador',
  'commissioner',
  'director',
  'chief',
  'premier',
  'prime',
]);
/** After a capitalised word that opens its sentence, these make it a verb ("Let me", "Tell us"). */
const OBJECT_PRONOUNS = new Set(['me', 'us', 'him', 'them']);
/** Lower-case words that join two capitalised parts of one name. */
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'da', 'di', 'van', 'von', 'der', 'den', 'bin', 'al', 'la', 'le', 'du', 'y', 'the', 'for', '&']);

export interface NameRun {
  /** Token indexes [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** The run begins with a title or honorific ("Mr.", "Sen.", "President"). */
  titled: boolean;
  /** What the title says of the name's bearer, where it says anything. */
  gender?: 'male' | 'female';
}

export function isTitle(token: Token): boolean {
  return TITLES.has(token.norm);
}

/** A title or honorific, by its lower-case spelling ("sen.", "president"). */
export function isTitleWord(norm: string): boolean {
  return TITLES.has(norm);
}

/** A capitalised word that can be part of a name (first = the run's first word). */
function nameWord(token: Token, first: boolean, lowerForms: ReadonlySet<string>, sentenceStart: boolean): boolean {
  if (!isCapitalized(token)) return false;
  const bare = token.norm.replace(/\.$/, '');
  if (isTitle(token)) return true;
  if (NOT_NAMES.has(bare)) return false;
  if (first && sentenceStart && lowerForms.has(token.norm)) return false;
  return true;
}

/**
 * Every candidate name run. `sentenceStarts` marks token indexes that begin a sentence (or a
 * quote); `lowerForms` is the set of words the text writes in lower case.
 */
export function findNameRuns(text: string, tokens: readonly Token[], sentenceStarts: ReadonlySet<number>, lowerForms: ReadonlySet<string>): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord(tokens[i]!, true, lowerForms, sentenceStarts.has(i))) {
      i++;
      continue;
    }
    let last = i + 1;
    for (;;) {
      const t = tokens[last];
      if (!t || gapBreaks(text, tokens[last - 1]!, t)) break;
      if (nameWord(t, false, lowerForms, false)) {
        last++;
        continue;
      }
      const after = tokens[last + 1];
      if (CONNECTORS.has(t.norm) && !isCapitalized(t) && after && !gapBreaks(text, t, after) && nameWord(after, false, lowerForms, false)) {
        last += 2;
        continue;
      }
      break;
    }
    const end = last;
    // "Let me be clear", "Tell us": an imperative opening its sentence is no name.
    if (last === i + 1 && sentenceStarts.has(i) && OBJECT_PRONOUNS.has(tokens[last]?.norm ?? '')) last = i;
    // A title alone ("President", "Mr.") is no name; a title before one belongs to it ("President Obama").
    while (last > i && isTitle(tokens[last - 1]!)) last--;
    if (last > i) {
      const run: NameRun = {
        first: i,
        last,
        start: tokens[i]!.start,
        end: tokens[last - 1]!.end,
        text: text.slice(tokens[i]!.start, tokens[last - 1]!.end),
        titled: isTitle(tokens[i]!),
      };
      const gender = genderOfTitle(tokens[i]!.norm);
      if (gender) run.gender = gender;
      runs.push(run);
    }
    i = Math.max(end, i + 1);
  }
  return runs;
}

/** Words of one name are separated by one space at most (no line break, no punctuation). */
function gapBreaks(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 1) return true;
  return b.start > a.end && text[a.end] !== ' ';
}

function genderOfTitle(norm: string): 'male' | 'female' | undefined {
  if (norm === 'mr.' || norm === 'sir' || norm === 'king' || norm === 'prince' || norm === 'lord' || norm === 'congressman' || norm === 'chairman')
    return 'male';
  if (
    norm === 'mrs.' ||
    norm === 'ms.' ||
    norm === 'queen' ||
    norm === 'princess' ||
    norm === 'dame' ||
    norm === 'lady' ||
    norm === 'congresswoman' ||
    norm === 'chairwoman'
  )
    return 'female';
  return undefined;
}

/** Lower-case word forms of the text, to tell "Whether" at a sentence start from a name. */
export function lowerCaseForms(tokens: readonly Token[]): Set<string> {
  const forms = new Set<string>();
  for (const t of tokens) if (t.word && !isCapitalized(t)) forms.add(t.norm);
  return forms;
}
