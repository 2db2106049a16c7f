/** The W3C Web Annotation JSON-LD context every annotation names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Lede's own terms, for what the Web Annotation model has no place for (attribute values,
 * normalisations, the direction of a link, the label schema, the article texts). A URN prefix:
 * the terms are for Lede's own import, and name no web resource.
 */
export const LEDE_VOCAB = 'urn:lede:vocab:';
export const COLLECTION_CONTEXT = [ANNO_CONTEXT, { lede: LEDE_VOCAB }] as const;

export const TERMS = {
  attributes: 'lede:attributes',
  normalizations: 'lede:normalizations',
  from: 'lede:from',
  to: 'lede:to',
  schema: 'lede:labelSchema',
  sources: 'lede:sources',
  entityName: 'lede:entityName',
} as const;

/** An article's metadata on its `lede:sources` entry: `lede:outlet`, `lede:url`, `lede:byline`, `lede:published`, `lede:language`, `lede:tags`. */
export const META_TERM_PREFIX = 'lede:';

/** An actor-registry entity (core/actors) as an IRI, for the identifying body of a linked span. */
export const entityUri = (id: string) => `urn:lede:entity:${encodeURIComponent(id)}`;
export function entityOfUri(uri: string): string | null {
  const m = /^urn:lede:entity:(.+)$/.exec(uri);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/**
 * Ids become URIs (the model requires `id` to be an IRI); percent-encoding keeps any id valid.
 * Lede ids are unique within an article, so the article id is part of the URI.
 */
export const annotationUri = (articleId: string, id: string) => `urn:lede:${encodeURIComponent(articleId)}:annotation:${encodeURIComponent(id)}`;
export const relationUri = (articleId: string, id: string) => `urn:lede:${encodeURIComponent(articleId)}:relation:${encodeURIComponent(id)}`;
/** An article is named by its text hash, so an import finds the same article in any workspace. */
export const sourceUri = (hash: string) => `urn:sha256:${hash}`;

export function hashOfSource(uri: string): string | null {
  const m = /^urn:sha256:([0-9a-f]{64})$/.exec(uri);
  return m ? m[1]! : null;
}
