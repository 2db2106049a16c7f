/**
 * Transcripts: "Partial transcript as follows:" and then paragraphs that open with the speaker's
 * name in capitals, "WALLACE: Let’s start with …", "PENCE: Well, look, …". Each paragraph is one
 * turn, said by its label; the quotation marks that open every paragraph (one long quote to the
 * quote-mark rules) are the reporter's, not the turn's.
 */
import type { Fragment } from '../model/fragments';

export interface TranscriptTurn {
  /** What is said: the paragraph after its label, without the marks around it. */
  content: Fragment;
  /** The label: the speaker's name as the transcript gives it. */
  label: Fragment;
}

/**
 * A paragraph that opens with a label in capitals and a colon: "WALLACE: …", "SEN. GRAHAM: …".
 * Two letters at least: "Q:" and "A:" name no one.
 */
const TURN = /^([“"]?)([A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]*){0,3}):[ \t]+(?=\S)/;
/** Labels of a note, not a speaker: "UPDATE: …", "CLARIFICATION: …". */
const NOT_SPEAKERS = new Set([
  'UPDATE',
  'CORRECTION',
  'CLARIFICATION',
  'NOTE',
  "EDITOR'S NOTE",
  'EDITOR’S NOTE',
  'WATCH',
  'VIDEO',
  'PHOTOS',
  'READ MORE',
  'RELATED',
]);
/** A transcript has at least this many turns, by at least two speakers. */
const MIN_TURNS = 2;

/** The turns of the transcripts in `text`, in text order; none when it holds no transcript. */
export function findTranscriptTurns(text: string): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  const labels = new Set<string>();
  const paragraph = /[^\r\n]+/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    const turn = TURN.exec(m[0]);
    if (!turn || NOT_SPEAKERS.has(turn[2]!)) continue;
    const labelStart = m.index + turn[1]!.length;
    let end = m.index + m[0].trimEnd().length;
    // A closing mark ends the last paragraph of the transcript.
    if (/[”"]/.test(text[end - 1]!)) end--;
    const contentStart = m.index + turn[0].length;
    if (end <= contentStart) continue;
    turns.push({ label: { start: labelStart, end: labelStart + turn[2]!.length }, content: { start: contentStart, end } });
    labels.add(turn[2]!);
  }
  return turns.length >= MIN_TURNS && labels.size >= 2 ? turns : [];
}
