import { z } from 'zod';
import { AttributeValueSchema, NormalizationSchema, compareSpans, type Annotation, type Fragment, type Relation } from '../../model/annotation';
import { LabelSchemaSchema, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Problem, type Result } from '../../model/result';
import { quickCheck, type QuickCheck } from '../../model/quick-check';
import { offsetIndex, type OffsetIndex } from '../../text/offsets';
import { makeAnnotation, makeRelation, minter } from '../build';
import { safeJsonParse, zodProblems } from '../json/safe-json';
import { SchemaCollector } from '../schema';
import type { AnnotationSet, ImportedArticle, ParseOptions } from '../types';
import { META_TERM_PREFIX, TERMS, entityOfUri, hashOfSource } from './vocabulary';
import { ARTICLE_META_KEYS, type RawArticleMeta } from '../../model/article-meta';
import { LEDE_RESOURCE } from '../entity-links';
import { asArray, hasType, idOf, isObject, orderSegments, segmentOf, type Json } from './targets';

export interface W3cParseOptions extends ParseOptions {
  /** Text of a source the file does not embed (the workspace article with that hash), if known. */
  resolveText?: (source: string) => string | undefined;
}

const AttributesSchema = z.record(z.string().max(200), AttributeValueSchema);
const NormalizationsSchema = z.array(NormalizationSchema).max(1000);
const quickAttributes = quickCheck(AttributesSchema, { exact: true });
const quickNormalizations = quickCheck(NormalizationsSchema, { exact: true });
// Each file of a split export declares the whole schema: a thousand of them.
const quickLabelSchema = quickCheck(LabelSchemaSchema, { exact: true });

/**
 * An absent optional field is its default without a trip through zod (100,000 annotations make
 * that count), and one `quick` knows to be exactly what zod would return is taken as it is.
 */
function parseOptional<T>(
  schema: z.ZodType<T>,
  quick: QuickCheck,
  value: unknown,
  absent: T,
): { success: true; data: T } | { success: false; error: z.ZodError } {
  if (value === undefined || value === null) return { success: true, data: absent };
  if (quick(value)) return { success: true, data: value as T };
  const parsed = schema.safeParse(value);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}

/** The annotations of a collection (embedded first page), a page, an array or a single annotation. */
function itemsOf(root: unknown): { items: unknown[]; field: string } | string {
  if (Array.isArray(root)) return { items: root, field: '' };
  if (!isObject(root)) return 'expected a JSON object or array';
  if (hasType(root, 'AnnotationCollection')) {
    if (!isObject(root.first)) return 'the collection does not embed its first page (only embedded pages can be imported)';
    if (root.first.next !== undefined) return 'the collection has further pages that are not embedded';
    return { items: asArray(root.first.items), field: 'first.items' };
  }
  if (hasType(root, 'AnnotationPage')) return { items: asArray(root.items), field: 'items' };
  if (hasType(root, 'Annotation')) return { items: [root], field: '' };
  return 'not a Web Annotation (expected an Annotation, AnnotationPage or AnnotationCollection)';
}

const purposes = (b: Json) => asArray(b.purpose);
const bodyText = (b: Json) => (typeof b.value === 'string' ? b.value : undefined);

/**
 * Reads W3C Web Annotation JSON-LD. Span annotations: label from the `tagging` body, note from
 * `commenting` bodies, one fragment per target (positions in code points, checked against the
 * quote). `linking` annotations become relations. Lede's own terms bring back attributes,
 * normalisations, link direction, the label schema and the article texts.
 */
export function parseW3c(input: string, options: W3cParseOptions): Result<AnnotationSet> {
  const file = options.file;
  const at = file ? { file } : {};
  const json = safeJsonParse(input, file, undefined, options.maxBytes);
  if (!json.ok) return json;
  const found = itemsOf(json.value);
  if (typeof found === 'string') return fail({ ...at, message: found });
  const root = isObject(json.value) ? json.value : {};
  const errors: Problem[] = [];
  const report: string[] = [];
  const problem = (field: string, message: string, annotation?: string) => errors.push({ ...at, field, message, ...(annotation ? { annotation } : {}) });
  const collector = new SchemaCollector();
  const declaredRaw = root[TERMS.schema];
  const declared =
    declaredRaw === undefined
      ? null
      : quickLabelSchema(declaredRaw)
        ? { success: true as const, data: declaredRaw as LabelSchema }
        : LabelSchemaSchema.safeParse(declaredRaw);
  if (declared && !declared.success) errors.push(...zodProblems(declared.error, at, TERMS.schema));
  if (declared?.success) for (const l of declared.data.labels) collector.defineLabel(l);
  if (declared?.success) for (const r of declared.data.relationTypes) collector.defineRelationType(r);

  // Texts: embedded sources first, then whatever the caller knows (the workspace).
  const articles = new Map<string, ImportedArticle>();
  for (const s of asArray(root[TERMS.sources]).filter(isObject)) {
    if (typeof s.id !== 'string' || typeof s['lede:text'] !== 'string') continue;
    const str = (k: string) => (typeof s[k] === 'string' ? s[k] : undefined);
    const hash = str('lede:hash') ?? hashOfSource(s.id) ?? undefined;
    const meta = metaOf(s);
    articles.set(s.id, {
      text: s['lede:text'],
      id: str('lede:articleId'),
      title: str('lede:title'),
      source: str('lede:origin'),
      importedAt: str('lede:importedAt'),
      hash,
      ...(meta ? { meta } : {}),
    });
  }
  const indexes = new Map<string, OffsetIndex>();
  const articleFor = (source: string): ImportedArticle | undefined => {
    if (!articles.has(source)) {
      const text = options.resolveText?.(source);
      if (text !== undefined) articles.set(source, { text, ...(hashOfSource(source) ? { hash: hashOfSource(source)! } : {}) });
    }
    return articles.get(source);
  };

  const m = minter(options);
  const docs = new Map<string, { annotations: Annotation[]; relations: Relation[] }>();
  const byUri = new Map<string, { source: string; annotation: Annotation }>();
  const links: { item: Json; field: string }[] = [];
  for (const [i, raw] of found.items.entries()) {
    const field = found.field ? `${found.field}[${i}]` : `[${i}]`;
    if (!isObject(raw) || !hasType(raw, 'Annotation')) {
      problem(field, 'not an Annotation object');
      continue;
    }
    if (asArray(raw.motivation).includes('linking') || raw[TERMS.from] !== undefined) {
      links.push({ item: raw, field });
      continue;
    }
    const uri = idOf(raw);
    const targets = asArray(raw.target);
    if (targets.length === 0) {
      problem(`${field}.target`, 'an annotation needs a target', uri);
      continue;
    }
    const sources = new Set(targets.map((t) => (isObject(t) ? idOf(t.source) : undefined)));
    if (targets.some((t) => !isObject(t))) {
      report.push(`${field}: annotates a whole resource, not a span of text; not imported`);
      continue;
    }
    const source = [...sources][0];
    if (sources.size !== 1 || source === undefined) {
      problem(`${field}.target`, sources.size > 1 ? 'targets more than one source text' : 'target has no source', uri);
      continue;
    }
    const article = articleFor(source);
    if (!article) {
      problem(`${field}.target.source`, `the text of ${source} is neither in the file nor in the workspace`, uri);
      continue;
    }
    let index = indexes.get(source);
    if (!index) indexes.set(source, (index = offsetIndex(article.text)));
    const fragments: Fragment[] = [];
    for (const [j, t] of targets.entries()) {
      const seg = segmentOf(t as Json, targets.length > 1 ? `${field}.target[${j}]` : `${field}.target`, article.text, index, report);
      if ('message' in seg) problem(seg.field, seg.message, uri);
      else fragments.push(seg);
    }
    if (fragments.length !== targets.length) continue;
    const bodies = asArray(raw.body).filter(isObject);
    const tags = bodies.filter((b) => purposes(b).includes('tagging') && bodyText(b) !== undefined);
    const comments = bodies.filter((b) => purposes(b).includes('commenting') && bodyText(b) !== undefined);
    // The actor the span names (an identifying body on a urn:lede:entity IRI): read back as a Lede reference.
    const identities = bodies.filter((b) => purposes(b).includes('identifying') && typeof b.source === 'string' && entityOfUri(b.source) !== null);
    const others = bodies.length - tags.length - comments.length - identities.length + asArray(raw.body).filter((b) => !isObject(b)).length;
    let label = tags[0] ? bodyText(tags[0])! : undefined;
    if (label === undefined || label === '') {
      const motivation = asArray(raw.motivation)[0];
      label = typeof motivation === 'string' ? motivation : 'annotation';
      report.push(`${field}: no tagging body; labelled "${label}" after its motivation`);
    }
    if (tags.length > 1)
      report.push(`${field}: several tagging bodies; the first is the label, the others were not imported (${tags.slice(1).map(bodyText).join(', ')})`);
    if (others > 0) report.push(`${field}: ${others} body/bodies other than tagging or commenting were not imported`);
    const attributes = parseOptional(AttributesSchema, quickAttributes, raw[TERMS.attributes], {});
    const normalizations = parseOptional(NormalizationsSchema, quickNormalizations, raw[TERMS.normalizations], []);
    if (normalizations.success) {
      for (const b of identities.slice(0, 1)) {
        const name = b[TERMS.entityName];
        normalizations.data = [
          ...normalizations.data,
          { resource: LEDE_RESOURCE, ref: entityOfUri(b.source as string)!.slice(0, 100), text: typeof name === 'string' ? name.slice(0, 500) : '' },
        ];
      }
      if (identities.length > 1) report.push(`${field}: several identifying bodies; the span links the first actor, the others were not imported`);
    }
    if (!attributes.success) errors.push(...zodProblems(attributes.error, { ...at }, `${field}.${TERMS.attributes}`));
    if (!normalizations.success) errors.push(...zodProblems(normalizations.error, { ...at }, `${field}.${TERMS.normalizations}`));
    const note = comments.map(bodyText).join('\n');
    if (!attributes.success || !normalizations.success || label.length > 200 || note.length > 100_000) {
      if (label.length > 200) problem(`${field}.body`, 'label longer than 200 characters', uri);
      if (note.length > 100_000) problem(`${field}.body`, 'comment longer than 100,000 characters', uri);
      continue;
    }
    const time = (k: string) => (typeof raw[k] === 'string' && raw[k].length <= 100 ? raw[k] : undefined);
    const a = makeAnnotation(
      article.text,
      {
        label,
        fragments: orderSegments(fragments, field, report),
        attributes: attributes.data,
        note,
        normalizations: normalizations.data,
        created: time('created'),
        modified: time('modified'),
      },
      m,
    );
    collector.label(label);
    for (const [k, v] of Object.entries(a.attributes)) collector.attributeValue(label, k, v);
    const doc = docs.get(source) ?? { annotations: [], relations: [] };
    docs.set(source, doc);
    doc.annotations.push(a);
    if (uri !== undefined) byUri.set(uri, { source, annotation: a });
  }

  for (const { item, field } of links) {
    const targets = asArray(item.target).map(idOf);
    const from = idOf(item[TERMS.from]) ?? targets[0];
    const to = idOf(item[TERMS.to]) ?? targets[1];
    const a = from === undefined ? undefined : byUri.get(from);
    const b = to === undefined ? undefined : byUri.get(to);
    if (!a || !b || a.source !== b.source) {
      problem(
        `${field}.target`,
        !a || !b ? `links ${!a ? from : to}, which is not an annotation in this file` : 'links annotations of different texts',
        idOf(item),
      );
      continue;
    }
    const bodies = asArray(item.body).filter(isObject);
    const type = bodies.filter((x) => purposes(x).includes('tagging')).map(bodyText)[0] ?? 'linked';
    const note = bodies
      .filter((x) => purposes(x).includes('commenting'))
      .map(bodyText)
      .join('\n');
    if (type.length > 200 || note.length > 100_000) {
      problem(`${field}.body`, type.length > 200 ? 'link type longer than 200 characters' : 'comment longer than 100,000 characters', idOf(item));
      continue;
    }
    const time = (k: string) => (typeof item[k] === 'string' && item[k].length <= 100 ? item[k] : undefined);
    collector.relationType(type, { from: a.annotation.label, to: b.annotation.label });
    docs
      .get(a.source)!
      .relations.push(makeRelation({ type, from: a.annotation.id, to: b.annotation.id, note, created: time('created'), modified: time('modified') }, m));
  }
  if (errors.length > 0) return { ok: false, errors };
  // Articles in the order the file lists them; embedded texts without annotations still come back.
  const ordered = [...articles.keys()].map((source) => [source, docs.get(source) ?? { annotations: [], relations: [] }] as const);
  return ok({
    documents: ordered.map(([source, d]) => ({ article: articles.get(source)!, annotations: d.annotations.sort(compareSpans), relations: d.relations })),
    schema: collector.build(),
    report,
    ...(declared?.success ? { colorsDefined: true } : {}),
  });
}

/**
 * The metadata on a `lede:sources` entry, as the file states it (strings, and a list of strings
 * for tags; anything else is left out): the import cleans it like any file's (cleanArticleMeta).
 */
function metaOf(source: Json): RawArticleMeta | undefined {
  const meta: RawArticleMeta = {};
  for (const key of ARTICLE_META_KEYS) {
    const value = source[`${META_TERM_PREFIX}${key}`];
    if (key === 'tags') {
      if (Array.isArray(value)) meta.tags = value.filter((t): t is string => typeof t === 'string').slice(0, 1000);
    } else if (typeof value === 'string') meta[key] = value.slice(0, 10_000);
  }
  return Object.keys(meta).length ? meta : undefined;
}
