/**
 * Lower-case nouns for people who speak: a subject that is a description ("A senior
 * administration official described …") and the role between two names ("England coach Brendon
 * McCullum") are a person by them.
 */
import { isTitleWord } from './names';

/** Nouns for people who speak, for a subject that is a description ("A senior administration official described …"). */
export const PERSON_NOUNS = new Set([
  'official',
  'officials',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'aide',
  'aides',
  'adviser',
  'advisers',
  'advisor',
  'minister',
  'president',
  'senator',
  'lawmaker',
  'lawmakers',
  'leader',
  'leaders',
  'critics',
  'analyst',
  'analysts',
  'diplomat',
  'diplomats',
  'lawyer',
  'attorney',
  'chancellor',
  'secretary',
  'governor',
  'mayor',
  'chief',
  'candidate',
  'coach',
  'captain',
  'manager',
  'judge',
  'prosecutor',
  'doctor',
  'physician',
]);

/** A role before a name ("coach", "press secretary", "spokesman"): a person noun or a title. */
export function isRoleWord(norm: string): boolean {
  return PERSON_NOUNS.has(norm) || isTitleWord(norm);
}
