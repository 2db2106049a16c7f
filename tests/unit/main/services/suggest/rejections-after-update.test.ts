import { afterEach, describe, expect, it } from 'vitest';
import { computeSuggestions } from '../../../../../src/core/suggest';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';

/**
 * Issue 16: a rejected suggestion does not come back for that article — also after "Update
 * text", which moves offsets (and so ids) of everything after an edit.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const intro = (words: string) => `Talks in Geneva ended without a deal. ${words}`;
const A = (verb: string) => `“We ${verb} these accusations and we will say so at the United Nations,” Dmitry Peskov told reporters.`;
const B = '“The sanctions will hurt ordinary families far more than any government,” said Maria Lopez, an economist.';
const C = '“Nobody in this building wants another war in Europe,” the minister said on Friday.';
const V1 = [intro('Both sides blamed each other.'), A('categorically reject'), B, C].join('\n\n');
// The paragraph before every quote changed, A's words changed, C is gone.
const V2 = [intro('Both sides blamed each other for the failure, diplomats said on Wednesday evening.'), A('firmly reject'), B].join('\n\n');

const encode = (s: string) => new TextEncoder().encode(s);

function quoteAt(text: string, opening: string) {
  const r = computeSuggestions({ text }, { kinds: ['quote'] });
  if (!r.ok) throw new Error('no suggestions');
  const s = r.value.find((x) => text.slice(x.fragments[0]!.start).startsWith(opening));
  if (!s) throw new Error(`no suggestion at ${opening}`);
  return s;
}

describe('rejected suggestions after "Update text"', () => {
  it('keep a rejected quote away when text before it changed, let a changed one come back and drop a vanished one', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const { added } = await w.ws.importArticleFiles([{ name: 'geneva.txt', bytes: encode(V1) }]);
    const id = added[0]!.id;
    const [a1, b1, c1] = [quoteAt(V1, '“We categorically'), quoteAt(V1, '“The sanctions'), quoteAt(V1, '“Nobody')];
    const otherId = (await w.ws.listArticles()).find((a) => a.id !== id)!.id;
    await w.ws.applyEdit({
      kind: 'batch',
      edits: [
        { kind: 'rejections', articleId: otherId, add: ['quote@0-10'], remove: [] },
        { kind: 'rejections', articleId: id, add: [a1.id, b1.id, c1.id], remove: [] },
      ],
    });

    const report = await w.ws.updateArticleText(id, { name: 'geneva-2.txt', bytes: encode(V2) });
    expect(report.changed).toBe(true);

    const b2 = quoteAt(V2, '“The sanctions');
    const a2 = quoteAt(V2, '“We firmly');
    expect(b2.id).not.toBe(b1.id); // the offsets moved: an id kept as it was would not hide it
    const rejected = w.ws.settings().rejectedSuggestions;
    expect(rejected?.[id]).toEqual([b2.id]);
    expect(rejected?.[id]).not.toContain(a2.id);
    expect(rejected?.[otherId]).toEqual(['quote@0-10']);

    // Stored durably: a reopened workspace reads the same.
    await w.ws.close();
    const again = await openWorkspace(w.dir, { mode: 'read' });
    try {
      expect(again.settings().rejectedSuggestions?.[id]).toEqual([b2.id]);
    } finally {
      await again.close();
    }
  });

  it('leaves the rejections alone when the new text is the stored one', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const { added } = await w.ws.importArticleFiles([{ name: 'geneva.txt', bytes: encode(V1) }]);
    const id = added[0]!.id;
    const ids = [quoteAt(V1, '“The sanctions').id];
    await w.ws.applyEdit({ kind: 'rejections', articleId: id, add: ids, remove: [] });
    expect((await w.ws.updateArticleText(id, { name: 'same.txt', bytes: encode(V1) })).changed).toBe(false);
    expect(w.ws.settings().rejectedSuggestions?.[id]).toEqual(ids);
  });

  it('are not a preference: saving the settings keeps the stored rejections, whatever the caller sends', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const id = (await w.ws.listArticles())[0]!.id;
    await w.ws.applyEdit({ kind: 'rejections', articleId: id, add: ['quote@0-10'], remove: [] });
    // A window that loaded the settings before the rejection saves its theme.
    const { rejectedSuggestions: _none, ...older } = w.ws.settings();
    await w.ws.saveSettings({ ...older, theme: 'dark' });
    expect(w.ws.settings()).toMatchObject({ theme: 'dark', rejectedSuggestions: { [id]: ['quote@0-10'] } });
    await w.ws.saveSettings({ ...older, rejectedSuggestions: { [id]: ['actor@1-2'] } });
    expect(w.ws.settings().rejectedSuggestions).toEqual({ [id]: ['quote@0-10'] });
  });
});
