import { compareSpans, type Annotation, type Fragment, type Relation } from '../../model/annotation';
import { checkAnnotation, checkRelation } from '../checked';
import { fail, ok, type Problem, type Result } from '../../model/result';
import { offsetIndex } from '../../text/offsets';
import { makeAnnotation, minter } from '../build';
import { sizeProblem } from '../limits';
import { SchemaCollector } from '../schema';
import type { AnnotationSet, ParseOptions } from '../types';
import { attachRecords } from './attach';
import { selectorsFor } from '../../text/selectors';
import { defineFromConf, readConf, type BratConf } from './conf';
import { readVisualConf, type BratVisual } from './visual';
import { readRecords, type BratRecord } from './records';
import { checkSpans } from './spans';

export interface BratInput extends Omit<ParseOptions, 'file'> {
  /** The article text (the .txt file, decoded). */
  txt: string;
  /** The standoff annotations (the .ann file, decoded). */
  ann: string;
  /** Name of the .ann file, used in error locations and as the article's source. */
  file?: string;
  /** annotation.conf text (or an already read one): defines event types, attribute values, equivalences. */
  conf?: string | BratConf;
  /** visual.conf text (or an already read one): display names and colours of the types. */
  visual?: string | BratVisual;
}

/**
 * Reads one brat document (.txt + .ann) into an AnnotationSet with one document.
 *
 * Meaning is kept exactly: T lines become span annotations (offsets converted from code points);
 * each E line becomes one event annotation over its trigger's span, its arguments relations of
 * the role's type from the event (the numbered repeats Role2, Role3 are the same role); R lines
 * relations from Arg1 to Arg2; `*` equivalence groups relations of an equivalence type; A/M
 * attributes, N normalisations and # AnnotatorNotes go on the annotation (or relation) they
 * name. Whatever Lede cannot hold is listed in `report`. Any error fails the whole parse.
 * A .txt that starts with a byte-order mark: brat counts the mark as a character, so offsets are
 * read against it; the article is stored without it and every offset shifted back by one.
 */
export function parseBrat(input: BratInput): Result<AnnotationSet> {
  const file = input.file;
  const at = file ? { file } : {};
  const tooBig = sizeProblem(input.txt, file, input.maxBytes) ?? sizeProblem(input.ann, file, input.maxBytes);
  if (tooBig) return fail(tooBig);
  const conf = typeof input.conf === 'string' ? readConf(input.conf) : (input.conf ?? null);

  const { records, errors } = readRecords(input.ann, file);
  const seen = new Map<string, number>();
  for (const r of records) {
    if (r.kind === '*') continue;
    const first = seen.get(r.id);
    if (first !== undefined) errors.push({ ...at, line: r.line, field: 'id', annotation: r.id, message: `id ${r.id} is already used on line ${first}` });
    else seen.set(r.id, r.line);
  }

  const m = minter({ ...input, file });
  const report: string[] = [];
  const collector = new SchemaCollector();
  if (conf) defineFromConf(conf, collector);
  const text = input.txt;
  const index = offsetIndex(text);
  const where = (r: BratRecord) => (file ? `${file}:${r.line}` : `line ${r.line}`);

  // Text-bound spans first: everything else refers to them.
  const spans = new Map<string, { record: Extract<BratRecord, { kind: 'T' }>; fragments: Fragment[] }>();
  for (const r of records) {
    if (r.kind !== 'T') continue;
    const check = checkSpans(r.spans, r.text, text, index);
    for (const p of check.problems) errors.push({ ...at, line: r.line, field: p.field, annotation: r.id, message: p.message });
    for (const note of check.notes) report.push(`${where(r)} ${r.id}: ${note}`);
    spans.set(r.id, { record: r, fragments: check.fragments });
  }

  const events = records.filter((r): r is Extract<BratRecord, { kind: 'E' }> => r.kind === 'E');
  const eventTypes = new Set([...events.map((e) => e.type), ...(conf?.events.map((e) => e.type) ?? [])]);
  const triggerOf = new Map<string, string[]>();
  for (const e of events) {
    const t = spans.get(e.trigger);
    if (!t) {
      errors.push({ ...at, line: e.line, field: 'trigger', annotation: e.id, message: `trigger ${e.trigger} is not defined` });
      continue;
    }
    triggerOf.set(e.trigger, [...(triggerOf.get(e.trigger) ?? []), e.id]);
    if (t.record.type !== e.type) report.push(`${where(e)} ${e.id}: trigger ${e.trigger} is typed ${t.record.type}; the event keeps its own type ${e.type}`);
  }
  if (errors.length > 0) return { ok: false, errors };

  // One Lede annotation per E line and per T line that is not a trigger.
  const idOf = new Map<string, string>();
  const annotations = new Map<string, Annotation>();
  for (const [tid, { record, fragments }] of spans) {
    if (triggerOf.has(tid)) continue;
    const a = makeAnnotation(text, { label: record.type, fragments }, m);
    const isEventType = eventTypes.has(record.type);
    collector.label(record.type, isEventType ? 'event' : 'span');
    if (isEventType) report.push(`${where(record)} ${tid}: a ${record.type} trigger without an event line is imported as an event with no arguments`);
    idOf.set(tid, a.id);
    annotations.set(tid, a);
  }
  for (const e of events) {
    const trigger = spans.get(e.trigger)!;
    const a = makeAnnotation(text, { label: e.type, fragments: trigger.fragments }, m);
    collector.label(e.type, 'event');
    idOf.set(e.id, a.id);
    annotations.set(e.id, a);
    const sharing = triggerOf.get(e.trigger)!;
    if (!idOf.has(e.trigger)) idOf.set(e.trigger, a.id);
    if (sharing.length > 1 && sharing[0] === e.id) {
      report.push(`${where(e)}: events ${sharing.join(', ')} share trigger ${e.trigger}; each becomes an event annotation over the same span`);
    }
  }

  const relations: Relation[] = [];
  const attached = attachRecords({ records, idOf, annotations, relations, collector, conf, minter: m, file, where, triggerOf });
  report.push(...attached.report);
  if (attached.errors.length > 0) return { ok: false, errors: attached.errors };
  const tooLarge = modelLimitProblems(annotations, relations, records, at);
  if (tooLarge.length > 0) return { ok: false, errors: tooLarge };

  const visual = typeof input.visual === 'string' ? readVisualConf(input.visual) : (input.visual ?? null);
  const schema = collector.build();
  for (const label of schema.labels) {
    const name = visual?.names.get(label.id);
    const color = visual?.colors.get(label.id);
    if (name) label.name = name;
    if (color) label.color = color;
  }
  let stored = text;
  let list = [...annotations.values()];
  if (text.charCodeAt(0) === 0xfeff) {
    const bom = withoutBom(text, list, annotations, at);
    if (!bom.ok) return bom;
    ({ text: stored, annotations: list } = bom.value);
    report.push(
      `${file ?? 'the .txt'}: the text starts with a byte-order mark, which brat counts as a character; the article is stored without it, offsets one less`,
    );
  }
  return ok({
    documents: [{ article: { text: stored, ...(file ? { source: sourceName(file) } : {}) }, annotations: list.sort(compareSpans), relations }],
    schema,
    report,
    ...(visual && visual.colors.size > 0 ? { colorsDefined: true } : {}),
  });
}

/** The annotations on the text without its leading byte-order mark (brat counted it as offset 0). */
function withoutBom(
  text: string,
  list: Annotation[],
  byBrat: Map<string, Annotation>,
  at: { file?: string },
): Result<{ text: string; annotations: Annotation[] }> {
  const stripped = text.slice(1);
  const errors: Problem[] = [];
  const out: Annotation[] = [];
  for (const a of list) {
    const fragments = a.fragments.map((f) => ({ start: Math.max(0, f.start - 1), end: f.end - 1 })).filter((f) => f.end > f.start);
    if (fragments.length === 0) {
      const bratId = [...byBrat].find(([, x]) => x === a)?.[0];
      errors.push({
        ...at,
        ...(bratId ? { annotation: bratId } : {}),
        message: `${bratId ?? 'a span'} covers only the byte-order mark at the start of the text`,
      });
      continue;
    }
    out.push({ ...a, fragments, ...selectorsFor(stripped, fragments) });
  }
  return errors.length > 0 ? { ok: false, errors } : ok({ text: stripped, annotations: out });
}

/** The .txt file name the .ann belongs to, without directories. */
function sourceName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ann$/, '.txt');
}

/**
 * The model's limits (a note of 100,000 characters, attribute values, normalisations…) hold for
 * imported data too: a line that exceeds one fails the parse with its location instead of
 * producing an annotation the store would refuse. Each annotation and relation is replaced by its
 * checked form (checked.ts), which the store then does not check again.
 */
function modelLimitProblems(annotations: Map<string, Annotation>, relations: Relation[], records: BratRecord[], at: { file?: string }): Problem[] {
  const problems: Problem[] = [];
  const lineOf = new Map(records.map((r) => [r.id, r.line]));
  for (const [bratId, a] of annotations) {
    const checked = checkAnnotation(a);
    if (checked.success) {
      annotations.set(bratId, checked.data);
      continue;
    }
    const issue = checked.error.issues[0]!;
    const line = lineOf.get(bratId);
    problems.push({
      ...at,
      ...(line !== undefined ? { line } : {}),
      field: issue.path.join('.'),
      annotation: bratId,
      message: `${bratId} ${issue.path.join('.')}: ${issue.message}`,
    });
  }
  for (const [k, r] of relations.entries()) {
    const checked = checkRelation(r);
    if (checked.success) relations[k] = checked.data;
    else problems.push({ ...at, field: checked.error.issues[0]!.path.join('.'), message: `a ${r.type} relation: ${checked.error.issues[0]!.message}` });
  }
  return problems;
}
