import { afterEach, describe, expect, it } from 'vitest';
import { createEntity } from '../../../../../src/core/actors';
import { createAnnotation } from '../../../../../src/core/edits/builders';
import { suggest } from '../../../../../src/core/suggest';
import { createDispatcher } from '../../../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../../../src/main/ipc/handlers';
import { newWorkspace } from '../support';

/** `knownActorNames` through the real dispatcher on a real workspace (the five seeds). */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('known actor names of a workspace', () => {
  it('gives the registry names and aliases with their entity and the names tagged in any article, and they become linked actor suggestions', async () => {
    const w = await newWorkspace();
    cleanups.push(w.cleanup);
    const dispatch = createDispatcher(createHandlers(() => w.ws));
    const call = async <T>(method: string, args: unknown): Promise<T> => {
      const r = await dispatch(method, args);
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.value as T;
    };
    const zel = createEntity(w.ws.actors(), { name: 'Volodymyr Zelenskyy', aliases: ['Zelensky'] }, new Date().toISOString());
    if (!zel.ok) throw new Error('bad entity');
    await call('applyEdit', { edit: zel.value.edit });
    const entityId = zel.value.entity.id;

    // "Vladimir Putin" tagged (without an entity) in the first seed only.
    const [first, ...others] = await w.ws.listArticles();
    const doc = await w.ws.getDoc(first!.id);
    const start = doc.article.text.indexOf('Vladimir Putin');
    const tag = createAnnotation(
      doc,
      { label: 'actor', fragments: [{ start, end: start + 'Vladimir Putin'.length }] },
      { author: 'me', now: new Date().toISOString() },
    );
    if (!tag.ok) throw new Error('bad span');
    await w.ws.applyEdit({ kind: 'doc', articleId: first!.id, command: tag.value.command });

    const { names } = await call<{ names: { name: string; entityId?: string }[] }>('knownActorNames', {});
    expect(names).toEqual([{ name: 'Volodymyr Zelenskyy', entityId }, { name: 'Zelensky', entityId }, { name: 'Vladimir Putin' }]);
    await expect(dispatch('knownActorNames', { extra: 1 })).resolves.toMatchObject({ ok: false });

    // In another article (one that writes "Zelensky"), the alias and the tagged name are suggested, the alias linked.
    const otherDocs = await Promise.all(others.map((o) => w.ws.getDoc(o.id)));
    const other = otherDocs.find((d) => /\bZelensky\b/.test(d.article.text) && d.article.text.includes('Vladimir Putin'))!;
    const found = suggest({ text: other.article.text, known: names });
    if (!found.ok) throw new Error('no suggestions');
    const known = found.value.filter((s) => s.rule === 'known-name').map((s) => [s.text, s.entityId]);
    expect(known).toContainEqual(['Zelensky', entityId]);
    expect(known).toContainEqual(['Vladimir Putin', undefined]);
    expect(known.filter(([text]) => text === 'Zelensky').every(([, e]) => e === entityId)).toBe(true);
  });
});
