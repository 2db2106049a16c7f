import { ApiError } from '../../../core/api/contract';
import { applyEditToState, removedFromSchema } from '../../../core/edits/apply-edit';
import { articleInfoEdit, type ArticleInfoChanges } from '../../../core/edits/article-info';
import { withRejections } from '../../../core/edits/rejections';
import { articlesTouched, type Edit } from '../../../core/edits/commands';
import type { Article } from '../../../core/model/article';
import type { ArticleDoc } from '../../../core/model/document';
import { nowIso } from '../../../core/model/ids';
import type { LabelSchema } from '../../../core/model/label-schema';
import { formatProblem, type Problem } from '../../../core/model/result';
import type { ArticleFile } from '../article-store';
import { removedEntityIds, WorkspaceActors } from './workspace-actors';
import { settle } from './write-errors';

/** Annotations, links, the label schema, article info, the registry and rejected suggestions change here, one Edit at a time. */
export class WorkspaceEdits extends WorkspaceActors {
  async applyEdit(edit: Edit): Promise<{ savedAt: string; labelSchema: LabelSchema }> {
    this.assertWritable();
    // An edit made while an import commits applies to what the import wrote.
    await this.gate;
    const files = new Map<string, ArticleFile>();
    for (const id of articlesTouched(edit)) files.set(id, await this.parts.articles.load(id));
    if (hasSchemaStep(edit)) await this.parts.articles.loadAll();
    const removing = removedEntityIds(edit);
    const mentions = removing.length > 0 ? await this.mentionIndex() : this.mentions;
    // From here to the writes nothing awaits, so no other edit can interleave.
    const outcome = applyEditToState(edit, {
      labelSchema: this.labelSchema(),
      docs: new Map([...files].map(([id, f]) => [id, f.value])),
      actors: this.actors(),
      rejections: this.settings().rejectedSuggestions,
    });
    if (!outcome.ok) throw conflict('This edit no longer applies; nothing was changed.', outcome.errors);
    const { labelSchema, schemaChanged, docs, actors, actorsChanged, rejections, rejectionsChanged } = outcome.value;
    if (schemaChanged) this.assertNotInUse(removedFromSchema(this.labelSchema(), labelSchema), docs);
    if (mentions) this.assertUnmentioned(removing, actors!, docs, mentions);
    const writes = [
      ...(schemaChanged ? [this.parts.labelSchema.set(labelSchema)] : []),
      ...(actorsChanged ? [this.parts.actors.set(actors!)] : []),
      ...(rejectionsChanged ? [this.parts.settings.set(withRejections(this.settings(), rejections))] : []),
      ...[...docs].map(([id, doc]) => files.get(id)!.set(doc)),
    ];
    try {
      await settle(writes);
    } finally {
      // What each file holds now (written, or put back to what is on disk after a failure).
      for (const id of docs.keys()) mentions?.update(files.get(id)!.value);
      if (actorsChanged) this.registryMatcher.sync(edit, this.actors());
    }
    return { savedAt: nowIso(), labelSchema: this.labelSchema() };
  }

  /**
   * Sets an article's title and metadata (`lede set-meta`); the renderer makes the same edit with
   * articleInfoEdit and applyEdit, so it can be undone. Returns the article as stored after.
   */
  async setArticleInfo(id: string, changes: ArticleInfoChanges): Promise<{ article: Article; changed: boolean }> {
    const { article } = await this.getDoc(id);
    const edit = articleInfoEdit(article, changes);
    if (!edit.ok) throw new ApiError('invalid-argument', `Nothing was changed: ${edit.errors.map((e) => e.message).join(' ')}`, edit.errors.map(formatProblem));
    if (!edit.value) return { article, changed: false };
    await this.applyEdit(edit.value);
    return { article: (await this.getDoc(id)).article, changed: true };
  }

  private assertNotInUse(removed: { labels: string[]; relationTypes: string[] }, changed: ReadonlyMap<string, ArticleDoc>): void {
    if (removed.labels.length === 0 && removed.relationTypes.length === 0) return;
    const labels = new Set(removed.labels);
    const types = new Set(removed.relationTypes);
    let uses = 0;
    for (const file of this.parts.articles.loadedFiles()) {
      const doc = changed.get(file.value.article.id) ?? file.value;
      uses += doc.annotations.filter((a) => labels.has(a.label)).length + doc.relations.filter((r) => types.has(r.type)).length;
    }
    if (uses > 0) {
      const names = [...removed.labels, ...removed.relationTypes].join(', ');
      throw new ApiError(
        'conflict',
        `${names} cannot be removed from the label schema: ${uses === 1 ? 'an annotation or link still uses' : `${uses} annotations or links still use`} it. Nothing was changed.`,
      );
    }
  }
}

function hasSchemaStep(edit: Edit): boolean {
  return edit.kind === 'schema' || (edit.kind === 'batch' && edit.edits.some(hasSchemaStep));
}

function conflict(message: string, problems: Problem[]): ApiError {
  return new ApiError('conflict', `${message} ${formatProblem(problems[0]!)}`, problems.map(formatProblem));
}
