/**
 * The words news text puts around names. These are data about how English-language news writes
 * names (titles, roles, honorifics, generational suffixes, surname particles), not string
 * algorithms: the string work is done by the libraries in tokens.ts.
 */

/**
 * Words that, before a name, say who the person is rather than name them ("Foreign Minister",
 * "Kremlin spokesman", "Gen.", "Real estate developer"). Lowercase, without a trailing dot.
 */
export const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss mx mister madam madame dr doctor prof professor sir dame lord lady ' +
    'president vice-president vp president-elect premier chancellor prime minister pm secretary secretary-general ' +
    'deputy foreign defence defense interior finance home justice health education economy trade energy ' +
    'general gen lt lieutenant col colonel maj major capt captain cmdr commander adm admiral sgt sergeant cpl corporal ' +
    'pvt private marshal field brig brigadier commodore gov governor lt-gov sen senator rep representative ' +
    'congressman congresswoman assemblyman assemblywoman councillor councilman councilwoman alderman mayor ' +
    'judge justice magistrate chief speaker ambassador envoy consul spokesman spokeswoman spokesperson ' +
    'king queen prince princess emperor empress sultan emir crown pope cardinal bishop archbishop rabbi imam ' +
    'sheikh sheik ayatollah father fr rev reverend pastor sheriff attorney prosecutor commissioner ' +
    'chairman chairwoman chairperson chair director ceo cfo coo founder co-founder leader candidate nominee ' +
    'front-runner frontrunner adviser advisor aide economist analyst correspondent anchor moderator host ' +
    'co-host actress actor novelist author writer comedian officer agent developer detective inspector ' +
    'constable superintendent former late then acting interim first head ' +
    'lawmaker legislator politician official diplomat activist lawyer constituent colleague journalist ' +
    'columnist editor reporter economist pollster strategist spokesperson neurosurgeon executive'
  ).split(/\s+/),
);

/** Honorifics that tell the person's gender, used only against an entity's own `gender` property. */
export const GENDERED_HONORIFICS: Record<string, 'male' | 'female'> = {
  mr: 'male',
  mister: 'male',
  sir: 'male',
  lord: 'male',
  king: 'male',
  prince: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  madam: 'female',
  madame: 'female',
  dame: 'female',
  lady: 'female',
  queen: 'female',
  princess: 'female',
};

/** Generational suffixes: they tell Donald Trump from Donald Trump Jr., so they are never ignored. */
export const NAME_SUFFIXES = new Set(['jr', 'junior', 'sr', 'senior', 'ii', 'iii', 'iv', 'v', 'vi']);

/** Lowercase particles inside surnames ("de Gaulle", "van der Leyen", "bin Salman"). */
export const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'dos',
  'do',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'bin',
  'ibn',
  'bint',
  'al',
  'el',
  'la',
  'le',
  'y',
  'zu',
]);

/** Function words left out of organisation keys and acronyms ("Organization of the Petroleum ..."). */
export const STOPWORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  '&',
  'in',
  'on',
  'at',
  'to',
  'a',
  'an',
  'de',
  'la',
  'le',
  'les',
  'des',
  'du',
  'der',
  'die',
  'das',
  'und',
  'für',
]);

/** Words that join two names: a span holding one names several actors, not one. */
export const CONJUNCTIONS = new Set(['and', 'or', '&', 'und', 'et', 'nor']);

/** Single words that never name an entity on their own, however they are capitalised. */
export const NOT_NAMES = new Set(
  'i me my we us our you your he him his she her it its they them their who whom whose which that this these those one someone anyone everyone nobody q a'.split(
    ' ',
  ),
);

/** Words that open a noun phrase and are not part of the name ("the Kremlin", "a spokesman"). */
export const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Words after which a capitalised name is not the span's head: "endorsement of Cruz", "friends
 * of Mr. Clinton", "outsiders such as Ben Carson", "some Democrats", "26 percent of Democrats".
 */
export const NOT_BEFORE_HEAD = new Set(
  (
    'of to for with by from at in on into about against than as like such and or nor but ' +
    'many most some these those several all few other others both each every any no none percent ' +
    'who whom whose which that where when including'
  ).split(' '),
);

/** A later part of a comma list that starts with one of these is a clause, not another name. */
export const RELATIVE_WORDS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when', 'while', 'after', 'before', 'because']);

/** Possessive determiners: a span starting with one describes someone ("His Democratic opponent"). */
export const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Prepositions after a name that start a qualifier: "Sanders of Vermont", "Clinton in December 1992". */
export const QUALIFIER_PREPOSITIONS = new Set(['of', 'from', 'in', 'at', 'on', 'for', 'with']);
