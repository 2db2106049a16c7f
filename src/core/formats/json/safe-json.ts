import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { fail, ok, type Problem, type Result } from '../../model/result';
import { sizeProblem } from '../limits';
import { RESERVED_KEYS } from '../../model/names';

/** Deeper nesting than any annotation format needs; refusing it keeps later walks safe. */
export const MAX_JSON_DEPTH = 64;

/**
 * Keys that can reach an object's prototype when parsed data is later merged or indexed.
 * Lede's formats never use them, so input holding one is refused rather than cleaned.
 */
export const FORBIDDEN_KEYS = RESERVED_KEYS;

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * JSON.parse with the guards every JSON-based import needs: a size limit, a located syntax
 * error (JSON.parse's own message has no line), a depth limit and no prototype-polluting keys.
 * `lineOffset` places the text inside a larger file (a JSONL line) for error locations.
 */
export function safeJsonParse(text: string, file?: string, lineOffset?: number, maxBytes?: number): Result<unknown> {
  const at = file ? { file } : {};
  const tooBig = sizeProblem(text, file, maxBytes);
  if (tooBig) return fail(tooBig);
  // A byte order mark is how some editors start UTF-8 files; JSON.parse rejects it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(syntaxProblem(text, at, lineOffset ?? 0));
  }
  // The quick walk answers whether there is a problem at all; only then is it located.
  const problem = hasUnsafeStructure(value) ? unsafeStructure(value) : null;
  if (problem) return fail({ ...at, ...(lineOffset !== undefined ? { line: lineOffset + 1 } : {}), field: problem.path, message: problem.message });
  return ok(value);
}

function syntaxProblem(text: string, at: { file?: string }, lineOffset: number): Problem {
  const errors: ParseError[] = [];
  try {
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses once per level: input nested thousands deep overflows the stack.
    return { ...at, ...(lineOffset ? { line: lineOffset + 1 } : {}), message: 'not valid JSON (and nested too deeply to locate the error)' };
  }
  const first = errors[0];
  if (!first) return { ...at, message: 'not valid JSON' };
  return { ...at, line: lineOffset + lineAt(text, first.offset), message: `not valid JSON: ${describe(printParseErrorCode(first.error))}` };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A value met on the walk; the path to it is spelled out only when it is reported. */
interface Visit {
  value: object;
  depth: number;
  parent: Visit | null;
  key: string | number;
}

function pathOf(visit: Visit | null): string {
  let path = '';
  for (let v = visit; v?.parent; v = v.parent) path = typeof v.key === 'number' ? `[${v.key}]${path}` : `.${v.key}${path}`;
  return path.replace(/^\./, '');
}

/**
 * Whether unsafeStructure would find a problem, by the same walk without a record per value
 * (two plain stacks, no paths): a 40 MB import has millions of objects, and this is all of them.
 */
function hasUnsafeStructure(root: unknown): boolean {
  if (root === null || typeof root !== 'object') return false;
  const values: object[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth >= MAX_JSON_DEPTH) return true;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // JSON.parse makes plain objects whose keys are all own and enumerable (a "__proto__" too).
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const item: unknown = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Walks the parsed value without recursion; returns the first depth or key problem. */
function unsafeStructure(root: unknown): { path: string; message: string } | null {
  if (root === null || typeof root !== 'object') return null;
  const stack: Visit[] = [{ value: root, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (depth >= MAX_JSON_DEPTH) return { path: pathOf(visit) || '(root)', message: `nested more than ${MAX_JSON_DEPTH} levels deep; refused` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, parent: visit, key: i });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        return { path: pathOf({ value, depth, parent: visit, key }), message: `key "${key}" is not allowed (it could alter object prototypes); refused` };
      const item: unknown = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, parent: visit, key });
    }
  }
  return null;
}

/** zod issues as located problems: the path becomes the field. */
export function zodProblems(error: z.ZodError, at: { file?: string; line?: number }, prefix = ''): Problem[] {
  return error.issues.slice(0, 50).map((issue) => ({
    ...at,
    field: [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].filter(Boolean).join('.').replace(/\.\[/g, '['),
    message: issue.message,
  }));
}
