import { beforeEach, describe, expect, it } from 'vitest';
import { addTagEdit } from '../../../../src/core/edits/article-info';
import { perform, redo, undo, whenSaved } from '../../../../src/renderer/state/editor-history';
import { useWorkspace } from '../../../../src/renderer/state/workspace-store';
import { article, connectTo, FakeBackend, NOW } from './fake-backend';

/**
 * Tagging several articles in the list is one undoable edit on articles that are mostly not open
 * (ArticleFilters' TagSelected): the list and its tag filter read the summaries, so the edit, its
 * undo and its redo must all show there, and the last change must follow.
 */
const summary = (id: string) => useWorkspace.getState().articles.find((a) => a.id === id)!;
const tagsOf = (...ids: string[]) => ids.map((id) => summary(id).tags);
const LATER = '2026-01-02T09:00:00.000Z';

let backend: FakeBackend;
beforeEach(async () => {
  await whenSaved();
  const tagged = article('c', 'Third text.');
  tagged.article.tags = ['Strikes'];
  backend = new FakeBackend([article('a', 'First text.'), article('b', 'Second text.'), tagged]);
  connectTo(backend, 'a');
  await useWorkspace.getState().refreshArticles();
});

describe('tagging several articles, then undo and redo (state/editor-history)', () => {
  it('the list shows the tags after the edit, after undo and after redo, as the store holds them', async () => {
    const made = addTagEdit(
      useWorkspace.getState().articles.filter((a) => a.id !== 'a'),
      'Ports',
      LATER,
    );
    if (!made.ok || !made.value) throw new Error('no edit');
    expect(perform(made.value)).toBe(true);
    expect(tagsOf('a', 'b', 'c')).toEqual([undefined, ['Ports'], ['Strikes', 'Ports']]);
    expect(summary('b').changedAt).toBe(LATER);
    await whenSaved();

    undo();
    expect(tagsOf('a', 'b', 'c')).toEqual([undefined, undefined, ['Strikes']]);
    await whenSaved();
    // The store's summaries, once undo is saved: the last change back at the import.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // An edit of several articles is undone in the list: the open article stays open.
    expect(useWorkspace.getState().currentId).toBe('a');
    expect(backend.docs.get('b')!.article.tags).toBeUndefined();
    expect(tagsOf('a', 'b', 'c')).toEqual([undefined, undefined, ['Strikes']]);
    expect(summary('b').changedAt).toBe(NOW);
    expect(summary('b').infoChangedAt).toBeUndefined();

    redo();
    expect(tagsOf('a', 'b', 'c')).toEqual([undefined, ['Ports'], ['Strikes', 'Ports']]);
    await whenSaved();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(backend.docs.get('c')!.article.tags).toEqual(['Strikes', 'Ports']);
    expect(tagsOf('a', 'b', 'c')).toEqual([undefined, ['Ports'], ['Strikes', 'Ports']]);
    expect(summary('c').changedAt).toBe(LATER);
  });
});
