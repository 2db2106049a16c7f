import { describe, expect, it } from 'vitest';
import { parseBrat, parseFormat, validateBrat, validateFormat, IMPORT_FORMATS, type ImportFormat } from '../../../src/core/formats';
import type { AnnotationSet } from '../../../src/core/formats/types';
import type { Problem, Result } from '../../../src/core/model/result';
import { sharedAvailable, SHARED_MISSING_REASON } from '../../support/shared';
import { errorProblems, outcomeProblems, prototypePolluted } from './support/check';
import { formatSeeds, type FormatSeed } from './support/format-seeds';
import { bytesOf, insertText, JSON_SNIPPETS, mutateBytes, mutateJson, mutateLines, pick, textOf, type Random } from './support/mutate';
import { startCase } from './support/clock';
import { dumpCase } from './support/dump';
import { fuzzRuns, runFuzz, seedsLine } from './support/runs';

/**
 * Every annotation importer (Lede JSON, W3C, JSONL, brat — and their validators) fed thousands of
 * files mutated from the real corpora: truncated, bytes flipped, lines swapped for hostile ones,
 * JSON places replaced by wrong types, huge or negative numbers, out-of-range offsets, deep
 * nesting and prototype keys, and files given to the wrong importer. Each must return a valid set
 * or clear errors naming the file, never throw, take under 2 s (`npm test`: a gross bound, see
 * support/clock.ts), and never touch Object.prototype. Seeds: support/runs.ts (FUZZ_SEED replays
 * one, FUZZ_EXPLORE=N explores); FUZZ_CASES resizes; FUZZ_DUMP=folder keeps failing inputs.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 4000);

if (!sharedAvailable) console.warn(SHARED_MISSING_REASON);

const BRAT_LINES = [
  'T99\tClaim 5 3\tbackwards',
  'T98\tClaim -1 999999999\tout of range',
  'T97\tClaim 0 5;3 1\tfragments out of order',
  'T96\tClaim 0 99999999999999999999999\thuge',
  'T1\tClaim 0 4\tduplicate id',
  'T95\t__proto__ 0 4\tprototype label',
  'T94\tconstructor 0 4\tx',
  'R1\tspeaker Arg1:T404 Arg2:T1',
  'R2\tspeaker Arg1:T1',
  'E1\tEvent:T999 Arg:T1',
  'E2\tEvent:T1 Theme:E2',
  'E3\t',
  'E4\t Theme:T1',
  'R3\t',
  'A1\tNegation T404',
  'A2\tType T1 too many values here',
  'M1\tConfidence T1 High',
  '#1\tAnnotatorNotes T404\tnote on nothing',
  `#2\tAnnotatorNotes T1\t${'n'.repeat(200_000)}`,
  '*\tAlias T1 T1 T404',
  'N1\tReference T1 Wikipedia:123\tlabel',
  'X1\tunknown line type',
  '\t\t\t',
  'T93\tClaim 0\tmissing end',
  'T92\tClaim a b\tnot numbers',
  `T91\tClaim ${'0 1;'.repeat(5000)}0 1\tmany fragments`,
];
const JSONL_LINES = [
  '{"text":"abc","label":[[0,99,"Claim"]]}',
  '{"text":"abc","entities":[{"start_offset":-1,"end_offset":2,"label":"x"}]}',
  '{"__proto__":{"polluted":true}}',
  '[]',
  'null',
  '{',
  '{"text":5}',
  '{"text":"abc","label":[[2,1,"Claim"]]}',
];

type Parser = { name: string; run: () => Result<AnnotationSet> | Problem[] };

function caseFor(random: Random, seeds: FormatSeed[], n: number): { label: string; file: string; parsers: Parser[]; inputs: Record<string, string> } {
  const seed = pick(random, seeds);
  const other = pick(random, seeds);
  const file = `fuzz-${n}${seed.format === 'brat' ? '.ann' : '.json'}`;
  if (seed.format === 'brat') {
    let { txt, ann } = seed.brat;
    const how = Math.floor(random() * 4);
    if (how === 0) ann = mutateLines(random, ann, BRAT_LINES);
    else if (how === 1) ann = textOf(mutateBytes(random, bytesOf(ann), bytesOf(other.format === 'brat' ? other.brat.ann : other.text)));
    else if (how === 2)
      txt = textOf(mutateBytes(random, bytesOf(txt), bytesOf(txt))); // offsets now point past or into changed text
    else ann = mutateLines(random, mutateLines(random, ann, BRAT_LINES), BRAT_LINES);
    const conf =
      random() < 0.8
        ? seed.brat.conf
        : mutateLines(random, seed.brat.conf ?? '', ['[entities]', '[relations]', 'speaker Arg1:<ENTITY>, Arg2:__proto__', '!!!', '[events]\nE Theme:E']);
    const label = `brat ${seed.name} (${['lines', 'bytes', 'txt', 'lines x2'][how]})`;
    return {
      label,
      file,
      inputs: { 'input.ann': ann, 'input.txt': txt, 'annotation.conf': conf ?? '' },
      parsers: [
        { name: 'parseBrat', run: () => parseBrat({ txt, ann, file, author: 'fuzz', ...(conf !== undefined ? { conf } : {}) }) },
        { name: 'validateBrat', run: () => validateBrat({ txt, ann, file }) },
        ...(random() < 0.2 ? [wrongImporter(random, ann, file)] : []),
      ],
    };
  }
  let text = seed.text;
  const how = Math.floor(random() * 5);
  if (how <= 1) text = seed.format === 'jsonl' ? mutateJsonl(random, text, seed) : mutateJson(random, text, 5000);
  else if (how === 2) text = textOf(mutateBytes(random, bytesOf(text), bytesOf(other.format === 'brat' ? other.brat.ann : other.text)));
  else if (how === 3) text = insertText(random, text, pick(random, JSON_SNIPPETS));
  else text = mutateJson(random, mutateJson(random, text, 5000), 5000);
  const options = { author: 'fuzz', file, resolveText: (source: string) => seed.texts.get(source.replace(/^urn:sha256:/, '')) };
  return {
    label: `${seed.format} ${seed.name} (${['json', 'json', 'bytes', 'snippet', 'json x2'][how]})`,
    file,
    inputs: { [`input.${seed.format}`]: text },
    parsers: [
      { name: `parse ${seed.format}`, run: () => parseFormat(seed.format, text, options) },
      { name: `validate ${seed.format}`, run: () => validateFormat(seed.format, text, options) },
      ...(random() < 0.2 ? [wrongImporter(random, text, file)] : []),
    ],
  };
}

function mutateJsonl(random: Random, text: string, seed: FormatSeed): string {
  const lines = text.split('\n');
  const i = Math.floor(random() * lines.length);
  if (random() < 0.5) lines[i] = mutateJson(random, lines[i] ?? '{}', seed.format === 'jsonl' ? 5000 : 0);
  return random() < 0.5 ? lines.join('\n') : mutateLines(random, lines.join('\n'), JSONL_LINES);
}

/** A file handed to an importer of another format (the analyst picked the wrong one). */
function wrongImporter(random: Random, text: string, file: string): Parser {
  const format = pick<ImportFormat>(random, IMPORT_FORMATS);
  if (format === 'brat') return { name: 'parseBrat (wrong format)', run: () => parseBrat({ txt: text, ann: text, file, author: 'fuzz' }) };
  return { name: `parse ${format} (wrong format)`, run: () => parseFormat(format, text, { author: 'fuzz', file }) };
}

describe.skipIf(!sharedAvailable)('fuzzing the annotation importers', () => {
  const runs = fuzzRuns([]);
  it(`survives ${CASES} mutated files from the corpora per seed`, async () => {
    console.log(seedsLine(runs));
    const seeds = formatSeeds();
    expect(seeds.length).toBeGreaterThan(100);
    let slowest = 0;
    const totals = await runFuzz(
      runs,
      CASES,
      (random, n) => caseFor(random, seeds, n),
      ({ label, file, parsers, inputs }, n, seed) => {
        const failed: string[] = [];
        for (const parser of parsers) {
          const clock = startCase();
          let problems: string[];
          try {
            const outcome = parser.run();
            problems = Array.isArray(outcome) ? (outcome.length ? errorProblems(outcome, file) : []) : outcomeProblems(outcome, file);
          } catch (error) {
            problems = [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
          }
          const { wallMs: ms, problems: slow } = clock.stop();
          slowest = Math.max(slowest, ms);
          problems.push(...slow);
          if (prototypePolluted()) problems.push('Object.prototype was polluted');
          if (problems.length) {
            failed.push(`${label} -> ${parser.name}: ${problems.slice(0, 3).join('; ').slice(0, 400)}`);
            dumpCase(seed, n, inputs);
          }
        }
        return { problems: failed, checks: parsers.length };
      },
    );
    console.log(
      `fuzz cases run / failed (annotation formats): ${totals.checks} / ${totals.failed.length}; slowest ${slowest.toFixed(0)} ms; ${seedsLine(runs)}`,
    );
    for (const f of totals.failed.slice(0, 20)) console.log(f);
    expect(totals.failed).toEqual([]);
  }, 480_000);
});
