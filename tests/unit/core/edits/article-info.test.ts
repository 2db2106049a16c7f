import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../src/core/edits/apply';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { addTagEdit, articleInfoEdit } from '../../../../src/core/edits/article-info';
import { EditSchema, invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { describeEdit } from '../../../../src/core/edits/history';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { emptyDoc } from '../../../../src/core/model/document';
import { DEFAULT_LABEL_SCHEMA } from '../../../../src/core/model/label-schema';

const doc: ArticleDoc = emptyDoc({
  id: 'a_1',
  title: 'Port strike ends',
  source: 's.html',
  importedAt: '2026-12-02T00:00:00.000Z',
  hash: 'a'.repeat(64),
  text: 'Port strike ends',
  outlet: 'The Courier',
  tags: ['ports'],
});

function apply(edit: Edit, d: ArticleDoc): ArticleDoc {
  if (edit.kind !== 'doc') throw new Error('not a doc edit');
  const r = applyCommand(d, edit.command);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

describe('editing article details', () => {
  it('changes only the fields that differ, in one invertible edit the api accepts', () => {
    const r = articleInfoEdit(
      doc.article,
      { title: '  Strike over ', outlet: 'The Courier', url: 'https://courier.example/a', tags: [] },
      '2026-12-03T10:00:00.000Z',
    );
    expect(r.ok).toBe(true);
    const edit = r.ok ? r.value! : null!;
    // The edit carries its time: a details edit moves the article's last change (lastChangeOf).
    expect(edit).toEqual({
      kind: 'doc',
      articleId: 'a_1',
      command: {
        op: 'article',
        before: { title: 'Port strike ends', url: null, tags: ['ports'], infoChangedAt: null },
        after: { title: 'Strike over', url: 'https://courier.example/a', tags: null, infoChangedAt: '2026-12-03T10:00:00.000Z' },
      },
    });
    expect(EditSchema.safeParse(edit).success).toBe(true);
    expect(describeEdit(edit)).toBe('article details change');
    const after = apply(edit, doc);
    expect(after.article).toMatchObject({
      title: 'Strike over',
      url: 'https://courier.example/a',
      outlet: 'The Courier',
      infoChangedAt: '2026-12-03T10:00:00.000Z',
    });
    // Its time is not a field the analyst changed: undo names the title alone.
    const titleOnly = articleInfoEdit(doc.article, { title: 'Strike over' });
    expect(titleOnly.ok && titleOnly.value && describeEdit(titleOnly.value)).toBe('article title change');
    expect('tags' in after.article).toBe(false);
    expect(apply(invertEdit(edit), after)).toEqual(doc);
    expect(applyEditToState(edit, { labelSchema: DEFAULT_LABEL_SCHEMA, docs: new Map([['a_1', doc]]) }).ok).toBe(true);
  });

  it('gives nothing to do when nothing differs, and refuses bad values naming the field', () => {
    expect(articleInfoEdit(doc.article, { title: 'Port strike ends', outlet: ' The  Courier' })).toEqual({ ok: true, value: null });
    const bad = articleInfoEdit(doc.article, { title: ' ', language: 'English', published: 'soon' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['title', 'published', 'language']);
  });

  it('refuses a stale edit (the details changed since) and never lets a command store an invalid article', () => {
    const edit = articleInfoEdit(doc.article, { title: 'Strike over' });
    const changed = apply(edit.ok ? edit.value! : null!, doc);
    expect(applyCommand(changed, { op: 'article', before: { title: 'Port strike ends' }, after: { title: 'Other' } }).ok).toBe(false);
    expect(applyCommand(doc, { op: 'article', before: { url: null }, after: { url: 'ftp://x' } }).ok).toBe(false);
  });

  it('undo gives back exactly the document, whatever the analyst typed', () => {
    const field = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record(
          { title: field, outlet: field, byline: field, language: fc.constantFrom('', 'en', 'de-CH', 'xx yy'), tags: fc.array(field, { maxLength: 5 }) },
          { requiredKeys: [] },
        ),
        (changes) => {
          const r = articleInfoEdit(doc.article, changes);
          if (!r.ok || !r.value) return;
          expect(apply(invertEdit(r.value), apply(r.value, doc))).toEqual(doc);
        },
      ),
    );
  });
});

describe('tagging several articles at once', () => {
  const docs = [doc, emptyDoc({ ...doc.article, id: 'a_2', tags: undefined }), emptyDoc({ ...doc.article, id: 'a_3', tags: ['Strikes'] })];
  it('adds the tag to each article lacking it in one undoable batch, and undo gives every article its tags back', () => {
    const r = addTagEdit(
      docs.map((d) => d.article),
      '  strikes ',
    );
    if (!r.ok || !r.value) throw new Error('no edit');
    const edit = r.value;
    expect(edit.kind).toBe('batch');
    expect(EditSchema.safeParse(edit).success).toBe(true);
    const steps = edit.kind === 'batch' ? edit.edits : [];
    // a_3 has "Strikes" already (the case aside): left alone.
    expect(steps.map((s) => (s.kind === 'doc' ? s.articleId : ''))).toEqual(['a_1', 'a_2']);
    const byId = new Map(docs.map((d) => [d.article.id, d]));
    for (const s of steps) if (s.kind === 'doc') byId.set(s.articleId, apply(s, byId.get(s.articleId)!));
    expect([...byId.values()].map((d) => d.article.tags)).toEqual([['ports', 'strikes'], ['strikes'], ['Strikes']]);
    const undo = invertEdit(edit);
    for (const s of undo.kind === 'batch' ? undo.edits : []) if (s.kind === 'doc') byId.set(s.articleId, apply(s, byId.get(s.articleId)!));
    expect([...byId.values()].map((d) => d.article.tags)).toEqual([['ports'], undefined, ['Strikes']]);
  });
  it('makes no edit when all have it, and refuses an empty or too long tag', () => {
    expect(
      addTagEdit(
        docs.slice(0, 2).map((d) => d.article),
        'PORTS',
      ),
    ).toEqual({ ok: true, value: expect.objectContaining({ kind: 'doc', articleId: 'a_2' }) });
    expect(addTagEdit([doc.article], 'ports')).toEqual({ ok: true, value: null });
    expect(addTagEdit([doc.article], '  ').ok).toBe(false);
    expect(addTagEdit([doc.article], 'x'.repeat(101)).ok).toBe(false);
  });
});
