import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEditToState } from '../../../../src/core/edits/apply-edit';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { applyRejections, withRejections } from '../../../../src/core/edits/rejections';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';
import { DEFAULT_SETTINGS, MAX_REJECTIONS_PER_ARTICLE, type RejectedSuggestions } from '../../../../src/core/model/settings';

const BY = { author: 'me', now: '2026-01-01T00:00:00.000Z' };
type RejectionsEdit = Extract<Edit, { kind: 'rejections' }>;
const reject = (articleId: string, ...add: string[]): RejectionsEdit => ({ kind: 'rejections', articleId, add, remove: [] });

function doc(id: string, text: string): ArticleDoc {
  return { article: { id, title: 't', source: 's', importedAt: BY.now, hash: '0'.repeat(64), text }, annotations: [], relations: [] };
}

/** The record with each article's ids sorted: a set kept as a list, its order means nothing. */
const asSets = (r: RejectedSuggestions) => Object.fromEntries(Object.entries(r).map(([k, ids]) => [k, [...ids].sort()]));

describe('rejected suggestions as an edit', () => {
  it('adds after what is there and brings back by removing; an article left with none is dropped', () => {
    const one = applyRejections({}, reject('a', 'quote@0-10'));
    expect(one).toEqual({ ok: true, value: { a: ['quote@0-10'] } });
    if (!one.ok) return;
    const two = applyRejections(one.value, reject('a', 'actor@3-8'));
    expect(two.ok && two.value).toEqual({ a: ['quote@0-10', 'actor@3-8'] });
    const back = applyRejections(one.value, invertEdit(reject('a', 'quote@0-10')) as RejectionsEdit);
    expect(back).toEqual({ ok: true, value: {} });
  });

  it('is strict, so a step and its undo always give back what was there: no id twice, no removal of what is not rejected, a bound per article', () => {
    expect(applyRejections({ a: ['quote@0-10'] }, reject('a', 'quote@0-10')).ok).toBe(false);
    expect(applyRejections({}, reject('a', 'actor@1-2', 'actor@1-2')).ok).toBe(false);
    expect(applyRejections({ a: ['quote@0-10'] }, { kind: 'rejections', articleId: 'a', add: [], remove: ['actor@1-2'] }).ok).toBe(false);
    const full = { a: Array.from({ length: MAX_REJECTIONS_PER_ARTICLE }, (_, i) => `actor@${i}-${i + 1}`) };
    expect(applyRejections(full, reject('a', 'quote@0-10')).ok).toBe(false);
  });

  it('undo after any sequence of rejections and their undos gives back the same rejections', () => {
    const id = fc.constantFrom('quote@0-10', 'quote@12-40', 'actor@3-8', 'actor@50-55');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.uniqueArray(id, { maxLength: 3 }), fc.boolean()), { maxLength: 30 }), (steps) => {
        let record: RejectedSuggestions = {};
        for (const [articleId, ids, bringBack] of steps) {
          const there = new Set(record[articleId] ?? []);
          const step: RejectionsEdit = bringBack
            ? { kind: 'rejections', articleId, add: [], remove: ids.filter((x) => there.has(x)) }
            : reject(articleId, ...ids.filter((x) => !there.has(x)));
          const next = applyRejections(record, step);
          expect(next.ok).toBe(true);
          if (!next.ok) return;
          const undone = applyRejections(next.value, invertEdit(step) as RejectionsEdit);
          expect(undone.ok && asSets(undone.value)).toEqual(asSets(record));
          record = next.value;
        }
      }),
    );
  });

  it('goes through applyEditToState with the article edits of the same batch, and refuses an article that does not exist', () => {
    const a = doc('a', 'The minister said the deal was fair.');
    const tagged = createAnnotation(a, { label: 'claim', fragments: [{ start: 0, end: 12 }] }, BY);
    if (!tagged.ok) throw new Error('bad test input');
    const state = { labelSchema: defaultLabelSchema(), docs: new Map([['a', a]]), rejections: { b: ['quote@0-3'] } };
    const batch: Edit = { kind: 'batch', edits: [{ kind: 'doc', articleId: 'a', command: tagged.value.command }, reject('a', 'quote@13-30')] };
    const outcome = applyEditToState(batch, state);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.rejectionsChanged).toBe(true);
    expect(outcome.value.rejections).toEqual({ b: ['quote@0-3'], a: ['quote@13-30'] });
    expect(outcome.value.docs.get('a')!.annotations).toHaveLength(1);
    expect(applyEditToState(reject('nowhere', 'quote@0-3'), state).ok).toBe(false);
    // An edit without rejections leaves them as given.
    const plain = applyEditToState({ kind: 'doc', articleId: 'a', command: tagged.value.command }, state);
    expect(plain.ok && plain.value.rejectionsChanged).toBe(false);
  });

  it('writes the settings field only when there are rejections, and hands back the same settings when nothing changed', () => {
    const settings = { ...DEFAULT_SETTINGS, rejectedSuggestions: { a: ['quote@0-3'] } };
    expect(withRejections(settings, settings.rejectedSuggestions)).toBe(settings);
    expect(withRejections(DEFAULT_SETTINGS, {})).toBe(DEFAULT_SETTINGS);
    expect(withRejections(settings, {})).toEqual(DEFAULT_SETTINGS);
    expect(withRejections(DEFAULT_SETTINGS, { b: ['actor@1-2'] })).toEqual({ ...DEFAULT_SETTINGS, rejectedSuggestions: { b: ['actor@1-2'] } });
  });
});
