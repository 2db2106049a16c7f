import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** A news page saved with its details (title, outlet, author, date, URL, language, tags in its meta tags). */
const PORT_STRIKE_PAGE = readFileSync(new URL('../../fixtures/articles/news-page-meta.html', import.meta.url));

/**
 * Imports the saved port-strike page through the Import button and opens it, its details read
 * (the dateline shows them); the article header.
 */
export async function importPortStrikePage(page: Page): Promise<Locator> {
  await page.getByTestId('import-articles-input').setInputFiles([{ name: 'port-strike.html', mimeType: 'text/html', buffer: PORT_STRIKE_PAGE }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article' })).toBeVisible();
  await page.locator('.article-item', { hasText: 'Port strike ends after ministers agree pay deal' }).click();
  const header = page.locator('.article-header');
  await expect(header.locator('.article-dateline')).toHaveText('The Harbour Courier · Jane Okafor · 2025-03-14');
  return header;
}
