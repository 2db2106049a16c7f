import { z } from 'zod';
import { ActorKindSchema, EntityIdSchema, MAX_NAME_LENGTH, type ActorEntity } from '../actors/entity';
import type { MatchResult } from '../actors/names/matcher';
import type { Mention } from '../actors/queries';
import type { Edit } from '../edits/commands';

/**
 * The actor registry's methods (issue 15). Edits the renderer can build from the registry it
 * holds (create, rename, aliases, kind, note, properties, links) go through `applyEdit`. What
 * must move spans in every article that mentions an entity — merge, split, delete — is built on
 * the backend, where the articles are (`actorEdit`), applied there, and returned so the renderer
 * puts it on its undo history like any other edit.
 */

const ArticleId = z.string().min(1).max(100);
const AnnotationId = z.string().min(1).max(100);
const LayerName = z.string().min(1).max(200);
const Name = z.string().min(1).max(MAX_NAME_LENGTH);

const MentionRefSchema = z.object({ articleId: ArticleId, annotationId: AnnotationId }).strict();

export const ActorEditRequestSchema = z.discriminatedUnion('op', [
  /** Every mention of `goneId` moves to `keepId`; its names become aliases; `goneId` is removed. */
  z.object({ op: z.literal('merge'), keepId: EntityIdSchema, goneId: EntityIdSchema }).strict(),
  /** These mentions of `sourceId` move to a new entity named `name`. */
  z
    .object({
      op: z.literal('split'),
      sourceId: EntityIdSchema,
      mentions: z.array(MentionRefSchema).min(1).max(100_000),
      name: Name,
      kind: ActorKindSchema.optional(),
    })
    .strict(),
  /** The entity is removed; its spans stay, unlinked. */
  z.object({ op: z.literal('delete'), id: EntityIdSchema }).strict(),
]);
export type ActorEditRequest = z.infer<typeof ActorEditRequestSchema>;

export const actorArgs = {
  listActors: z.object({}).strict(),
  getActor: z.object({ id: EntityIdSchema }).strict(),
  /** Names to match; `articleId` (and `author`, the layer) give the article's linked entities as context. */
  matchActorNames: z.object({ names: z.array(Name).min(1).max(1000), articleId: ArticleId.optional(), author: LayerName.optional() }).strict(),
  actorEdit: z.object({ request: ActorEditRequestSchema }).strict(),
  /** The names the suggestion rules recognise as actors (issue 16): registry names and aliases, texts tagged as actors anywhere in the workspace. */
  knownActorNames: z.object({}).strict(),
};

/** A registry row: the entity with how often and where it is mentioned. */
export interface ActorRow extends ActorEntity {
  mentions: number;
  articles: number;
}

export interface ActorList {
  entities: ActorRow[];
}

export interface ActorDetail {
  entity: ActorEntity;
  mentions: Mention[];
}

export interface ActorResults {
  listActors: ActorList;
  getActor: ActorDetail;
  matchActorNames: MatchResult[];
  actorEdit: { edit: Edit; savedAt: string };
  knownActorNames: { names: { name: string; entityId?: string }[] };
}
