import { patchAnnotation } from '../edits/builders';
import type { Edit } from '../edits/commands';
import type { ArticleDoc } from '../model/document';
import { newId } from '../model/ids';
import { fail, ok, type Result } from '../model/result';
import { compareEntityIds, findEntity, type ActorEntity, type ActorRegistry } from './entity';
import { nameKey } from './names/normalize';
import { cleanAliases, createEntity, type EntityInput } from './registry-edits';
import type { EntityPatch } from './registry-commands';
import { counted } from '../text/plural';

/**
 * Edits that tie spans to entities: linking one mention, linking every same-text span of an
 * article at once, merging two entities and splitting mentions off into a new one. Each is one
 * Edit (a batch where it touches several articles), so one undo takes all of it back. `docs` must
 * hold every article concerned — for merge and delete, every article that mentions the entities
 * (the store's mention index says which).
 */

export interface MentionRef {
  articleId: string;
  annotationId: string;
}

function docEdit(doc: ArticleDoc, annotationId: string, entity: string | null, now: string): Result<Edit> {
  const command = patchAnnotation(doc, annotationId, { entity }, now);
  return command.ok ? ok({ kind: 'doc', articleId: doc.article.id, command: command.value }) : command;
}

/** Points one span at an entity (replacing any link it had). */
export function linkMention(registry: ActorRegistry, doc: ArticleDoc, annotationId: string, entityId: string, now: string): Result<Edit> {
  if (!findEntity(registry, entityId)) return fail(`There is no actor ${entityId}.`);
  const annotation = doc.annotations.find((a) => a.id === annotationId);
  if (!annotation) return fail({ message: 'no such annotation', annotation: annotationId });
  if (annotation.entity === entityId) return fail({ message: 'This span is already linked to that actor.', annotation: annotationId });
  return docEdit(doc, annotationId, entityId, now);
}

export function unlinkMention(doc: ArticleDoc, annotationId: string, now: string): Result<Edit> {
  const annotation = doc.annotations.find((a) => a.id === annotationId);
  if (!annotation) return fail({ message: 'no such annotation', annotation: annotationId });
  if (annotation.entity === undefined) return fail({ message: 'This span is not linked to an actor.', annotation: annotationId });
  return docEdit(doc, annotationId, null, now);
}

/**
 * Links a span and every unlinked span of the same label, layer and text (up to case and
 * diacritics) in its article: tagging "Zelensky" once links each "Zelensky" of the article.
 */
export function linkSameText(
  registry: ActorRegistry,
  doc: ArticleDoc,
  annotationId: string,
  entityId: string,
  now: string,
): Result<{ edit: Edit; linked: string[] }> {
  const first = linkMention(registry, doc, annotationId, entityId, now);
  if (!first.ok) return first;
  const source = doc.annotations.find((a) => a.id === annotationId)!;
  const key = nameKey(source.quote);
  const others = doc.annotations.filter(
    (a) => a.id !== annotationId && a.entity === undefined && a.label === source.label && a.author === source.author && nameKey(a.quote) === key,
  );
  const edits = [first.value];
  for (const other of others) {
    const edit = docEdit(doc, other.id, entityId, now);
    if (!edit.ok) return edit;
    edits.push(edit.value);
  }
  const linked = [annotationId, ...others.map((a) => a.id)];
  const edit: Edit = edits.length === 1 ? first.value : { kind: 'batch', edits, label: `actor link of ${counted(linked.length, 'span')}` };
  return ok({ edit, linked });
}

/**
 * A new entity named after the span (or as given), linked to it and to its same-text spans: the
 * analyst's answer when the matcher proposes nothing right. One Edit, one undo.
 */
export function createAndLink(
  registry: ActorRegistry,
  doc: ArticleDoc,
  annotationId: string,
  input: Partial<EntityInput>,
  now: string,
  options: { allowSameName?: boolean } = {},
): Result<{ edit: Edit; entity: ActorEntity; linked: string[] }> {
  const span = doc.annotations.find((a) => a.id === annotationId);
  if (!span) return fail({ message: 'no such annotation', annotation: annotationId });
  const created = createEntity(registry, { ...input, name: input.name ?? span.quote }, now, options);
  if (!created.ok) return created;
  const withIt: ActorRegistry = { entities: [...registry.entities, created.value.entity].sort(compareEntityIds) };
  const links = linkSameText(withIt, doc, annotationId, created.value.entity.id, now);
  if (!links.ok) return links;
  const edit: Edit = { kind: 'batch', label: `new actor "${created.value.entity.name}"`, edits: [created.value.edit, links.value.edit] };
  return ok({ edit, entity: created.value.entity, linked: links.value.linked });
}

/** Every span of `docs` linked to `entityId`. */
export function mentionRefs(docs: Iterable<ArticleDoc>, entityId: string): MentionRef[] {
  const refs: MentionRef[] = [];
  for (const doc of docs) for (const a of doc.annotations) if (a.entity === entityId) refs.push({ articleId: doc.article.id, annotationId: a.id });
  return refs;
}

function relinkAll(docs: readonly ArticleDoc[], refs: readonly MentionRef[], entity: string | null, now: string): Result<Edit[]> {
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const edits: Edit[] = [];
  for (const ref of refs) {
    const doc = byId.get(ref.articleId);
    if (!doc) return fail(`The article ${ref.articleId} is not loaded.`);
    const edit = docEdit(doc, ref.annotationId, entity, now);
    if (!edit.ok) return edit;
    edits.push(edit.value);
  }
  return ok(edits);
}

/**
 * Merges `goneId` into `keepId`: every mention moves, the gone entity's names become aliases,
 * its properties fill keys the kept one lacks (the kept one's values win), notes are joined and
 * its external id is kept when the other has none. The gone entity is removed; undo restores it
 * and every mention exactly.
 */
export function mergeEntities(registry: ActorRegistry, docs: readonly ArticleDoc[], keepId: string, goneId: string, now: string): Result<Edit> {
  if (keepId === goneId) return fail('An actor cannot be merged with itself.');
  const keep = findEntity(registry, keepId);
  const gone = findEntity(registry, goneId);
  if (!keep || !gone) return fail(`There is no actor ${keep ? goneId : keepId}.`);
  const moves = relinkAll(docs, mentionRefs(docs, goneId), keepId, now);
  if (!moves.ok) return moves;
  const aliases = cleanAliases(keep.name, [...keep.aliases, gone.name, ...gone.aliases]);
  if (!aliases.ok) return aliases;
  const after: EntityPatch = {
    aliases: aliases.value,
    properties: { ...gone.properties, ...keep.properties },
    note: [keep.note, gone.note].filter((n) => n.trim()).join('\n\n'),
    externalId: keep.externalId ?? gone.externalId ?? null,
    modified: now,
  };
  const before: EntityPatch = {
    aliases: keep.aliases,
    properties: keep.properties,
    note: keep.note,
    externalId: keep.externalId ?? null,
    modified: keep.modified,
  };
  return ok({
    kind: 'batch',
    label: `merge of "${gone.name}" into "${keep.name}"`,
    edits: [
      ...moves.value,
      { kind: 'actors', command: { op: 'update', id: keepId, before, after } },
      { kind: 'actors', command: { op: 'remove', entities: [gone] } },
    ],
  });
}

/**
 * Moves some mentions of `sourceId` to a new entity (same kind as the source unless given):
 * the analyst found that two people were filed under one name.
 */
export function splitMentions(
  registry: ActorRegistry,
  docs: readonly ArticleDoc[],
  sourceId: string,
  mentions: readonly MentionRef[],
  input: EntityInput,
  now: string,
): Result<{ edit: Edit; entity: ActorEntity }> {
  const source = findEntity(registry, sourceId);
  if (!source) return fail(`There is no actor ${sourceId}.`);
  if (mentions.length === 0) return fail('Choose at least one mention to split off.');
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  for (const ref of mentions) {
    const annotation = byId.get(ref.articleId)?.annotations.find((a) => a.id === ref.annotationId);
    if (!annotation || annotation.entity !== sourceId)
      return fail({ message: `This mention is not linked to "${source.name}".`, annotation: ref.annotationId });
  }
  const created = createEntity(registry, { kind: source.kind, ...input, id: input.id ?? newId('ent') }, now, { allowSameName: true });
  if (!created.ok) return created;
  const moves = relinkAll(docs, mentions, created.value.entity.id, now);
  if (!moves.ok) return moves;
  const edit: Edit = {
    kind: 'batch',
    label: `split of ${counted(mentions.length, 'mention')} from "${source.name}"`,
    edits: [created.value.edit, ...moves.value],
  };
  return ok({ edit, entity: created.value.entity });
}

/** Removes an entity; its mentions stay as spans, unlinked. */
export function deleteEntity(registry: ActorRegistry, docs: readonly ArticleDoc[], id: string, now: string): Result<Edit> {
  const entity = findEntity(registry, id);
  if (!entity) return fail(`There is no actor ${id}.`);
  const unlinks = relinkAll(docs, mentionRefs(docs, id), null, now);
  if (!unlinks.ok) return unlinks;
  return ok({
    kind: 'batch',
    label: `deleted actor "${entity.name}"`,
    edits: [...unlinks.value, { kind: 'actors', command: { op: 'remove', entities: [entity] } }],
  });
}
