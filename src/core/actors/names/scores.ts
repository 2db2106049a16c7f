/**
 * How much each kind of evidence is worth. A candidate's score is the product of the name's
 * structure (full name, surname only, ...) and its weakest word (exact, transliterated, ...), so
 * "Zelensky" for Volodymyr Zelenskyy is SURNAME × TRANSLITERATION. The figures were set on the
 * variant lists in tests/unit/core/actors and checked on the PolNeAR sources (bench/actors.bench.ts).
 */

/** The app proposes a link at or above this score (one key confirms); below, it lists candidates only. */
export const MATCH_THRESHOLD = 0.75;

export type MatchReason =
  | 'exact'
  | 'alias'
  | 'diacritics'
  | 'transliteration'
  | 'spelling'
  | 'surname'
  | 'first name'
  | 'middle name'
  | 'initials'
  | 'acronym'
  | 'word order'
  | 'partial'
  | 'title'
  | 'suffix'
  | 'context'
  | 'ambiguous';

/** Word against word. */
export const WORD = {
  exact: 1,
  diacritics: 0.96,
  /** The same romanisation skeleton (Zelenskyy / Zelenskiy, Sergei / Sergey). */
  transliteration: 0.92,
  /** Same sound (Double Metaphone) and close spelling: scaled by the root of the Jaro-Winkler similarity. */
  phonetic: 0.92,
  /** A middle initial for the full middle name (George W. Bush / George Walker Bush). */
  initial: 0.93,
  /** Close spelling but a different sound: probably a typo, never proposed (scaled by Jaro-Winkler). */
  spelling: 0.72,
} as const;

/** The name's structure. */
export const STRUCTURE = {
  exact: 1,
  alias: 0.98,
  /** The entity's full name has middle names the mention leaves out. */
  middleOmitted: 0.95,
  /** The mention's first word is the entity's middle name ("Tayyip Erdoğan"). */
  middleAsGiven: 0.85,
  acronym: 0.9,
  initials: 0.88,
  wordOrder: 0.9,
  surname: 0.88,
  firstName: 0.78,
  /** A single word that is only one of the entity's middle names. */
  middleOnly: 0.6,
  /** Some of an organisation's words (Defence Ministry / Russian Defence Ministry). */
  partial: 0.65,
  /** The entity's name carries a title the mention lacks (Pope Francis / Francis). */
  titled: 0.9,
} as const;

/** The entity is "Jr." and the mention is not (or the reverse): shown, never proposed. */
export const SUFFIX_MISMATCH_CAP = 0.55;

/** Two candidates this close at the top are ambiguous ("Clinton" with Bill and Hillary registered)... */
export const AMBIGUITY_MARGIN = 0.05;
/** ...and both are scaled down by this, so neither is proposed unless the article's context picks one. */
export const AMBIGUITY_FACTOR = 0.75;
/** Mentions later in a comma list ("Tom Fitton, the president of Judicial Watch") count less than the head. */
export const LATER_SEGMENT_FACTOR = 0.9;
