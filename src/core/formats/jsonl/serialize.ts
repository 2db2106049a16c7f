import { annotationsOf, relationsOf, type ArticleDoc } from '../../model/document';
import type { LabelSchema } from '../../model/label-schema';
import { offsetIndex } from '../../text/offsets';
import type { ExportResult, SerializeOptions } from '../types';
import type { LedeExtra } from './shape';
import { entityNames, LEDE_RESOURCE } from '../entity-links';
import { ARTICLE_META_KEYS, type ArticleMeta } from '../../model/article-meta';

export interface JsonlSerializeOptions extends SerializeOptions {
  /** `label`: doccano's `[[start, end, "label"]]`; `entities`: its entities/relations shape. */
  variant?: 'label' | 'entities';
  path?: string;
}

/**
 * doccano JSONL: one article per line, spans in code points. A discontinuous annotation is one
 * span per fragment (doccano has no other way); the `lede` key regroups them on import and keeps
 * what doccano has no field for.
 */
export function serializeJsonl(docs: readonly ArticleDoc[], _schema: LabelSchema, options: JsonlSerializeOptions = {}): ExportResult {
  const variant = options.variant ?? 'label';
  const names = entityNames(options.registry);
  const lines = docs.map((doc) => {
    const text = doc.article.text;
    const index = offsetIndex(text);
    const annotations = annotationsOf(doc, options.author);
    const position = new Map(annotations.map((a, i) => [a.id, i]));
    const relations = relationsOf(doc, options.author).filter((r) => position.has(r.from) && position.has(r.to));
    const spans: [number, number, string][] = [];
    const extra: LedeExtra = {
      article: { id: doc.article.id, title: doc.article.title, source: doc.article.source, hash: doc.article.hash, ...metaOf(doc.article) },
      annotations: annotations.map((a) => {
        const first = spans.length;
        for (const f of a.fragments) spans.push([index.toCodePoint(f.start)!, index.toCodePoint(f.end)!, a.label]);
        return {
          spans: a.fragments.map((_, i) => first + i),
          ...(Object.keys(a.attributes).length ? { attributes: a.attributes } : {}),
          ...(a.note ? { note: a.note } : {}),
          // The actor link travels as a Lede reference, as in brat: the import reads it back (entity-links.ts).
          ...(a.normalizations?.length || a.entity
            ? {
                normalizations: [
                  ...(a.normalizations ?? []),
                  ...(a.entity ? [{ resource: LEDE_RESOURCE, ref: a.entity, text: names.get(a.entity) ?? a.quote }] : []),
                ],
              }
            : {}),
          created: a.created,
          modified: a.modified,
        };
      }),
    };
    const annotationOfSpan = extra.annotations.flatMap((x, i) => x.spans.map(() => i));
    const firstSpan = (id: string) => extra.annotations[position.get(id)!]!.spans[0]!;
    if (variant === 'label') {
      extra.relations = relations.map((r) => ({ from: position.get(r.from)!, to: position.get(r.to)!, type: r.type, ...(r.note ? { note: r.note } : {}) }));
      return JSON.stringify({ text, label: spans, lede: extra });
    }
    const notes = Object.fromEntries(relations.flatMap((r, i) => (r.note ? [[String(i), r.note]] : [])));
    if (Object.keys(notes).length) extra.relationNotes = notes;
    return JSON.stringify({
      text,
      // Each span names the registry entity of its annotation, beside doccano's own fields.
      entities: spans.map(([start, end, label], id) => {
        const entity = annotations[annotationOfSpan[id]!]!.entity;
        return {
          id,
          label,
          start_offset: start,
          end_offset: end,
          ...(entity ? { entity_id: entity, entity_name: names.get(entity) ?? annotations[annotationOfSpan[id]!]!.quote } : {}),
        };
      }),
      relations: relations.map((r, id) => ({ id, from_id: firstSpan(r.from), to_id: firstSpan(r.to), type: r.type })),
      lede: extra,
    });
  });
  return { files: [{ path: options.path ?? 'annotations.jsonl', content: lines.length ? `${lines.join('\n')}\n` : '' }], report: [] };
}

/** The metadata fields the article has (none of the ones it lacks). */
function metaOf(article: ArticleMeta): ArticleMeta {
  return Object.fromEntries(ARTICLE_META_KEYS.flatMap((k) => (article[k] === undefined ? [] : [[k, article[k]]])));
}
