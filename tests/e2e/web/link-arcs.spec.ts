import type { Page } from '@playwright/test';
import { test, expect } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import { linksOf } from '../../../src/core/model/links';
import { clickAt, openArticle, start } from './editor-helpers';
import { SEED_TITLE, tagSeedArticle } from './seed-tags';

/**
 * The names on link arcs never cover the article's text: with each linked annotation of the seed
 * article selected in turn, every arc's name box is measured against the box of every text line
 * on screen (the glyph boxes the browser reports for the paragraphs' text), at the widest and the
 * smallest window.
 */

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

async function measure(page: Page): Promise<{ labels: (Rect & { name: string })[]; lines: Rect[] }> {
  return page.evaluate(() => {
    const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const labels = [...document.querySelectorAll<SVGTextElement>('.link-arrows text')].map((t) => ({
      name: t.textContent ?? '',
      ...plain(t.getBoundingClientRect()),
    }));
    const lines: Rect[] = [];
    for (const p of document.querySelectorAll<HTMLElement>('.article-text p[data-start]')) {
      if (!p.firstChild) continue;
      const range = document.createRange();
      range.selectNodeContents(p);
      for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0) lines.push(plain(r));
    }
    return { labels, lines };
  });
}

const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const size of [
  { width: 1360, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`at ${size.width}×${size.height} no link-arc name covers a line of text`, async ({ page, host }) => {
    await start(page, host);
    const articleId = await openArticle(page, SEED_TITLE);
    const doc: ArticleDoc = await tagSeedArticle(page, host, articleId);
    await page.reload();
    await openArticle(page, SEED_TITLE);
    await page.setViewportSize(size);
    const linked = doc.annotations.filter((a) => linksOf(doc, a.id).length > 0);
    expect(linked.length).toBeGreaterThanOrEqual(5);
    let checked = 0;
    for (const a of linked) {
      await clickAt(page, a.fragments[0]!.start + 1);
      await expect(page.locator('.selected-box').first()).toBeVisible();
      const expected = linksOf(doc, a.id).length;
      await expect(page.locator('.link-arrows text')).toHaveCount(expected);
      const { labels, lines } = await measure(page);
      expect(lines.length).toBeGreaterThan(10);
      for (const label of labels) {
        expect(label.right - label.left, label.name).toBeGreaterThan(10);
        const covered = lines.filter((l) => overlap(label, l));
        expect(covered, `"${label.name}" of ${a.quote.slice(0, 30)} covers text at ${JSON.stringify(covered[0])}`).toEqual([]);
        checked++;
      }
      if (expected > 1) await page.screenshot({ path: test.info().outputPath(`arcs-${size.width}-${checked}.png`) });
      await page.keyboard.press('Escape');
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
}
