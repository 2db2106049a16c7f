import { compareSpans, type Annotation, type Relation } from './annotation';
import type { ArticleDoc } from './document';
import type { LabelSchema, RelationTypeDef } from './label-schema';

/**
 * What the selected annotation can be linked to. A quote offers "speaker" to the article's actors;
 * an actor offers the reverse ("speaker of" a quote) so a link can be made from either end.
 * Only annotations of the same layer (author) are offered: links never cross layers.
 */
export interface LinkChoice {
  type: RelationTypeDef;
  /** 'out': the selected annotation is the link's `from`; 'in': it is the `to`. */
  direction: 'out' | 'in';
  candidates: Annotation[];
}

function allows(ids: readonly string[], label: string): boolean {
  return ids.length === 0 || ids.includes(label);
}

export function linkChoices(schema: LabelSchema, doc: ArticleDoc, selectedId: string): LinkChoice[] {
  const selected = doc.annotations.find((a) => a.id === selectedId);
  if (!selected) return [];
  const sameLayer = doc.annotations.filter((a) => a.author === selected.author && a.id !== selected.id).sort(compareSpans);
  const exists = (type: string, from: string, to: string) => doc.relations.some((r) => r.type === type && r.from === from && r.to === to);
  const choices: LinkChoice[] = [];
  for (const type of schema.relationTypes) {
    // Relation types with explicit ends are offered one way; open ones ("any label") only outwards.
    if (allows(type.from, selected.label)) {
      const candidates = sameLayer.filter((a) => allows(type.to, a.label) && !exists(type.id, selected.id, a.id));
      choices.push({ type, direction: 'out', candidates });
    }
    if (type.to.length > 0 && type.to.includes(selected.label) && type.from.length > 0) {
      const candidates = sameLayer.filter((a) => type.from.includes(a.label) && !exists(type.id, a.id, selected.id));
      choices.push({ type, direction: 'in', candidates });
    }
  }
  return choices;
}

/** The links touching an annotation, each with the annotation at its other end. */
export function linksOf(doc: ArticleDoc, id: string): { relation: Relation; direction: 'out' | 'in'; other: Annotation }[] {
  const links: { relation: Relation; direction: 'out' | 'in'; other: Annotation }[] = [];
  // Relations first (few touch one annotation), then only their other ends are looked up.
  for (const relation of doc.relations) {
    const direction = relation.from === id ? 'out' : relation.to === id ? 'in' : null;
    if (!direction) continue;
    const otherId = direction === 'out' ? relation.to : relation.from;
    const other = doc.annotations.find((a) => a.id === otherId);
    if (other) links.push({ relation, direction, other });
  }
  return links;
}

/**
 * Candidates nearest the selected annotation first: the speaker of a quote is usually named right
 * before or after it, so the likely actor is at the top of the list.
 */
export function byDistance(candidates: readonly Annotation[], from: Annotation): Annotation[] {
  const start = from.fragments[0]?.start ?? 0;
  const end = from.fragments[from.fragments.length - 1]?.end ?? start;
  const distance = (a: Annotation) => {
    const s = a.fragments[0]?.start ?? 0;
    const e = a.fragments[a.fragments.length - 1]?.end ?? s;
    return e <= start ? start - e : s >= end ? s - end : 0;
  };
  return [...candidates].sort((a, b) => distance(a) - distance(b) || compareSpans(a, b));
}
