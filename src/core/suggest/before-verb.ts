/**
 * What stands between a subject and its speech verb, and is skipped to find the subject:
 * auxiliaries and adverbs ("has also said", "cynically dismissed"), a date ("who in 2010 said"),
 * and a short parenthesis after a name ("Rep. John Mica (R-Fla.) said").
 */
import { brokenBetween, type Analysis } from './analysis';
import type { Token } from './tokens';

/** Words between a subject and its speech verb: "Trump has said", "he later told", "she would add". */
const BEFORE_VERB = new Set([
  'has',
  'have',
  'had',
  'would',
  'will',
  'also',
  'later',
  'then',
  'again',
  'previously',
  'recently',
  'repeatedly',
  'once',
  'often',
  'never',
  'always',
  'just',
  'further',
  'reportedly',
  'publicly',
  'privately',
  'even',
  'still',
  'subsequently',
  'initially',
  'first',
  'famously',
  'simply',
  'had',
  'has',
  'did',
  'does',
  'do',
  'could',
  'might',
  'may',
  'should',
  'must',
  'can',
  'not',
  'had',
  'already',
  'now',
  'earlier',
  'flatly',
  'bluntly',
  'openly',
  'separately',
  'quickly',
  'immediately',
]);

/** How many tokens a parenthesis after a name may hold: "(R-Utah)", "(D-Newport News)", "(Nasdaq: AAPL)". */
const NAME_PARENTHESIS_REACH = 8;

/**
 * "Rep. John Mica (R-Fla.) said": a short parenthesis right after a name (party and state, an
 * age, a ticker) belongs to the name, so the subject is looked for before it. Returns the token
 * where the subject ends: the parenthesis's opening, or `end` unchanged.
 */
export function afterNamedParenthesis(a: Analysis, end: number, floor: number): number {
  if (end - 1 < floor || a.tokens[end - 1]!.text !== ')') return end;
  let open = end - 2;
  while (open >= floor && end - open <= NAME_PARENTHESIS_REACH && a.tokens[open]!.text !== '(') {
    if (a.inQuote[open] !== -1 || a.tokens[open]!.text === ')' || brokenBetween(a, open, open + 1)) return end;
    open--;
  }
  if (open <= floor || a.tokens[open]!.text !== '(' || a.nameOf[open - 1] === -1) return end;
  return open;
}

/** The token before which the subject of the verb at `verb` ends: adverbs and auxiliaries ("has also said") skipped. */
export function skipBeforeVerb(a: Analysis, verb: number, floor: number): number {
  let end = verb;
  for (;;) {
    while (end - 1 >= floor && (BEFORE_VERB.has(a.tokens[end - 1]!.norm) || isMannerAdverb(a.tokens[end - 1]!)) && a.inQuote[end - 1] === -1) end--;
    // "McConnell, who in 2010 said", "Obama on Friday told": a date between subject and verb.
    if (end - 2 >= floor && DATE_PREPOSITIONS.has(a.tokens[end - 2]!.norm) && isDateWord(a.tokens[end - 1]!) && a.inQuote[end - 1] === -1) end -= 2;
    else return end;
  }
}

/** Nouns spelled like adverbs, which can end a subject ("the family said"). */
const LY_NOUNS = new Set([
  'family',
  'ally',
  'rally',
  'assembly',
  'supply',
  'monopoly',
  'anomaly',
  'homily',
  'lily',
  'belly',
  'bully',
  'folly',
  'holly',
  'italy',
  'july',
]);

/** "Gingrich cynically dismissed": a lower-case -ly word between a subject and its verb. */
function isMannerAdverb(t: Token): boolean {
  return /^\p{Ll}{2,}ly$/u.test(t.text) && !LY_NOUNS.has(t.norm);
}

const DATE_PREPOSITIONS = new Set(['in', 'on', 'since', 'during', 'by']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A year, a month or a weekday: "2010", "March", "Friday". */
export function isDateWord(t: Token): boolean {
  return /^(1[89]|20)\d\d$/.test(t.text) || MONTHS.has(t.norm) || WEEKDAYS.has(t.norm);
}
