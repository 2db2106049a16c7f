import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../src/core/edits/apply';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { articleInfoEdit } from '../../../../src/core/edits/article-info';
import { EditSchema, invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { describeEdit } from '../../../../src/core/edits/history';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { emptyDoc } from '../../../../src/core/model/document';
import { DEFAULT_LABEL_SCHEMA } from '../../../../src/core/model/label-schema';

const doc: ArticleDoc = emptyDoc({ id: 'a_1', title: 'Port strike ends', source: 's.html', importedAt: '2026-12-02T00:00:00.000Z', hash: 'a'.repeat(64), text: 'Port strike ends', outlet: 'The Courier', tags: ['ports'] });

function apply(edit: Edit, d: ArticleDoc): ArticleDoc {
  if (edit.kind !== 'doc') throw new Error('not a doc edit');
  const r = applyCommand(d, edit.command);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

describe('editing article details', () => {
  it('changes only the fields that differ, in one invertible edit the api accepts', () => {
    const r = articleInfoEdit(doc.article, { title: '  Strike over ', outlet: 'The Courier', url: 'https://courier.example/a', tags: [] });
    expect(r.ok).toBe(true);
    const edit = r.ok ? r.value! : null!;
    expect(edit).toEqual({ kind: 'doc', articleId: 'a_1', command: { op: 'article', before: { title: 'Port strike ends', url: null, tags: ['ports'] }, after: { title: 'Strike over', url: 'https://courier.example/a', tags: null } } });
    expect(EditSchema.safeParse(edit).success).toBe(true);
    expect(describeEdit(edit)).toBe('article details change');
    const after = apply(edit, doc);
    expect(after.article).toMatchObject({ title: 'Strike over', url: 'https://courier.example/a', outlet: 'The Courier' });
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
      fc.property(fc.record({ title: field, outlet: field, byline: field, language: fc.constantFrom('', 'en', 'de-CH', 'xx yy'), tags: fc.array(field, { maxLength: 5 }) }, { requiredKeys: [] }), (changes) => {
        const r = articleInfoEdit(doc.article, changes);
        if (!r.ok || !r.value) return;
        expect(apply(invertEdit(r.value), apply(r.value, doc))).toEqual(doc);
      }),
    );
  });
});
