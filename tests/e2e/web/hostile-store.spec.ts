import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotation } from '../../../src/core/edits/builders';
import type { WorkspaceInfo } from '../../../src/core/api';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { test, expect } from '../support/host';
import { api } from './editor-helpers';

/**
 * The browser host started on a workspace whose files were damaged while it was closed: an
 * article truncated, another NUL-filled (as after a power cut), settings.json not UTF-8 and
 * label-schema.json valid JSON of the wrong shape. Each is set aside in damaged/, its last backup
 * restored, and the analyst is told — in the page, as soon as it opens — while the restored
 * data is there to work with. An article comes back with every save (its backup, the journal
 * kept beside it and its own journal replayed); settings and label schema, written whole, lose
 * at most their last save.
 */
test('damaged store files are set aside, restored from backup, and the analyst is told in the UI', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.article-item')).toHaveCount(5);
  const [a, b] = await api<ArticleSummary[]>(page, host, 'listArticles');
  const annotate = async (id: string, start: number, end: number) => {
    const doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
    const made = createAnnotation(doc, { label: 'claim', fragments: [{ start, end }] }, { author: 'Ana', now: new Date().toISOString() });
    if (!made.ok) throw new Error('bad edit');
    await api(page, host, 'applyEdit', { edit: { kind: 'doc', articleId: id, command: made.value.command } });
  };
  // Two saves of each file, so each has a backup (the version before its last save; for an article, with the journal from there on).
  for (const id of [a!.id, b!.id]) {
    await annotate(id, 0, 10);
    await annotate(id, 20, 30);
  }
  await api(page, host, 'saveSettings', { settings: { analystName: 'Ana', snapToWords: true } });
  await api(page, host, 'saveSettings', { settings: { analystName: 'Ana Analyst', snapToWords: true } });
  const { labelSchema } = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  const grow = (name: string, from: typeof labelSchema) => ({
    ...from,
    labels: [...from.labels, { id: name, name, color: '#336699', key: '', kind: 'span' as const, attributes: [] }],
  });
  await api(page, host, 'applyEdit', { edit: { kind: 'schema', before: labelSchema, after: grow('source', labelSchema) } });
  await api(page, host, 'applyEdit', { edit: { kind: 'schema', before: grow('source', labelSchema), after: grow('witness', grow('source', labelSchema)) } });
  await host.stop();

  const file = (...parts: string[]) => join(host.workspace, ...parts);
  const articleA = file('articles', `${a!.id}.json`);
  writeFileSync(articleA, readFileSync(articleA).subarray(0, 200));
  const articleB = file('articles', `${b!.id}.json`);
  writeFileSync(articleB, Buffer.alloc(readFileSync(articleB).length, 0));
  writeFileSync(file('settings.json'), Buffer.from([0x7b, 0x22, 0x61, 0xff, 0xfe, 0x22, 0x7d]));
  writeFileSync(file('label-schema.json'), JSON.stringify({ schemaVersion: 1, labels: 'not a list' }));

  await host.restart();
  await page.goto(host.url);
  const messages = page.getByRole('region', { name: 'Messages' });
  const notices = messages.getByRole('status');
  // Six notices: the newest three are on screen, the rest one click away.
  await messages.getByRole('button', { name: /earlier messages?/ }).click();
  for (const damaged of [`articles/${a!.id}.json`, `articles/${b!.id}.json`, 'settings.json', 'label-schema.json']) {
    await expect(notices.filter({ hasText: `${damaged} was damaged` })).toContainText(/moved to .*damaged.* backup from .* was restored/);
  }
  for (const id of [a!.id, b!.id])
    await expect(notices.filter({ hasText: `articles/${id}.json was damaged` })).toContainText(/with the \d+ change\(s\) saved since .*nothing is lost/);
  await expect(notices.filter({ hasText: 'is empty' }).or(notices.filter({ hasText: 'NUL bytes' }))).toHaveCount(1);
  await expect(notices.filter({ hasText: 'not valid UTF-8' })).toHaveCount(1);

  // The restored data is what the page shows: each article with the annotations of both its saves.
  await expect(page.locator('.article-item')).toHaveCount(5);
  await expect(page.getByRole('dialog', { name: 'Welcome to Lede' })).toBeHidden(); // the restored settings still name the analyst
  for (const id of [a!.id, b!.id]) {
    const doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
    expect(doc.annotations.map((x) => x.fragments[0])).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
  }
  const info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  expect(info.settings.analystName).toBe('Ana');
  expect(info.labelSchema.labels.map((l) => l.id)).toContain('source');
  expect(readdirSync(file('damaged'))).toHaveLength(4);
});
