import { parseBrat, parseFormat, type AnnotationSet } from '../../../core/formats';
import { hashOfSource } from '../../../core/formats/w3c/vocabulary';
import type { Problem, Result } from '../../../core/model/result';
import { takeText, type ImportUnit, type TextFile } from './units';

/** One parsed piece and the layer it becomes; `author` null keeps the file's own layers (Lede JSON). */
export interface ParsedSet {
  set: AnnotationSet;
  author: string | null;
  file: string;
}

/**
 * Texts the workspace already holds that a file may refer to without embedding: W3C sources
 * named by hash, and the .txt of a brat .ann chosen on its own (found by the article's source name).
 */
export interface KnownTexts {
  byHash: ReadonlyMap<string, string>;
  bySource: ReadonlyMap<string, string[]>;
  /** Texts of the workspace's articles by their web address (W3C targets from other tools name it); several when articles share one. */
  byUrl?: ReadonlyMap<string, string[]>;
}

export interface ParseOptions {
  as?: string;
  now: string;
}

/** What the workspace must look up before parsing: the .txt names of lone .ann files. */
export function textsWanted(units: readonly ImportUnit[]): { sources: Set<string> } {
  const sources = new Set<string>();
  for (const u of units) if (u.kind === 'brat' && !u.txt) sources.add(txtNameOf(u.ann.path));
  return { sources };
}

/** W3C sources a file named but neither embedded nor found among the texts known: their hashes and web addresses. */
export interface MissedSources {
  hashes: Set<string>;
  urls: Set<string>;
}

const txtNameOf = (annPath: string) => annPath.slice(annPath.lastIndexOf('/') + 1).replace(/\.ann$/i, '.txt');

/**
 * Parses every unit with the adapters of src/core/formats. Every problem of every file is
 * collected (the analyst fixes them all in one go); the import goes ahead only when there are none.
 */
export function parseUnits(units: readonly ImportUnit[], options: ParseOptions, known: KnownTexts): { sets: ParsedSet[]; problems: Problem[] } {
  return setsAndProblems(parseTaking([...units], options, known, null, false));
}

/**
 * parseUnits that takes `units` and empties it as it goes: each unit's text is unreachable (from
 * here) as soon as it is parsed, so a thousand files are never held as text and parsed at once,
 * and each file's text is taken (TextFile.take: its bytes let go), so it is read once only.
 */
export function parseUnitsTaking(units: ImportUnit[], options: ParseOptions, known: KnownTexts): { sets: ParsedSet[]; problems: Problem[] } {
  return setsAndProblems(parseTaking(units, options, known, null, true));
}

function setsAndProblems({ outcomes, problems }: { outcomes: Outcome[]; problems: Problem[] }): { sets: ParsedSet[]; problems: Problem[] } {
  return { sets: outcomes.flatMap((o) => o.sets), problems: [...problems, ...outcomes.flatMap((o) => o.problems)] };
}

/**
 * parseUnitsTaking for an import, whose W3C files may name workspace texts they do not embed:
 * rather than reading every file for the sources it names before parsing (and the workspace for
 * each of them: Lede's own exports embed every text), a W3C file that misses a source is parsed
 * again once `lookUp` has found the texts it missed. The sets and problems are those parseUnits
 * gives with those texts known, in the same order (a file that missed none never asked for them).
 */
export async function parseUnitsLookingUp(
  units: ImportUnit[],
  options: ParseOptions,
  known: KnownTexts,
  lookUp: (missed: MissedSources) => Promise<KnownTexts>,
): Promise<{ sets: ParsedSet[]; problems: Problem[] }> {
  const missed: MissedSources = { hashes: new Set(), urls: new Set() };
  const { outcomes, problems } = parseTaking(units, options, known, missed, true);
  const again = outcomes.flatMap((o, i) => (o.missed ? [{ unit: o.missed, i }] : []));
  if (again.length > 0) {
    const found = await lookUp(missed);
    const more: KnownTexts = {
      ...known,
      byHash: new Map([...known.byHash, ...found.byHash]),
      byUrl: new Map([...(known.byUrl ?? []), ...(found.byUrl ?? [])]),
    };
    const reparsed = parseTaking(
      again.map((a) => a.unit),
      options,
      more,
      null,
      true,
    ).outcomes;
    for (const [k, { i }] of again.entries()) outcomes[i] = reparsed[k]!;
  }
  return setsAndProblems({ outcomes, problems });
}

/** What one unit gave: its set or its problems, or (looking up) the unit itself, to parse again once its missed sources are known. */
interface Outcome {
  sets: ParsedSet[];
  problems: Problem[];
  missed?: ImportUnit;
}

function parseTaking(
  units: ImportUnit[],
  options: ParseOptions,
  known: KnownTexts,
  missed: MissedSources | null,
  take: boolean,
): { outcomes: Outcome[]; problems: Problem[] } {
  const outcomes: Outcome[] = [];
  const problems: Problem[] = [];
  const folders = [...new Set(units.flatMap((u) => (u.kind === 'brat' && u.folder ? [u.folder] : [])))];
  if (folders.length > 0 && options.as !== undefined) {
    problems.push({ message: `a brat project takes its layer names from its annotator folders (${folders.join(', ')}); leave the layer name out` });
  }
  for (const folder of folders) {
    if (folder.length > 200) problems.push({ file: folder, message: 'an annotator folder name (a layer name) is at most 200 characters' });
  }
  for (let unit = units.shift(); unit !== undefined; unit = units.shift()) {
    const file = unit.kind === 'file' ? unit.file.path : unit.ann.path;
    const author = authorOf(unit, options.as);
    if (author === undefined) {
      outcomes.push({ sets: [], problems: [{ file, message: 'name the layer (annotator) these annotations become' }] });
      continue;
    }
    const asked: string[] = [];
    // Its texts read once (taken: the bytes let go as they are decoded); a unit parsed again keeps them.
    const taken = readOnce(unit, take);
    const parsed = guarded(file, () => parseUnit(taken, author ?? 'imported', author === null, options.now, known, missed ? asked : null));
    if (missed && asked.length > 0) {
      for (const source of asked) {
        const hash = hashOfSource(source);
        if (hash) missed.hashes.add(hash);
        else if (WEB_ADDRESS.test(source)) missed.urls.add(source);
      }
      outcomes.push({ sets: [], problems: [], missed: taken });
    } else if (parsed.ok) outcomes.push({ sets: [{ set: parsed.value, author, file }], problems: [] });
    else outcomes.push({ sets: [], problems: parsed.errors });
  }
  return { outcomes, problems };
}

/** `unit` with each of its texts read once, as plain strings (taken from the file when `take`). */
function readOnce(unit: ImportUnit, take: boolean): ImportUnit {
  const read = (f: TextFile): TextFile => ({ path: f.path, text: take ? takeText(f) : f.text });
  return unit.kind === 'file' ? { ...unit, file: read(unit.file) } : { ...unit, ann: read(unit.ann), txt: unit.txt ? read(unit.txt) : null };
}

/** The web addresses a W3C source may be found by in the workspace (as an article's url). */
const WEB_ADDRESS = /^https?:\/\/[^"\\]{1,2000}$/;

/** The layer a unit becomes: null keeps Lede JSON's own layers; undefined means the analyst must name it. */
function authorOf(unit: ImportUnit, as: string | undefined): string | null | undefined {
  if (unit.kind === 'brat' && unit.folder) return unit.folder;
  if (as !== undefined) return as;
  return unit.kind === 'file' && unit.format === 'lede' ? null : undefined;
}

/** `asked`: where to note each source the file needed but `known` lacked (null: nowhere, it is a problem of the file). */
function parseUnit(unit: ImportUnit, author: string, keepAuthors: boolean, now: string, known: KnownTexts, asked: string[] | null): Result<AnnotationSet> {
  if (unit.kind === 'file') {
    const resolveText = (source: string) => {
      const text = knownText(known, source);
      if (text === undefined) asked?.push(source);
      return text;
    };
    // The 50 MB limit was checked on the file's bytes before decoding (decode.ts): not again here.
    return parseFormat(unit.format, unit.file.text, { author, file: unit.file.path, now, keepAuthors, resolveText, maxBytes: Number.POSITIVE_INFINITY });
  }
  let txt = unit.txt?.text;
  if (txt === undefined) {
    const name = txtNameOf(unit.ann.path);
    const candidates = known.bySource.get(name) ?? [];
    if (candidates.length !== 1) {
      const why =
        candidates.length === 0
          ? `choose ${name} together with it (no article in the workspace came from ${name})`
          : `choose ${name} together with it (${candidates.length} articles in the workspace came from a file of that name)`;
      return { ok: false, errors: [{ file: unit.ann.path, message: `the text it annotates is missing: ${why}` }] };
    }
    txt = candidates[0]!;
  }
  return parseBrat({
    txt,
    ann: unit.ann.text,
    file: unit.ann.path,
    author,
    now,
    maxBytes: Number.POSITIVE_INFINITY,
    ...(unit.conf !== null ? { conf: unit.conf } : {}),
    ...(unit.visual !== null ? { visual: unit.visual } : {}),
  });
}

function knownText(known: KnownTexts, source: string): string | undefined {
  const hash = hashOfSource(source);
  if (hash) return known.byHash.get(hash);
  // A web address names a workspace article only when exactly one has it.
  const byUrl = known.byUrl?.get(source);
  return byUrl?.length === 1 ? byUrl[0] : undefined;
}

/** The adapters parse, never throw; should one throw anyway, the file is refused with the reason. */
function guarded<T>(file: string, work: () => Result<T>): Result<T> {
  try {
    return work();
  } catch (error) {
    return { ok: false, errors: [{ file, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}
