import { SchemaCollector } from './schema';
import type { AnnotationSet } from './types';

/**
 * One set from several (a brat folder is parsed file by file): documents in order, schemas
 * united (first definition of a label wins), reports concatenated.
 */
export function mergeSets(sets: readonly AnnotationSet[]): AnnotationSet {
  const collector = new SchemaCollector();
  for (const set of sets) {
    for (const label of set.schema.labels) {
      collector.defineLabel(label);
      const merged = collector.label(label.id, label.kind);
      for (const attr of label.attributes) {
        if (!merged.attributes.some((a) => a.id === attr.id)) merged.attributes.push({ ...attr, ...(attr.values ? { values: [...attr.values] } : {}) });
        else if (attr.type === 'choice') for (const v of attr.values ?? []) collector.attributeValue(label.id, attr.id, v);
      }
    }
    for (const type of set.schema.relationTypes) {
      collector.defineRelationType(type);
      const merged = collector.relationType(type.id, { equivalence: type.equivalence });
      for (const f of type.from) if (!merged.from.includes(f)) merged.from.push(f);
      for (const t of type.to) if (!merged.to.includes(t)) merged.to.push(t);
    }
  }
  return {
    documents: sets.flatMap((s) => s.documents),
    schema: collector.build(),
    report: sets.flatMap((s) => s.report),
    ...(sets.length > 0 && sets.every((s) => s.colorsDefined) ? { colorsDefined: true } : {}),
  };
}
