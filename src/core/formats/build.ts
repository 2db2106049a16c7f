import type { Annotation, AttributeValue, Fragment, Normalization, Relation } from '../model/annotation';
import { newId, nowIso } from '../model/ids';
import { selectorsFor } from '../text/selectors';
import type { ParseOptions } from './types';

/** Everything a parser needs to mint annotations for one layer consistently. */
export interface Minter {
  author: string;
  now: string;
  id(kind: 'annotation' | 'relation'): string;
}

export function minter(options: ParseOptions): Minter {
  const make = options.newId ?? ((kind) => newId(kind === 'annotation' ? 'ann' : 'rel'));
  return { author: options.author, now: options.now ?? nowIso(), id: make };
}

export interface AnnotationParts {
  id?: string;
  label: string;
  fragments: Fragment[];
  attributes?: Record<string, AttributeValue>;
  note?: string;
  normalizations?: Normalization[];
  created?: string;
  modified?: string;
}

/** A complete annotation with its quote/prefix/suffix selectors taken from the text. */
export function makeAnnotation(text: string, parts: AnnotationParts, m: Minter): Annotation {
  // Built field by field: object spread is measurably slower on imports of 100,000 annotations.
  const selectors = selectorsFor(text, parts.fragments);
  const annotation: Annotation = {
    id: parts.id ?? m.id('annotation'),
    label: parts.label,
    fragments: parts.fragments,
    quote: selectors.quote,
    prefix: selectors.prefix,
    suffix: selectors.suffix,
    attributes: parts.attributes ?? {},
    note: parts.note ?? '',
    author: m.author,
    created: parts.created ?? m.now,
    modified: parts.modified ?? parts.created ?? m.now,
  };
  if (parts.normalizations && parts.normalizations.length > 0) annotation.normalizations = parts.normalizations;
  return annotation;
}

export function makeRelation(
  parts: { id?: string; type: string; from: string; to: string; note?: string; created?: string; modified?: string },
  m: Minter,
): Relation {
  const relation: Relation = {
    id: parts.id ?? m.id('relation'),
    type: parts.type,
    from: parts.from,
    to: parts.to,
    author: m.author,
    created: parts.created ?? m.now,
    modified: parts.modified ?? parts.created ?? m.now,
  };
  if (parts.note) relation.note = parts.note;
  return relation;
}
