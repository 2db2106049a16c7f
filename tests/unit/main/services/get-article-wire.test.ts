import { describe, expect, it } from 'vitest';
import { decodeResult } from '../../../../src/core/api';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { createHandlers } from '../../../../src/main/ipc/handlers';
import { tagWorkspace } from './exchange/support';
import { workspaceForTest } from './support';

/**
 * getArticle through the real handlers, as both transports carry it (a JSON round trip), decoded
 * as the page's api client does: the stored document, field for field, for the seed articles
 * tagged (an emoji article among them), an article whose text was updated (its annotations
 * re-anchored), and an annotation stored with a quote the text does not give (as another tool's
 * file may carry), which travels as stored.
 */
describe('getArticle on the wire', () => {
  it('decodes to the stored document, and leaves out only the selectors the text gives', async () => {
    const { ws } = await workspaceForTest();
    await tagWorkspace(ws, 'ana');
    const handlers = createHandlers(() => ws);
    const first = (await ws.listArticles())[0]!.id;
    const before = await ws.getDoc(first);
    const a = before.annotations[0]!;
    // Change a letter inside the first annotation, and put a word in front of everything.
    const at = a.fragments[0]!.start;
    const changed = `Update. ${before.article.text.slice(0, at)}X${before.article.text.slice(at + 1)}`;
    await ws.updateArticleText(first, { name: 'update.txt', bytes: new TextEncoder().encode(changed) });

    const second = (await ws.listArticles())[1]!.id;
    const made = createAnnotation(
      await ws.getDoc(second),
      { label: 'claim', fragments: [{ start: 0, end: 5 }] },
      { author: 'ana', now: new Date().toISOString() },
    );
    if (!made.ok) throw new Error('bad annotation');
    const foreign = { ...made.value.annotation, quote: 'as another text had it', prefix: '', suffix: 'x' };
    await ws.applyEdit({ kind: 'doc', articleId: second, command: { op: 'insert', annotations: [foreign], relations: [] } });
    expect((await ws.getDoc(second)).annotations.find((x) => x.id === foreign.id)).toEqual(foreign);

    let carried = 0;
    let derived = 0;
    for (const { id } of await ws.listArticles()) {
      const stored = await ws.getDoc(id);
      const wire = JSON.parse(JSON.stringify(await handlers.getArticle({ id })));
      for (const w of wire.annotations) {
        if ('quote' in w) carried++;
        else derived++;
      }
      expect(decodeResult('getArticle', wire)).toStrictEqual(stored);
      expect(JSON.stringify(wire).length).toBeLessThanOrEqual(JSON.stringify(stored).length);
    }
    expect(derived).toBeGreaterThan(10);
    expect(carried).toBe(1);
  });
});
