import { z } from 'zod';
import { ActorRegistrySchema, EMPTY_REGISTRY, findEntity, registryProblem, type ActorEntity, type ActorRegistry } from '../../../core/actors/entity';
import { buildActorMatcher, type ActorMatcher } from '../../../core/actors/names/matcher';
import type { Edit } from '../../../core/edits/commands';
import type { ArticleDoc } from '../../../core/model/document';
import { versioned, type FileCodec } from '../store/file-formats';

/**
 * The actor registry's file (`actors.json`) and the mention index: which articles link each
 * entity, so a merge, split or delete loads exactly the documents it must move spans in.
 * The file is stored like the label schema (durable write, backups, damaged copy set aside and
 * the newest valid backup restored); see workspace-open.ts.
 */

export const ACTORS_FILE = 'actors.json';

export const actorsCodec: FileCodec<ActorRegistry> = {
  ...versioned(
    'actor registry',
    z.object({ schemaVersion: z.literal(1), registry: ActorRegistrySchema }).transform((f) => f.registry),
    // The registry came after format versioning: a file without a version is not one Lede wrote.
    () => ({ ok: false, problem: 'has no schemaVersion (it was not written by Lede)' }),
    registryProblem,
  ),
  encode: (registry) => ({ schemaVersion: 1, registry }),
};

export function emptyRegistry(): ActorRegistry {
  return { entities: [...EMPTY_REGISTRY.entities] };
}

/**
 * Entity id → ids of the articles whose spans link it, and the reverse. Built once from every
 * document, then kept current from each edit's changed documents.
 */
export class MentionIndex {
  private readonly byEntity = new Map<string, Set<string>>();
  private readonly byArticle = new Map<string, Set<string>>();

  static build(docs: Iterable<ArticleDoc>): MentionIndex {
    const index = new MentionIndex();
    for (const doc of docs) index.update(doc);
    return index;
  }

  /** Records what `doc` links now, replacing what it linked before. */
  update(doc: ArticleDoc): void {
    const articleId = doc.article.id;
    for (const entity of this.byArticle.get(articleId) ?? []) {
      const articles = this.byEntity.get(entity)!;
      articles.delete(articleId);
      if (articles.size === 0) this.byEntity.delete(entity);
    }
    const linked = new Set<string>();
    for (const a of doc.annotations) if (a.entity !== undefined) linked.add(a.entity);
    if (linked.size === 0) this.byArticle.delete(articleId);
    else this.byArticle.set(articleId, linked);
    for (const entity of linked) {
      let articles = this.byEntity.get(entity);
      if (!articles) this.byEntity.set(entity, (articles = new Set()));
      articles.add(articleId);
    }
  }

  /** Articles linking any of `entityIds`, in id order. */
  articlesOf(...entityIds: string[]): string[] {
    const ids = new Set<string>();
    for (const e of entityIds) for (const a of this.byEntity.get(e) ?? []) ids.add(a);
    return [...ids].sort();
  }

  /** Entity ids linked somewhere. */
  linkedEntities(): string[] {
    return [...this.byEntity.keys()].sort();
  }
}

/**
 * The name matcher of the workspace's registry: built when first asked for (0.3–0.5 s for
 * 10,000 entities), then kept current entity by entity from each registry edit.
 */
export class RegistryMatcher {
  private matcher: ActorMatcher | null = null;

  get(registry: ActorRegistry): ActorMatcher {
    this.matcher ??= buildActorMatcher(registry.entities);
    return this.matcher;
  }

  /** Entities an import added to the registry. */
  add(entities: readonly ActorEntity[]): void {
    for (const entity of entities) this.matcher?.put(entity);
  }

  /** After `edit` left `registry`: every entity a registry step touched is put back or dropped. */
  sync(edit: Edit, registry: ActorRegistry): void {
    if (!this.matcher) return;
    for (const id of registryIdsTouched(edit)) {
      const entity = findEntity(registry, id);
      if (entity) this.matcher.put(entity);
      else this.matcher.delete(id);
    }
  }
}

function registryIdsTouched(edit: Edit): string[] {
  if (edit.kind === 'batch') return edit.edits.flatMap(registryIdsTouched);
  if (edit.kind !== 'actors') return [];
  return edit.command.op === 'update' ? [edit.command.id] : edit.command.entities.map((e) => e.id);
}
