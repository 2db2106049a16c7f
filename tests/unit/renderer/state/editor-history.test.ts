import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../../src/core/edits/builders';
import type { Edit } from '../../../../src/core/edits/commands';
import { hasUnsavedEdits, perform, undo, useHistory, whenSaved } from '../../../../src/renderer/state/editor-history';
import { useWorkspace } from '../../../../src/renderer/state/workspace-store';
import { article, connectTo, FakeBackend, messageTexts, NOW } from './fake-backend';

const TEXT = 'The minister said the deal was fair. Unions disagreed.';

/** Tags [start, end) on the document the page shows now, as the editor does. */
function tag(label: string, start: number, end: number): Edit {
  const doc = useWorkspace.getState().doc!;
  const made = createAnnotation(doc, { label, fragments: [{ start, end }] }, { author: 'me', now: NOW });
  if (!made.ok) throw new Error(made.errors[0]!.message);
  return { kind: 'doc', articleId: doc.article.id, command: made.value.command };
}

const pageLabels = () => useWorkspace.getState().doc!.annotations.map((a) => a.label);

let backend: FakeBackend;
beforeEach(async () => {
  await whenSaved();
  backend = new FakeBackend([article('a', TEXT)]);
  connectTo(backend, 'a');
});

describe('the save queue (state/editor-history)', () => {
  it('shows an edit at once, and saves edits one at a time in the order they were made', async () => {
    backend.hold();
    expect(perform(tag('actor', 0, 12))).toBe(true);
    expect(perform(tag('claim', 18, 36))).toBe(true);
    expect(perform(tag('actor', 37, 43))).toBe(true);
    // On the page before the store answers.
    expect(pageLabels()).toEqual(['actor', 'claim', 'actor']);
    expect(useHistory.getState().save).toBe('saving');
    expect(hasUnsavedEdits()).toBe(true);
    backend.release();
    await whenSaved();
    expect(backend.maxInFlight).toBe(1);
    expect(backend.saved).toHaveLength(3);
    expect(backend.docs.get('a')!.annotations.map((a) => [a.label, a.fragments[0]!.start])).toEqual([
      ['actor', 0],
      ['claim', 18],
      ['actor', 37],
    ]);
    expect(useHistory.getState()).toMatchObject({ save: 'saved', savedAt: NOW, error: null });
    expect(hasUnsavedEdits()).toBe(false);
  });

  it('reloads what is stored when the store refuses an edit, and drops the edits queued behind it', async () => {
    perform(tag('actor', 0, 12));
    await whenSaved();
    backend.hold();
    const second = tag('claim', 18, 36);
    backend.refuse = (edit) => edit === second;
    perform(second);
    perform(tag('actor', 37, 43)); // built on the refused one: must not reach the store
    expect(pageLabels()).toEqual(['actor', 'claim', 'actor']);
    backend.calls = [];
    backend.release();
    await whenSaved();
    expect(backend.calls).toEqual(['applyEdit', 'getWorkspace', 'getArticle', 'listActors']);
    expect(backend.saved).toHaveLength(1);
    // The page shows what is stored, the history starts afresh, and the analyst is told.
    expect(useWorkspace.getState().doc).toEqual(backend.docs.get('a'));
    expect(pageLabels()).toEqual(['actor']);
    expect(useHistory.getState().history.done).toEqual([]);
    expect(useHistory.getState().save).toBe('error');
    expect(useHistory.getState().error).toContain('no longer applies');
    expect(messageTexts().some((t) => t.startsWith('Your last change was not saved'))).toBe(true);
  });

  it('saves again after a refusal: the next generation of edits goes through', async () => {
    backend.refuse = () => true;
    perform(tag('actor', 0, 12));
    await whenSaved();
    expect(useHistory.getState().save).toBe('error');
    backend.refuse = () => false;
    perform(tag('claim', 18, 36));
    await whenSaved();
    expect(backend.docs.get('a')!.annotations.map((a) => a.label)).toEqual(['claim']);
    expect(useHistory.getState()).toMatchObject({ save: 'saved', error: null });
  });

  it('undo is one more edit through the same queue: the store ends where the page is', async () => {
    perform(tag('actor', 0, 12));
    perform(tag('claim', 18, 36));
    undo();
    expect(pageLabels()).toEqual(['actor']);
    await whenSaved();
    expect(backend.saved).toHaveLength(3);
    expect(backend.docs.get('a')!.annotations).toEqual(useWorkspace.getState().doc!.annotations);
  });

  it('refuses on the page, without sending, an edit that does not apply to what the page shows', async () => {
    const edit = tag('actor', 0, 12);
    perform(edit);
    await whenSaved();
    backend.calls = [];
    expect(perform(edit)).toBe(false); // the same id again
    await whenSaved();
    expect(backend.calls).toEqual([]);
    expect(messageTexts().some((t) => t.startsWith('That change could not be made'))).toBe(true);
  });
});
