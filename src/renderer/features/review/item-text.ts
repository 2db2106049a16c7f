import type { ComparisonItem } from '../../../core/agreement/compare';
import type { Annotation } from '../../../core/model/annotation';
import type { ItemStatus } from '../../../core/review/status';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';

/** Words the review panels use for classes, statuses and labels, in one place. */

export function classText(item: ComparisonItem): string {
  if (item.kind === 'relation') return item.class === 'onlyA' ? 'link only in A' : 'link only in B';
  switch (item.class) {
    case 'agreed':
      return item.isDifference ? 'note / attribute' : 'agreed';
    case 'boundary':
      return 'boundary differs';
    case 'label':
      return 'label differs';
    case 'onlyA':
      return 'only in A';
    case 'onlyB':
      return 'only in B';
  }
}

/** A short class key for styling (data-class). */
export function classKey(item: ComparisonItem): string {
  if (item.kind === 'relation') return 'relation';
  return item.class === 'agreed' && item.isDifference ? 'note' : item.class;
}

export const STATUS_TEXT: Record<ItemStatus, string> = {
  open: 'open',
  acceptedA: 'accepted A',
  acceptedB: 'accepted B',
  acceptedBoth: 'accepted both',
  edited: 'edited',
  rejected: 'rejected',
  moot: 'moot (an end was rejected)',
};

export function labelName(schema: LabelSchema | undefined, id: string): string {
  return (schema && findLabel(schema, id)?.name) || id;
}

/** A link type as the sidebar names it ("Speaker"), its id where the schema has none (an imported type). */
export function relationName(schema: LabelSchema | undefined, id: string): string {
  return (schema && findRelationType(schema, id)?.name) || id;
}

export function labelColor(schema: LabelSchema | undefined, id: string): string {
  return (schema && findLabel(schema, id)?.color) || '#888888';
}

export function quoteOf(text: string, a: Pick<Annotation, 'fragments'>): string {
  return a.fragments.map((f) => text.slice(f.start, f.end)).join(' … ');
}

export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
