import type { Problem } from '../../model/result';
import { offsetIndex } from '../../text/offsets';
import { sizeProblem } from '../limits';
import { readRecords, type BratRecord } from './records';
import { checkSpans } from './spans';

/**
 * Every problem brat's rules find in one .ann file against its .txt, without importing:
 * lines well formed with tab separators, ids well formed and unique, offsets in range and not
 * reversed, each T line's text equal to its span, every reference resolving to the right kind
 * (an event's trigger is a T, arguments are T or E, attributes and notes name an existing id).
 */
export function validateBrat(input: { txt: string; ann: string; file?: string }): Problem[] {
  const file = input.file;
  const at = file ? { file } : {};
  const tooBig = sizeProblem(input.txt, file) ?? sizeProblem(input.ann, file);
  if (tooBig) return [tooBig];
  const { records, errors } = readRecords(input.ann, file);
  const problems = [...errors];
  const report = (r: BratRecord, field: string, message: string) => problems.push({ ...at, line: r.line, field, annotation: r.id, message });

  const ids = new Map<string, BratRecord>();
  for (const r of records) {
    if (r.kind === '*') continue;
    const first = ids.get(r.id);
    if (first) report(r, 'id', `id ${r.id} is already used on line ${first.line}`);
    else ids.set(r.id, r);
  }
  const index = offsetIndex(input.txt);
  for (const r of records) {
    if (r.kind === 'T') {
      for (const p of checkSpans(r.spans, r.text, input.txt, index).problems) report(r, p.field, p.message);
    }
  }
  const expect = (r: BratRecord, ref: string, kinds: string, field: string) => {
    const target = ids.get(ref);
    if (!target) report(r, field, `${ref} is not defined`);
    else if (!kinds.includes(target.kind)) report(r, field, `${ref} is a ${target.kind} line, which cannot be used here`);
  };
  for (const r of records) {
    switch (r.kind) {
      case 'E':
        expect(r, r.trigger, 'T', 'trigger');
        for (const a of r.args) expect(r, a.id, 'TE', 'arguments');
        break;
      case 'R':
        for (const a of r.args) expect(r, a.id, 'TE', 'arguments');
        break;
      case '*':
        for (const m of r.members) expect(r, m, 'TE', 'arguments');
        break;
      case 'A':
      case 'N':
        expect(r, r.target, 'TER', 'target');
        break;
      case '#':
        expect(r, r.target, 'TERANM', 'target');
        break;
      default:
        break;
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
