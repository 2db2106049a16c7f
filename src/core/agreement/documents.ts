import type { Annotation, Fragment, Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import { layersOf } from '../model/document';

/** What the agreement figures read of an annotation (attributes for the attribute figures). */
export type AgreementSpan = Pick<Annotation, 'id' | 'label' | 'fragments' | 'author'> & { attributes?: Annotation['attributes'] };

/** What the link figures read of a relation (speaker, source, participant, or an imported type). */
export type AgreementLink = Pick<Relation, 'id' | 'type' | 'from' | 'to' | 'author'>;

/**
 * One article as the agreement figures see it. `layers` lists the annotators who HAVE the article
 * (a brat annotator with an empty .ann file has it, with no annotations), which is not the same as
 * the authors of its annotations; documents compared are those every selected annotator has.
 */
export interface AgreementDocument {
  id: string;
  title: string;
  text: string;
  layers: readonly string[];
  annotations: readonly AgreementSpan[];
  /** Links between the annotations; none when absent. */
  relations?: readonly AgreementLink[];
}

/**
 * The agreement view of a stored document. A workspace does not record that an annotator has an
 * article with no annotations, so by default the layers are the authors present; pass `layers`
 * when the caller knows better (e.g. it imported an empty file for a colleague).
 * Only what the figures read is copied (not quotes, notes, times), so a thousand documents'
 * views hold a fraction of the documents, which need not be kept for them.
 */
export function agreementDocument(doc: ArticleDoc, layers?: readonly string[]): AgreementDocument {
  return {
    id: doc.article.id,
    title: doc.article.title,
    text: doc.article.text,
    layers: layers ?? layersOf(doc),
    annotations: doc.annotations.map(({ id, label, fragments, author, attributes }) => ({ id, label, fragments, author, attributes })),
    relations: doc.relations.map(({ id, type, from, to, author }) => ({ id, type, from, to, author })),
  };
}

/**
 * The agreement view of a stored document without copying its annotations and relations, for a
 * document counted at once and then dropped (document-tally.ts), where agreementDocument's copies
 * would only be made to be collected.
 */
export function agreementView(doc: ArticleDoc): AgreementDocument {
  return {
    id: doc.article.id,
    title: doc.article.title,
    text: doc.article.text,
    layers: layersOf(doc),
    annotations: doc.annotations,
    relations: doc.relations,
  };
}

export interface AgreementSelection {
  /** Annotators (layers) to compare; sorted, each once, so figures do not depend on the order asked. */
  annotators: string[];
  /** Documents every selected annotator has, in the order given. */
  documents: AgreementDocument[];
  /** Documents left out, with the annotators they lack. */
  excluded: { id: string; title: string; missing: string[] }[];
  /** Labels reported: those asked for, or every label a selected annotator used in a compared document, sorted. */
  labels: string[];
  /** Every unordered pair of annotators, in the order of `annotators` (itertools.combinations). */
  pairs: [string, string][];
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function selectForAgreement(
  documents: readonly AgreementDocument[],
  options: { annotators: readonly string[]; labels?: readonly string[] },
): AgreementSelection {
  const annotators = [...new Set(options.annotators)].sort(compareStrings);
  const kept: AgreementDocument[] = [];
  const excluded: AgreementSelection['excluded'] = [];
  for (const doc of documents) {
    const has = new Set(doc.layers);
    const missing = annotators.filter((a) => !has.has(a));
    if (missing.length === 0) kept.push(doc);
    else excluded.push({ id: doc.id, title: doc.title, missing });
  }
  let labels: string[];
  if (options.labels) labels = [...new Set(options.labels)];
  else {
    const selected = new Set(annotators);
    const used = new Set<string>();
    for (const doc of kept) for (const a of doc.annotations) if (selected.has(a.author)) used.add(a.label);
    labels = [...used].sort(compareStrings);
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) pairs.push([annotators[i]!, annotators[j]!]);
  }
  return { annotators, documents: kept, excluded, labels, pairs };
}

/**
 * Offsets below this give a one-fragment span a numeric key, start · 2^15 + end: below 2^30, a
 * small integer V8 keeps unboxed (a Map hashes it at once, and it prints from V8's number cache
 * in keys built on it, endKey and the matcher's). Texts longer than 32,768 characters use strings further on.
 */
const NUMERIC_KEY_BOUND = 2 ** 15;

/** A fragment list as a Map/Set key; see fragmentKey. */
export type FragmentKey = number | string;

/**
 * A fragment list as a key: equal keys, equal fragments (compared as stored, touching ones not
 * merged). Most spans are one fragment, keyed by a number: no string to build and hash for every
 * span of every document. Other lists are strings ("start-end;" per fragment), never equal to a number.
 */
export function fragmentKey(fragments: readonly Fragment[]): FragmentKey {
  if (fragments.length === 1) {
    const { start, end } = fragments[0]!;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0 && start < NUMERIC_KEY_BOUND && end < NUMERIC_KEY_BOUND)
      return start * NUMERIC_KEY_BOUND + end;
  }
  let key = '';
  for (const f of fragments) key += `${f.start}-${f.end};`;
  return key;
}

/**
 * One annotator's spans of one label in a document, by fragment key, in storage order: the key
 * is what instance F1 and the attribute figures match on, made once here for all of them.
 */
export type SpanGroup = ReadonlyMap<FragmentKey, AgreementSpan>;

/**
 * The spans of a document that the figures count, as [annotator][label] groups: only the selected
 * annotators' annotations whose label is reported, and each span once — an annotator's annotations
 * with the same label and the same fragments are one span (the first in storage order stands for
 * the others). That is how two brat events sharing one trigger count: their trigger is one
 * text-bound span, tagged once, so it is one instance and its tokens count once.
 */
export function spansByAnnotatorAndLabel(doc: AgreementDocument, annotators: readonly string[], labelIndex: ReadonlyMap<string, number>): SpanGroup[][] {
  const annotatorIndex = new Map(annotators.map((a, i) => [a, i]));
  const groups = annotators.map(() => Array.from({ length: labelIndex.size }, () => new Map<FragmentKey, AgreementSpan>()));
  for (const a of doc.annotations) {
    const who = annotatorIndex.get(a.author);
    const l = labelIndex.get(a.label);
    if (who === undefined || l === undefined) continue;
    const group = groups[who]![l]!;
    const key = fragmentKey(a.fragments);
    if (!group.has(key)) group.set(key, a);
  }
  return groups;
}

export function indexOfLabels(labels: readonly string[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}
