import type { Annotation } from '../model/annotation';

/**
 * A document's annotations by id, kept for the newest array a run of edits made. Each edit moves
 * the map from the array it was applied to onto the one it returns, changing only the ids it
 * touched, so tagging span after span in an article of 20,000 checks its new id without comparing
 * it with every stored one. A map belongs to exactly one array and always holds that array's
 * annotations: any other array (a document read from disk, an undo that hands back an older
 * document, the array an edit was applied to once its map moved on) builds its own on first use.
 */
const byArray = new WeakMap<readonly Annotation[], Map<string, Annotation>>();

export function annotationsById(annotations: readonly Annotation[]): ReadonlyMap<string, Annotation> {
  let map = byArray.get(annotations);
  if (!map) {
    map = new Map(annotations.map((a) => [a.id, a]));
    byArray.set(annotations, map);
  }
  return map;
}

/** Moves the map of `from` (if it has one) to `to`, the array an edit made from it, after `change` brings it up to date. */
export function carryAnnotationIds(from: readonly Annotation[], to: readonly Annotation[], change: (map: Map<string, Annotation>) => void): void {
  if (from === to) return;
  const map = byArray.get(from);
  if (!map) return;
  byArray.delete(from);
  change(map);
  byArray.set(to, map);
}
