/**
 * Verbs that attribute speech, with every form news text uses, mapped to their lemma. Written
 * out rather than inflected by rule: the irregular ones (said, told, wrote) are the commonest.
 */
const VERBS: Record<string, readonly string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  rule: ['rules', 'ruled', 'ruling'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  state: ['states', 'stated', 'stating'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  note: ['notes', 'noted', 'noting'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  answer: ['answers', 'answered', 'answering'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  suggest: ['suggests', 'suggested', 'suggesting'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  promise: ['promises', 'promised', 'promising'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  pledge: ['pledges', 'pledged', 'pledging'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  maintain: ['maintains', 'maintained'],
  stress: ['stresses', 'stressed', 'stressing'],
  emphasize: ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  observe: ['observes', 'observed'],
  remark: ['remarks', 'remarked'],
  comment: ['commented'],
  recall: ['recall', 'recalls', 'recalled', 'recalling'],
  report: ['reports', 'reported', 'reporting'],
  reveal: ['reveals', 'revealed'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  email: ['emailed', 'e-mailed'],
  text: ['texted'],
  message: ['messaged'],
  post: ['posted'],
  complain: ['complain', 'complains', 'complained', 'complaining'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  caution: ['cautions', 'cautioned', 'cautioning'],
  urge: ['urges', 'urged', 'urging'],
  allege: ['allege', 'alleges', 'alleged', 'alleging'],
  accuse: ['accuses', 'accused'],
  charge: ['charges', 'charged'],
  boast: ['boasts', 'boasted'],
  joke: ['jokes', 'joked'],
  quip: ['quips', 'quipped'],
  shout: ['shouted', 'shouting'],
  // What a crowd calls out: "Protesters chanted “What curfew?”".
  chant: ['chants', 'chanted', 'chanting'],
  yell: ['yelled'],
  exclaim: ['exclaimed'],
  whisper: ['whispered'],
  mutter: ['muttered'],
  continue: ['continued'],
  conclude: ['concludes', 'concluded'],
  counter: ['counters', 'countered'],
  retort: ['retorted'],
  interject: ['interjected'],
  estimate: ['estimates', 'estimated'],
  assure: ['assures', 'assured'],
  inform: ['informed'],
  remind: ['reminded'],
  describe: ['describes', 'described'],
  call: ['called'],
  repeat: ['repeated'],
  agree: ['agreed', 'agrees'],
  concur: ['concurred'],
  lament: ['lamented'],
  muse: ['mused'],
  scoff: ['scoffed'],
  snap: ['snapped'],
  demand: ['demands', 'demanded'],
  brag: ['bragged'],
  grumble: ['grumbled'],
  propose: ['proposed'],
  // Finite forms only: "…, indicating it was built as a statement" is the reporter's inference.
  indicate: ['indicates', 'indicated'],
  signal: ['signals', 'signaled', 'signalled'],
  hint: ['hints', 'hinted'],
  reiterate: ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  underscore: ['underscores', 'underscored', 'underscoring'],
  disclose: ['discloses', 'disclosed'],
  mention: ['mentioned'],
  // "“No Way,” read a sign", "The letter reads: “…”": what a text says.
  read: ['reads', 'read'],
};

/**
 * "states" is far more often the noun than the verb in political news: it is the noun after a
 * determiner, a number, a preposition or a verb that takes it as object ("the states", "50
 * states", "offered states billions"), and the verb after its subject ("the report states that").
 */
const NOUN_BEFORE = new Set([
  'the',
  'a',
  'these',
  'those',
  'all',
  'both',
  'many',
  'most',
  'some',
  'several',
  'other',
  'of',
  'for',
  'in',
  'to',
  'by',
  'from',
  'with',
  'among',
  'between',
  'across',
  'and',
  'or',
  'our',
  'their',
  'his',
  'her',
  'its',
  'which',
  'individual',
  'member',
  'southern',
  'northern',
  'red',
  'blue',
  'swing',
  'border',
  'battleground',
]);

/**
 * Determiners: after one a speech verb's spelling is a noun ("the claim", "a warning", "his claims"),
 * and one opens a description of a name (noun-phrases.ts).
 * Not "this": "confirmed this saying …".
 */
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Whether the token `t` (a spelling of a speech verb) is used as a noun after the token `before`. */
export function nounUse(t: { norm: string }, before: { norm: string; word: boolean } | undefined): boolean {
  if (!before) return false;
  if (DETERMINERS.has(before.norm)) return true;
  // "It goes without saying that …": the idiom reports no one.
  if (t.norm === 'saying' && before.norm === 'without') return true;
  if (t.norm !== 'states') return false;
  return NOUN_BEFORE.has(before.norm) || /^\d/.test(before.norm) || (before.word && /(?:ed|ing)$/.test(before.norm));
}

/** Verbs whose first argument after the verb is the person spoken to: "told reporters", "warned investors". */
const TAKES_LISTENER = new Set(['tell', 'warn', 'assure', 'inform', 'remind', 'ask', 'urge', 'email', 'text', 'message']);

/**
 * Verbs that report a clause ("said that …", "warned the deal would fail"), for the reported-speech
 * rule. Verbs that mostly take a plain object ("denied the report", "described the plan",
 * "called it absurd") are cues for direct quotes only.
 */
const REPORTS_CLAUSE = new Set([
  'say',
  'tell',
  'add',
  'warn',
  'argue',
  'insist',
  'claim',
  'state',
  'explain',
  'note',
  'write',
  'announce',
  'declare',
  'acknowledge',
  'admit',
  'confirm',
  'suggest',
  'predict',
  'promise',
  'vow',
  'pledge',
  'assert',
  'contend',
  'maintain',
  'stress',
  'emphasize',
  'observe',
  'recall',
  'report',
  'reveal',
  'testify',
  'tweet',
  'complain',
  'concede',
  'caution',
  'allege',
  'estimate',
  'assure',
  'inform',
  'remind',
  'agree',
  'lament',
  'boast',
  'brag',
  'deny',
  'reply',
  'respond',
  'counter',
  'conclude',
  'indicate',
  'signal',
  'hint',
  'reiterate',
  'underscore',
  'disclose',
  'mention',
  'rule',
  'email',
  'text',
  'message',
]);

/**
 * Verbs that report a clause without "that" ("said the bridge would reopen"); the others need
 * it, since what follows them bare is mostly an object ("declare war", "noted the figures").
 * Promises count bare: "vowed to end the program" reports what was vowed.
 */
const BARE_CLAUSE = new Set([
  'suggest',
  'state',
  'assert',
  'contend',
  'maintain',
  'promise',
  'vow',
  'pledge',
  'say',
  'tell',
  'add',
  'claim',
  'insist',
  'argue',
  'warn',
  'predict',
  'write',
  'tweet',
  'admit',
  'acknowledge',
  'concede',
  'assure',
]);

/** Verbs that ask someone to do something, with the word before their listener when they need one ("called on", "pleaded with"). */
const DIRECTIVES: ReadonlyMap<string, string> = new Map([
  ...['urge', 'urges', 'urged', 'urging'].map((f) => [f, ''] as const),
  ...['exhort', 'exhorts', 'exhorted', 'exhorting'].map((f) => [f, ''] as const),
  ...['encourage', 'encourages', 'encouraged', 'encouraging'].map((f) => [f, ''] as const),
  ...['implore', 'implores', 'implored', 'imploring', 'beg', 'begs', 'begged', 'begging'].map((f) => [f, ''] as const),
  ...['ask', 'asks', 'asked', 'asking', 'tell', 'tells', 'told', 'telling'].map((f) => [f, ''] as const),
  ...['challenge', 'challenges', 'challenged', 'challenging', 'advise', 'advises', 'advised', 'advising'].map((f) => [f, ''] as const),
  ...['call', 'calls', 'called', 'calling'].map((f) => [f, 'on'] as const),
  ...['plead', 'pleads', 'pleaded', 'pleading'].map((f) => [f, 'with'] as const),
]);
/** For a verb that asks someone to do something, the word before its listener ('' for none: "urged voters"); undefined for other words. */
export function directiveParticle(norm: string): string | undefined {
  return DIRECTIVES.get(norm);
}

const LEMMA = new Map<string, string>();
for (const [lemma, forms] of Object.entries(VERBS)) for (const form of forms) LEMMA.set(form, lemma);

/**
 * The lemma of a token that is a speech verb, or undefined. The word must be written in lower
 * case: a capitalised "States", "Post" or "Reports" is part of a name.
 */
export function speechVerb(token: { text: string; norm: string; noun?: boolean }): string | undefined {
  const first = token.text[0];
  if (first === undefined || first !== first.toLowerCase() || token.noun) return undefined;
  return LEMMA.get(token.norm);
}

export function takesListener(lemma: string): boolean {
  return TAKES_LISTENER.has(lemma);
}

export function reportsClause(lemma: string): boolean {
  return REPORTS_CLAUSE.has(lemma);
}

export function reportsBareClause(lemma: string): boolean {
  return BARE_CLAUSE.has(lemma);
}

/** Every verb form, for tests and documentation. */
export function speechVerbForms(): string[] {
  return [...LEMMA.keys()];
}
