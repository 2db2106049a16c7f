import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { RESERVED_LABEL_KEYS } from '../../../../src/renderer/commands/shortcuts';
import { perform, whenSaved } from '../../../../src/renderer/state/editor-history';
import { createLabel, deleteLabel, saveSettings, updateLabel, usageOf } from '../../../../src/renderer/state/schema-actions';
import { useWorkspace } from '../../../../src/renderer/state/workspace-store';
import { article, connectTo, FakeBackend, messageTexts, NOW } from './fake-backend';

const schema = () => useWorkspace.getState().info!.labelSchema;

let backend: FakeBackend;
beforeEach(async () => {
  await whenSaved();
  backend = new FakeBackend([article('a', 'The minister said the deal was fair.'), article('b', 'Unions disagreed.')]);
  connectTo(backend, 'a');
});

describe('schema actions (state/schema-actions)', () => {
  it('adds a label on the page and in the store, with a free key that no shortcut uses', async () => {
    expect(createLabel('Frame', RESERVED_LABEL_KEYS)).toBeNull();
    const added = schema().labels.find((l) => l.name === 'Frame')!;
    expect(added).toBeDefined();
    expect(RESERVED_LABEL_KEYS).not.toContain(added.key);
    await whenSaved();
    expect(backend.labelSchema.labels.map((l) => l.name)).toContain('Frame');
  });

  it('refuses a key a shortcut uses, in words, and changes nothing', async () => {
    const reserved = RESERVED_LABEL_KEYS.find((k) => /[a-z]/.test(k))!;
    const before = schema();
    const problem = updateLabel('actor', { key: reserved }, RESERVED_LABEL_KEYS);
    expect(problem).toMatch(/./);
    expect(schema()).toBe(before);
    await whenSaved();
    expect(backend.saved).toEqual([]);
    // The same key is free when nothing reserves it: the check is the reserved list's.
    expect(updateLabel('actor', { key: reserved }, [])).toBeNull();
  });

  it('counts a label’s uses across stored articles after pending saves land, and removes it with its annotations', async () => {
    const doc = useWorkspace.getState().doc!;
    const made = createAnnotation(doc, { label: 'actor', fragments: [{ start: 4, end: 12 }] }, { author: 'me', now: NOW });
    if (!made.ok) throw new Error('bad test input');
    perform({ kind: 'doc', articleId: 'a', command: made.value.command });
    // Not awaited: usageOf waits for the save itself.
    const usage = await usageOf('actor');
    expect(usage).toMatchObject({ annotations: 1, articles: 1 });
    expect(deleteLabel('actor', usage!.docs, { mode: 'delete' })).toBeNull();
    await whenSaved();
    expect(backend.labelSchema.labels.some((l) => l.id === 'actor')).toBe(false);
    expect(backend.docs.get('a')!.annotations).toEqual([]);
  });

  it('saves settings and shows them on the page', async () => {
    expect(await saveSettings({ analystName: 'Ana', snapToWords: false })).toBe(true);
    expect(useWorkspace.getState().info!.settings).toEqual({ analystName: 'Ana', snapToWords: false });
    expect(messageTexts()).toContain('Settings saved.');
  });
});
