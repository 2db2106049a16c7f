/**
 * Where a review keeps its state: nowhere but the article's own layers.
 *
 * - The reviewed layer (e.g. "reviewed") holds what the reviewer accepted or wrote.
 * - Its companion layer `rejectedLayerName(reviewed)` holds copies of what the reviewer rejected
 *   (a record worth keeping in itself: what was turned down, and from whom).
 * Every id there is derived from what it answers — the source annotation or relation, or the
 * comparison item for an edit — so the state of each item can be read back from the document
 * alone: it survives restarts, is saved and undone like any edit, and needs no other store.
 * The reviewed layer's name is part of each id, so one annotation can be reviewed into several
 * reviewed layers.
 */
export function rejectedLayerName(reviewed: string): string {
  return `${reviewed} (rejected)`;
}

/** True for the companion layers that hold rejections, so the UI can list them apart from real layers. */
export function isRejectedLayer(layer: string): boolean {
  return layer.endsWith(' (rejected)');
}

/**
 * cyrb53, a fast well-mixed 53-bit string hash (public domain, by bryc); run with two seeds it
 * gives ~106 bits, far beyond any chance of a collision among one article's ids. src/core has no
 * crypto module to call, and these ids need stability, not secrecy.
 */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function derived(prefix: string, parts: string[]): string {
  const text = parts.join('\u0000');
  return `${prefix}_${cyrb53(text, 1)}${cyrb53(text, 2)}`;
}

/** The reviewed copy of a source annotation (accept A / accept B / accept both / agreed). */
export function reviewedCopyId(reviewed: string, sourceAnnotationId: string): string {
  return derived('rv', [reviewed, 'copy', sourceAnnotationId]);
}

/** The annotation the reviewer wrote for a comparison item (edit). */
export function reviewedEditId(reviewed: string, itemId: string): string {
  return derived('rv', [reviewed, 'edit', itemId]);
}

/** The one annotation combining both sides of a note/attribute difference (accept both, C). */
export function reviewedCombinedId(reviewed: string, itemId: string): string {
  return derived('rv', [reviewed, 'combined', itemId]);
}

/** The reviewed copy of a source relation (carried over, or an accepted link difference). */
export function reviewedRelationId(reviewed: string, sourceRelationId: string): string {
  return derived('rv', [reviewed, 'relation', sourceRelationId]);
}

/** The rejected-layer copy of a rejected source annotation. */
export function rejectedCopyId(reviewed: string, sourceAnnotationId: string): string {
  return derived('rj', [reviewed, 'copy', sourceAnnotationId]);
}

/** A rejected link, kept in the rejected layer with copies of the spans it joined. */
export function rejectedRelationIds(reviewed: string, sourceRelationId: string): { relation: string; from: string; to: string } {
  return {
    relation: derived('rj', [reviewed, 'relation', sourceRelationId]),
    from: derived('rj', [reviewed, 'relation-from', sourceRelationId]),
    to: derived('rj', [reviewed, 'relation-to', sourceRelationId]),
  };
}
