import type { Fragment } from '../model/fragments';

/**
 * What the suggestion rules propose. A suggestion is not an annotation: it is drawn apart,
 * counted nowhere, and becomes an annotation only when the analyst accepts it.
 */
export type SuggestionKind = 'quote' | 'actor';

/** The rule that produced a suggestion, so the analyst (and the evaluation) can tell them apart. */
export type SuggestionRule =
  /** Text inside quotation marks with attribution or length evidence (also interrupted and multi-paragraph quotes). */
  | 'direct-quote'
  /** "X said (that) …", "X told reporters …", "…, officials said." — a reported clause; it may hold quoted words (a mixed quote). */
  | 'reported-speech'
  /** "According to X, …" and "…, according to X." */
  | 'according-to'
  /** What a speaker urges someone to do: "X urged Y to “…”", "X called on Y to …". */
  | 'directive'
  /** A question reported in the reporter's words: "X questioned whether …", "X asked Y how …". */
  | 'reported-question'
  /** A turn of a transcript: a paragraph opened by its speaker's label ("PENCE: Well, look, …"). */
  | 'transcript'
  /** A mention of a name the caller knows (the actor registry, names already tagged in the workspace). */
  | 'known-name'
  /** A person's name found by the offline NLP library. */
  | 'nlp-person'
  /** An organisation's name found by the offline NLP library. */
  | 'nlp-organization'
  /** A name that speaks in a suggested quote, found by the cue rules and by nothing else. */
  | 'speaker-name';

/** A name the caller already knows: an alias of a registry entity, or the text of a tagged actor. */
export interface KnownName {
  name: string;
  /** The registry entity the name stands for, carried onto every suggestion that mentions it. */
  entityId?: string;
}

/** A named actor in the text: where it is, what it reads, and the registry entity when known. */
export interface ActorRef {
  fragment: Fragment;
  text: string;
  entityId?: string;
}

/**
 * Who says a quote. `fragment` is the speaker as the cue names it ("Trump" in "Trump said",
 * "the Kremlin" in "according to the Kremlin", "he" in "he said", "a spokesman"). `actor` is the
 * named actor the quote is attributed to: the mention itself when it is a name; for a pronoun,
 * the subject it continues (that of the sentence before, a fitting name or a description: "The
 * U.S. president …"), else the nearest fitting named actor before it; absent for an unresolved
 * pronoun or a description without a name.
 */
export interface Speaker {
  fragment: Fragment;
  text: string;
  pronoun: boolean;
  actor?: ActorRef;
  /** The speech verb or "according to" that attributes the quote; absent when the speaker was carried over from the quote before. */
  cue?: Fragment;
}

export interface Suggestion {
  /** Stable for the same kind and offsets (ids.ts), so a rejection can be remembered per article. */
  id: string;
  kind: SuggestionKind;
  /** Sorted, disjoint UTF-16 half-open ranges, as annotation fragments are. */
  fragments: Fragment[];
  /** The covered text, fragments joined by " … ". */
  text: string;
  /** Confidence in [0, 1]: how much evidence the rule found. */
  score: number;
  rule: SuggestionRule;
  /** Quotes only. */
  speaker?: Speaker;
  /** Actors only: what the name is, when the rule can tell. */
  actorType?: 'person' | 'organization';
  /** Actors only: the registry entity of a known name. */
  entityId?: string;
}

/** A name the NLP pass found among the candidates it was given. */
export interface FoundName {
  fragment: Fragment;
  type: 'person' | 'organization';
  /** For a person, when the name says (a first name the library knows as a man's or a woman's). */
  gender?: 'male' | 'female';
}

/**
 * Classifies candidate names (capitalised runs the rules found) as people or organisations.
 * Kept behind an interface so the rules run without the NLP library (tests, a pipeline that
 * wants only quotes) and so the library is bundled only where it is used.
 */
export type NameFinder = (text: string, candidates: readonly Fragment[]) => FoundName[];

export interface SuggestInput {
  text: string;
  known?: readonly KnownName[];
}

export interface SuggestOptions {
  nameFinder?: NameFinder;
  /** Suggestions scoring below this are left out (default 0.5). */
  minScore?: number;
  kinds?: readonly SuggestionKind[];
}
