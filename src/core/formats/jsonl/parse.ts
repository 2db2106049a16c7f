import { compareSpans, type Fragment, type Relation } from '../../model/annotation';
import { ARTICLE_META_KEYS } from '../../model/article-meta';
import { fail, ok, type Problem, type Result } from '../../model/result';
import { offsetIndex, type OffsetIndex } from '../../text/offsets';
import { makeAnnotation, makeRelation, minter, type Minter } from '../build';
import { sizeProblem } from '../limits';
import { safeJsonParse, zodProblems } from '../json/safe-json';
import { quickCheck } from '../../model/quick-check';
import { SchemaCollector } from '../schema';
import type { AnnotationSet, ImportedDoc, ParseOptions } from '../types';
import { JsonlLineSchema, LabelSpanSchema } from './shape';

// The line itself where zod would return the same data; zod (and its words) otherwise.
const quickLine = quickCheck(JsonlLineSchema, { exact: true });
const quickSpan = quickCheck(LabelSpanSchema, { exact: true });

interface Span {
  start: number;
  end: number;
  label: string;
  key: string | number;
  field: string;
}

/**
 * Reads doccano JSONL (either shape). Each line is one article; every span is checked against the
 * text (code points). With Lede's extra key the spans regroup into discontinuous annotations with
 * their attributes, notes and relations; without it, each span is one annotation.
 */
export function parseJsonl(input: string, options: ParseOptions): Result<AnnotationSet> {
  const file = options.file;
  const tooBig = sizeProblem(input, file, options.maxBytes);
  if (tooBig) return fail(tooBig);
  const m = minter(options);
  const collector = new SchemaCollector();
  const errors: Problem[] = [];
  const report: string[] = [];
  const documents: ImportedDoc[] = [];
  const lines = input.replace(/^\uFEFF/, '').split('\n');
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const at = { ...(file ? { file } : {}), line: i + 1 };
    const json = safeJsonParse(raw, file, i, Number.POSITIVE_INFINITY);
    if (!json.ok) {
      errors.push(...json.errors);
      continue;
    }
    const parsed = quickLine(json.value) ? { success: true as const, data: json.value as Line } : JsonlLineSchema.safeParse(json.value);
    if (!parsed.success) {
      errors.push(...zodProblems(parsed.error, at));
      continue;
    }
    const doc = readLine(parsed.data, at, m, collector, errors, report);
    if (doc) documents.push(doc);
    if (errors.length > 200) break;
  }
  if (errors.length > 0) return { ok: false, errors };
  return ok({ documents, schema: collector.build(), report });
}

type Line = ReturnType<typeof JsonlLineSchema.parse>;

function readLine(
  line: Line,
  at: { file?: string; line: number },
  m: Minter,
  collector: SchemaCollector,
  errors: Problem[],
  report: string[],
): ImportedDoc | null {
  const text = line.text;
  const index = offsetIndex(text);
  const before = errors.length;
  const where = `${at.file ? `${at.file}:` : 'line '}${at.line}`;
  const spans: Span[] = [];
  const add = (start: number, end: number, label: string, key: string | number, field: string) => {
    const problem = spanProblem(start, end, index);
    if (problem) errors.push({ ...at, field, message: problem });
    else spans.push({ start: index.toUtf16(start)!, end: index.toUtf16(end)!, label, key, field });
  };
  for (const [k, item] of (line.label ?? []).entries()) {
    const span = quickSpan(item) ? { success: true as const, data: item as [number, number, string] } : LabelSpanSchema.safeParse(item);
    if (span.success) add(span.data[0], span.data[1], span.data[2], k, `label[${k}]`);
    else if (typeof item === 'string') report.push(`${where}: document label "${item}" is not a span; not imported`);
    else errors.push({ ...at, field: `label[${k}]`, message: 'expected [start, end, "label"]' });
  }
  for (const [k, e] of (line.entities ?? []).entries()) add(e.start_offset, e.end_offset, e.label, e.id, `entities[${k}]`);
  if (errors.length > before) return null;

  // Annotations: the extra key's groups, or one per span.
  const extra = line.lede;
  const groups = extra?.annotations ?? spans.map((_, k) => ({ spans: [k] }));
  const annotationOfSpan = new Map<number, string>();
  const annotations = [];
  for (const [g, group] of groups.entries()) {
    const members = group.spans.map((k) => spans[k]);
    if (members.some((s) => !s) || new Set(members.map((s) => s!.label)).size !== 1) {
      errors.push({ ...at, field: `lede.annotations[${g}].spans`, message: 'points to spans that do not exist or have different labels' });
      continue;
    }
    const fragments: Fragment[] = members.map((s) => ({ start: s!.start, end: s!.end })).sort((a, b) => a.start - b.start);
    if (fragments.some((f, j) => j > 0 && f.start < fragments[j - 1]!.end)) {
      errors.push({ ...at, field: `lede.annotations[${g}].spans`, message: 'the spans of one annotation overlap' });
      continue;
    }
    const label = members[0]!.label;
    const e = group as {
      attributes?: Record<string, string | boolean>;
      note?: string;
      normalizations?: { resource: string; ref: string; text: string }[];
      created?: string;
      modified?: string;
    };
    const a = makeAnnotation(
      text,
      { label, fragments, attributes: e.attributes ?? {}, note: e.note, normalizations: e.normalizations, created: e.created, modified: e.modified },
      m,
    );
    collector.label(label);
    for (const [name, value] of Object.entries(a.attributes)) collector.attributeValue(label, name, value);
    for (const k of group.spans) annotationOfSpan.set(k, a.id);
    annotations.push(a);
  }
  const covered = new Set(groups.flatMap((g) => g.spans));
  if (spans.some((_, k) => !covered.has(k))) errors.push({ ...at, field: 'lede.annotations', message: 'some spans belong to no annotation' });

  const relations: Relation[] = [];
  const labelOf = new Map(annotations.map((a) => [a.id, a.label]));
  const link = (from: string | undefined, to: string | undefined, type: string, note: string | undefined, field: string) => {
    if (!from || !to) return errors.push({ ...at, field, message: 'links a span that does not exist' });
    collector.relationType(type, { from: labelOf.get(from), to: labelOf.get(to) });
    relations.push(makeRelation({ type, from, to, note }, m));
  };
  if (line.entities) {
    const spanByKey = new Map(spans.map((s, k) => [String(s.key), k]));
    for (const [k, r] of (line.relations ?? []).entries()) {
      const of = (id: string | number) => {
        const s = spanByKey.get(String(id));
        return s === undefined ? undefined : annotationOfSpan.get(s);
      };
      link(of(r.from_id), of(r.to_id), r.type, extra?.relationNotes?.[String(k)], `relations[${k}]`);
    }
  }
  for (const [k, r] of (extra?.relations ?? []).entries()) link(annotations[r.from]?.id, annotations[r.to]?.id, r.type, r.note, `lede.relations[${k}]`);
  if (errors.length > before) return null;
  const info = extra?.article;
  const meta = info ? Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (info[k] === undefined ? [] : [[k, info[k]]]))) : {};
  return {
    article: {
      text,
      ...(info?.id ? { id: info.id } : {}),
      ...(info?.title !== undefined ? { title: info.title } : {}),
      ...(info?.source ? { source: info.source } : {}),
      ...(info?.hash ? { hash: info.hash } : {}),
      ...(Object.keys(meta).length ? { meta } : {}),
    },
    annotations: annotations.sort(compareSpans),
    relations,
  };
}

function spanProblem(start: number, end: number, index: OffsetIndex): string | null {
  if (start > end) return `span is reversed (${start} > ${end})`;
  if (start === end) return `span is empty (${start}–${end})`;
  if (end > index.codePointLength) return `span ends at ${end}, past the end of the text (${index.codePointLength} characters)`;
  return null;
}
