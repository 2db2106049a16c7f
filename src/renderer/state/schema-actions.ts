import { addLabel, changeLabel, labelUsage, removeLabel, type LabelChanges, type RemovalPlan } from '../../core/edits/schema-edits';
import { attributeUsage } from '../../core/edits/attribute-edits';
import { relationTypeUsage } from '../../core/edits/relation-type-edits';
import type { Edit } from '../../core/edits/commands';
import type { ArticleDoc } from '../../core/model/document';
import type { LabelSchema } from '../../core/model/label-schema';
import type { Result } from '../../core/model/result';
import { nowIso } from '../../core/model/ids';
import type { Settings } from '../../core/model/settings';
import { backend } from './api';
import { perform, whenSaved } from './editor-history';
import { showError, useMessages } from './messages';
import { useWorkspace } from './workspace-store';

/**
 * Settings and label schema changes. Schema changes are Edits like any other (saved at once,
 * undoable with Ctrl/Cmd+Z); the analyst's name and snapping are plain settings.
 */

function schema() {
  return useWorkspace.getState().info?.labelSchema ?? null;
}

function explain(errors: { message: string }[]): string {
  return errors.map((e) => e.message).join(' ');
}

/**
 * Returns an error message for the form, or null when the change was made. `reserved` are the
 * single keys the editor's shortcuts use (commands/shortcuts.ts RESERVED_LABEL_KEYS), passed in by
 * the form so that state does not depend on the command layer.
 */
export function createLabel(name: string, reserved: readonly string[]): string | null {
  const current = schema();
  if (!current) return 'The workspace is not loaded yet.';
  const result = addLabel(current, { name }, reserved);
  if (!result.ok) return explain(result.errors);
  return perform(result.value.edit) ? null : 'The label could not be added.';
}

export function updateLabel(id: string, changes: LabelChanges, reserved: readonly string[]): string | null {
  const current = schema();
  if (!current) return 'The workspace is not loaded yet.';
  const result = changeLabel(current, id, changes, reserved);
  if (!result.ok) return result.errors[0]?.message === 'Nothing changed.' ? null : explain(result.errors);
  return perform(result.value) ? null : 'The label could not be changed.';
}

/**
 * Every stored document that has annotations, loaded after pending saves land, so a label
 * removal sees (and deletes or reassigns) every use of the label in the workspace.
 */
export async function loadAnnotatedDocs(): Promise<ArticleDoc[]> {
  await whenSaved();
  const { api } = backend();
  const articles = await api.listArticles({});
  const docs: ArticleDoc[] = [];
  for (const a of articles) if (a.annotationCount > 0) docs.push(await api.getArticle({ id: a.id }));
  return docs;
}

export async function usageOf(id: string): Promise<{ annotations: number; articles: number; docs: ArticleDoc[] } | null> {
  try {
    const docs = await loadAnnotatedDocs();
    const usage = labelUsage(docs, id);
    return { annotations: usage.annotations, articles: usage.articles.length, docs };
  } catch (error) {
    showError('Could not check where the label is used', error);
    return null;
  }
}

export function deleteLabel(id: string, docs: readonly ArticleDoc[], plan: RemovalPlan): string | null {
  const current = schema();
  if (!current) return 'The workspace is not loaded yet.';
  const result = removeLabel(current, docs, id, plan, nowIso());
  if (!result.ok) return explain(result.errors);
  return perform(result.value) ? null : 'The label could not be removed.';
}

/** Saves the settings; `said` is the confirmation shown (the welcome card says what the name is for). */
export async function saveSettings(settings: Settings, said = 'Settings saved.'): Promise<boolean> {
  try {
    const saved = await backend().api.saveSettings({ settings });
    const ws = useWorkspace.getState();
    if (ws.info) useWorkspace.setState({ info: { ...ws.info, settings: saved } });
    useMessages.getState().show('success', said);
    return true;
  } catch (error) {
    showError('Could not save the settings', error);
    return false;
  }
}

/**
 * Attribute changes (src/core/edits/attribute-edits). Those that touch annotations (removing an
 * attribute or a value, renaming a value) load every annotated document first, so they see and
 * rewrite every use; each returns an error message for the form, or null when done.
 */
export function attributeSchemaChange(build: (schema: LabelSchema) => Result<Edit | { edit: Edit }>): string | null {
  const current = schema();
  if (!current) return 'The workspace is not loaded yet.';
  const result = build(current);
  if (!result.ok) return result.errors[0]?.message === 'Nothing changed.' ? null : explain(result.errors);
  const edit = 'edit' in result.value ? result.value.edit : result.value;
  return perform(edit) ? null : 'The change could not be made.';
}

export async function attributeDataChange(build: (schema: LabelSchema, docs: readonly ArticleDoc[], now: string) => Result<Edit>): Promise<string | null> {
  let docs: ArticleDoc[];
  try {
    docs = await loadAnnotatedDocs();
  } catch (error) {
    showError('Could not load the annotations to change', error);
    return 'The annotations could not be loaded.';
  }
  return attributeSchemaChange((s) => build(s, docs, nowIso()));
}

/** How many annotations of the label carry the attribute (with that value, when given). */
export async function attributeUsageOf(labelId: string, attrId: string, value?: string): Promise<number | null> {
  try {
    return attributeUsage(await loadAnnotatedDocs(), labelId, attrId, value);
  } catch (error) {
    showError('Could not check where the attribute is used', error);
    return null;
  }
}

/** How many links have the relation type, with the documents a removal needs to see them all. */
export async function relationTypeUsageOf(id: string): Promise<{ links: number; articles: number; docs: ArticleDoc[] } | null> {
  try {
    const docs = await loadAnnotatedDocs();
    return { ...relationTypeUsage(docs, id), docs };
  } catch (error) {
    showError('Could not check where the relation type is used', error);
    return null;
  }
}
