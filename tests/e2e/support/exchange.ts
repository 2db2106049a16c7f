import type { Locator, Page } from '@playwright/test';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, openArticle } from '../web/editor-helpers';
import type { RunningHost } from './host';

/** A file as Playwright's file chooser takes it. */
export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Opens the article titled `title` and reads what a colleague's file for it is built from: its
 * id, its summary (`source`, the file name it came in as) and its text.
 */
export async function openSeed(page: Page, host: RunningHost, title: string): Promise<{ articleId: string; seed: ArticleSummary; text: string }> {
  const articleId = await openArticle(page, title);
  const seed = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.id === articleId)!;
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  return { articleId, seed, text };
}

/**
 * File → Import annotations… with `files` chosen and, when `layer` is given, that layer name; then
 * Import. The dialog, showing the next step (mapping, actor plan, report or problems).
 */
export async function importAnnotationFiles(page: Page, files: ChosenFile | ChosenFile[], layer?: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByTestId('import-annotations-files').setInputFiles(files);
  if (layer !== undefined) await dialog.getByLabel('Layer name').fill(layer);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  return dialog;
}

/** Drops `bytes` as a file named `name` on the window, as a file dragged from the desktop. */
export async function dropFile(page: Page, name: string, type: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ bytes, name, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return data;
    },
    { bytes: [...bytes], name, type },
  );
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}
