import type { Page } from '@playwright/test';
import { dragSelect, find, waitSaved } from '../web/editor-helpers';

/** Selects `phrase` in the open article (whose text is `text`) by dragging, tags it with label key `key`, and waits for the save; the phrase's range. */
export async function tagPhrase(page: Page, text: string, phrase: string, key: string): Promise<{ start: number; end: number }> {
  const range = find(text, phrase);
  await dragSelect(page, range.start, range.end);
  await page.keyboard.press(key);
  await waitSaved(page);
  return range;
}
