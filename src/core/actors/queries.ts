import { spanStart, spanEnd, type Annotation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import type { ActorEntity, ActorKind } from './entity';

/**
 * Read-only questions over the registry and the documents: what the registry view counts and
 * lists, what the link picker and the CSV show for a speaker, source or participant, and which
 * entities an article already names (the matcher's context).
 */

export interface EntityCounts {
  mentions: number;
  articles: number;
}

/** Mention and article counts per linked entity (entities with no mention are absent). `author` limits to one layer. */
export function entityCounts(docs: Iterable<ArticleDoc>, author?: string): Map<string, EntityCounts> {
  const counts = new Map<string, EntityCounts>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const a of doc.annotations) {
      if (a.entity === undefined || (author !== undefined && a.author !== author)) continue;
      const c = counts.get(a.entity) ?? { mentions: 0, articles: 0 };
      c.mentions++;
      if (!seen.has(a.entity)) {
        seen.add(a.entity);
        c.articles++;
      }
      counts.set(a.entity, c);
    }
  }
  return counts;
}

/** One mention as the registry view lists it; `start` and `end` open the article at the span. */
export interface Mention {
  articleId: string;
  articleTitle: string;
  annotationId: string;
  author: string;
  label: string;
  quote: string;
  start: number;
  end: number;
}

/** Every mention of an entity across `docs`, in article order then reading order. */
export function mentionsOf(docs: Iterable<ArticleDoc>, entityId: string): Mention[] {
  const mentions: Mention[] = [];
  for (const doc of docs) {
    const linked = doc.annotations.filter((a) => a.entity === entityId).sort((a, b) => spanStart(a) - spanStart(b));
    for (const a of linked) {
      mentions.push({
        articleId: doc.article.id,
        articleTitle: doc.article.title,
        annotationId: a.id,
        author: a.author,
        label: a.label,
        quote: a.quote,
        start: spanStart(a),
        end: spanEnd(a),
      });
    }
  }
  return mentions;
}

/** Entities linked in one article (for one layer when given): the matcher prefers them for a bare surname. */
export function linkedEntityIds(doc: ArticleDoc, author?: string): Set<string> {
  const ids = new Set<string>();
  for (const a of doc.annotations) if (a.entity !== undefined && (author === undefined || a.author === author)) ids.add(a.entity);
  return ids;
}

/**
 * What a span resolves to: its entity when linked (and still in the registry), else nothing.
 * `display` is what a list or a CSV cell shows: the canonical name, or the span's own text.
 */
export interface ResolvedActor {
  annotationId: string;
  quote: string;
  entity: { id: string; name: string; kind: ActorKind } | null;
  display: string;
}

export function resolveActor(annotation: Annotation, entities: ReadonlyMap<string, ActorEntity>): ResolvedActor {
  const entity = annotation.entity !== undefined ? entities.get(annotation.entity) : undefined;
  return {
    annotationId: annotation.id,
    quote: annotation.quote,
    entity: entity ? { id: entity.id, name: entity.name, kind: entity.kind } : null,
    display: entity ? entity.name : annotation.quote,
  };
}

/**
 * The actors at the other end of an annotation's links of one type (a quote's `speaker`, a
 * claim's `source`, an event's `participant`s), resolved: the CSV's speaker, source and
 * participant columns and their entity id columns come from here.
 */
export function linkedActors(doc: ArticleDoc, annotationId: string, relationType: string, entities: ReadonlyMap<string, ActorEntity>): ResolvedActor[] {
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const resolved: ResolvedActor[] = [];
  for (const r of doc.relations) {
    if (r.from !== annotationId || r.type !== relationType) continue;
    const target = byId.get(r.to);
    if (target) resolved.push(resolveActor(target, entities));
  }
  return resolved;
}

/**
 * Rows for the link picker: each candidate span with the entity it resolves to, and a `detail`
 * that tells two same-text rows apart ("Vladimir Putin" vs "unlinked", or the entity's id when
 * two entities share a name).
 */
export interface PickerRow extends ResolvedActor {
  detail: string;
}

export function pickerRows(candidates: readonly Annotation[], entities: ReadonlyMap<string, ActorEntity>): PickerRow[] {
  const rows = candidates.map((a) => resolveActor(a, entities));
  const namesInUse = new Map<string, Set<string>>();
  for (const row of rows) if (row.entity) namesInUse.set(row.entity.name, (namesInUse.get(row.entity.name) ?? new Set()).add(row.entity.id));
  return rows.map((row) => {
    if (!row.entity) return { ...row, detail: 'unlinked' };
    const shared = (namesInUse.get(row.entity.name)?.size ?? 0) > 1;
    const name = row.entity.name === row.quote ? row.entity.kind : row.entity.name;
    return { ...row, detail: shared ? `${name} · ${row.entity.id}` : name };
  });
}
