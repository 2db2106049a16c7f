import { ApiError } from '../../../core/api/contract';
import type { ActorRegistry } from '../../../core/actors/entity';
import type { ActorMatcher } from '../../../core/actors/names/matcher';
import type { Edit } from '../../../core/edits/commands';
import type { ArticleDoc } from '../../../core/model/document';
import { MentionIndex, RegistryMatcher } from '../actors/actor-store';
import { WorkspaceBase } from './workspace-base';

/** The actor registry of an open workspace: the name matcher and which articles mention each entity. */
export class WorkspaceActors extends WorkspaceBase {
  /** Built when first needed (it reads every article), then kept current by each edit. */
  protected mentions: MentionIndex | null = null;
  protected readonly registryMatcher = new RegistryMatcher();

  /** The actor registry. Treat it as immutable: edits go through applyEdit. */
  actors(): ActorRegistry {
    return this.parts.actors.value;
  }

  /** The name matcher over the current registry. */
  actorMatcher(): ActorMatcher {
    return this.registryMatcher.get(this.actors());
  }

  /** Which articles link each entity (reads every article the first time). */
  async mentionIndex(): Promise<MentionIndex> {
    if (!this.mentions) {
      const docs = await this.parts.articles.loadAll();
      this.mentions ??= MentionIndex.build(docs);
    }
    return this.mentions;
  }

  /** The current documents of every article that links one of `entityIds`. */
  async docsMentioning(...entityIds: string[]): Promise<ArticleDoc[]> {
    const index = await this.mentionIndex();
    return Promise.all(index.articlesOf(...entityIds).map((id) => this.getDoc(id)));
  }

  /** An entity may leave the registry only when no span links it any more (else the link would dangle). */
  protected assertUnmentioned(removing: string[], actors: ActorRegistry, changed: ReadonlyMap<string, ArticleDoc>, mentions: MentionIndex): void {
    const gone = removing.filter((id) => !actors.entities.some((e) => e.id === id));
    if (gone.length === 0) return;
    const still = new Set(gone);
    for (const articleId of mentions.articlesOf(...gone)) {
      const doc = changed.get(articleId) ?? this.parts.articles.loadedFiles().find((f) => f.value.article.id === articleId)?.value;
      const uses = doc?.annotations.filter((a) => a.entity !== undefined && still.has(a.entity)).length ?? 0;
      if (uses > 0)
        throw new ApiError('conflict', `This actor cannot be removed: ${uses} span(s) in "${doc!.article.title}" still link to it. Nothing was changed.`);
    }
  }
}

/** Entities an edit takes out of the registry (a remove step; an insert undone is a remove too). */
export function removedEntityIds(edit: Edit): string[] {
  if (edit.kind === 'batch') return edit.edits.flatMap(removedEntityIds);
  return edit.kind === 'actors' && edit.command.op === 'remove' ? edit.command.entities.map((e) => e.id) : [];
}
