import { ApiError } from '../../../core/api/contract';
import { compareEntityIds, type ActorEntity, type ActorRegistry } from '../../../core/actors/entity';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelSchema } from '../../../core/model/label-schema';
import { counted } from '../../../core/text/plural';
import type { ArticleFile } from '../article-store';
import type { StoredFile } from '../store/stored-file';
import { commitFiles } from '../store/transaction';
import { putDocsProblems } from './put-docs-check';
import { WorkspaceArticles } from './workspace-articles';

/** The exchange's entry point (services/exchange/): an import's documents, schema and new actors, written in one transaction. */
export class WorkspaceExchange extends WorkspaceArticles {
  /**
   * Adds new articles and/or replaces the annotations and relations of existing ones, and stores
   * `labelSchema` (which may only add to the current one). Everything is validated before
   * anything is written; the label schema is written first so stored annotations never name a
   * label the schema lacks. Stored article metadata (title, source, import time) is kept.
   */
  async putDocs(docs: ArticleDoc[], labelSchema: LabelSchema, newActors: readonly ActorEntity[] = []): Promise<void> {
    this.assertWritable();
    await this.exclusively(() => this.putDocsNow(docs, labelSchema, newActors));
  }

  /**
   * `newActors` join the registry in the same transaction (an import's entities that matched none
   * of ours); every entity a document links must then be in the registry, else nothing is written.
   */
  private async putDocsNow(docs: ArticleDoc[], labelSchema: LabelSchema, newActors: readonly ActorEntity[]): Promise<void> {
    const existing = new Map<string, ArticleFile>();
    for (const doc of docs) if (this.parts.articles.has(doc.article?.id)) existing.set(doc.article.id, await this.parts.articles.load(doc.article.id));
    // Saves in flight finish first: the transaction replaces these files after them, never under them.
    await Promise.all([this.parts.labelSchema, this.parts.actors, ...existing.values()].map((f) => f.idle()));
    // Each journal folded into its file (and kept beside its backup) first: the transaction then
    // replaces a whole file whose backup holds every save before the import.
    await Promise.all([...existing.values()].map((f) => f.compact()));
    // Checked after the loads, against the schema as it is now: nothing awaits until the commit.
    const stored = new Map([...existing].map(([id, file]) => [id, file.value]));
    const actors = newActors.length ? { entities: [...this.actors().entities, ...newActors].sort(compareEntityIds) } : this.actors();
    const problems = putDocsProblems(docs, labelSchema, this.labelSchema(), stored, { registry: actors, added: newActors.length > 0 });
    if (problems.length > 0)
      throw new ApiError('invalid-argument', `Nothing was imported: ${counted(problems.length, 'problem was', 'problems were')} found.`, problems);
    // `validated`: a document putDocsProblems has just checked whole (schema and docProblem) is
    // not read back once more before it is written; the label schema and the registry are.
    const changes: {
      file: StoredFile<ArticleDoc> | StoredFile<LabelSchema> | StoredFile<ActorRegistry>;
      value: ArticleDoc | LabelSchema | ActorRegistry;
      isNew: boolean;
      validated: boolean;
    }[] = [];
    if (JSON.stringify(labelSchema) !== JSON.stringify(this.labelSchema()))
      changes.push({ file: this.parts.labelSchema, value: labelSchema, isNew: false, validated: false });
    if (newActors.length) changes.push({ file: this.parts.actors, value: actors, isNew: false, validated: false });
    for (const doc of docs) {
      const file = existing.get(doc.article.id);
      if (file)
        changes.push({
          file,
          value: { article: file.value.article, annotations: doc.annotations, relations: doc.relations },
          isNew: false,
          validated: file.value.article === doc.article,
        });
      else changes.push({ file: this.parts.articles.newFile(doc), value: doc, isNew: true, validated: true });
    }
    // Serialised as each is written: a thousand articles' text is never held at once.
    const writes = changes.map(({ file, value, validated }) => ({
      relPath: file.spec.relPath,
      data: () => (file as StoredFile<typeof value>).serialize(value, { validated }),
    }));
    // All or nothing, even through a crash or a full disk (store/transaction.ts).
    const written = await commitFiles(this.dir, writes, this.parts.recovery.backups);
    for (const { file, value, isNew } of changes) {
      const { stats, hash } = written.get(file.spec.relPath)!;
      (file as StoredFile<typeof value>).adopt(value, stats, hash);
      if (isNew) this.parts.articles.adopt(file as StoredFile<ArticleDoc>);
    }
    this.registryMatcher.add(newActors);
    // Imported spans may link entities: the mention index is rebuilt when next needed.
    this.mentions = null;
  }
}
