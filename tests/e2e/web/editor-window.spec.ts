import type { Page } from '@playwright/test';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { LabelSchema } from '../../../src/core/model/label-schema';
import type { WorkspaceInfo } from '../../../src/core/api';
import { test, expect } from '../support/host';
import { api, dragSelect, expectedRanges, openArticle, paintedRanges, putLayer, start, waitSaved } from './editor-helpers';

/**
 * A long article with more annotations than the painter registers at once (issue 12): only those
 * near the viewport are painted, found through the painter's interval index. Whatever is on
 * screen must be painted exactly as stored — at the top, after scrolling to the end, and after a
 * tag — and what scrolled far away must be unregistered.
 */
const TITLE = 'A long report on the windows';
const PARAGRAPHS = 160;
const WORDS = 'officials in Geneva said the talks would resume after envoys disputed the figures on prisoner exchanges'.split(' ');

function longText(): string {
  const lines = [TITLE];
  for (let p = 0; p < PARAGRAPHS; p++) lines.push(Array.from({ length: 60 }, (_, w) => WORDS[(p * 7 + w) % WORDS.length]).join(' ') + '.');
  return lines.join('\n');
}

/** A brat layer: a claim on every fourth word, an actor nested in every third claim, 1,000+ in all. */
function layer(text: string): string {
  const lines: string[] = [];
  const words = [...text.matchAll(/[a-z]+/g)];
  let n = 0;
  words.forEach((m, i) => {
    if (i % 4) return;
    const next = words[i + 1];
    // Two words, unless the next is in the next paragraph (a brat line holds no line break).
    const end = next && !text.slice(m.index, next.index).includes('\n') ? next.index + next[0].length : m.index + m[0].length;
    lines.push(`T${++n}\tclaim ${m.index} ${end}\t${text.slice(m.index, end)}`);
    if (i % 12 === 0) lines.push(`T${++n}\tactor ${m.index} ${m.index + m[0].length}\t${m[0]}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The text offsets on screen: from the first paragraph whose bottom is in view to the end of the last whose top is. */
function onScreen(page: Page): Promise<{ start: number; end: number }> {
  return page.evaluate(() => {
    const view = document.querySelector('.article-view')!.getBoundingClientRect();
    const ps = [...document.querySelectorAll<HTMLElement>('.article-text p[data-start]')];
    const shown = ps.filter((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom > view.top && r.top < view.bottom;
    });
    const last = shown.at(-1)!;
    return { start: Number(shown[0]!.dataset.start), end: Number(last.dataset.start) + last.textContent.length };
  });
}

/** Checks the screen against the store, waiting (polling) for the painter to catch up with a scroll or an edit. */
async function expectScreenPainted(page: Page, doc: ArticleDoc, schema: LabelSchema): Promise<string[]> {
  const { start, end } = await onScreen(page);
  const expected = expectedRanges(doc, schema);
  const inView = expected.filter((r) => {
    const [s, e] = r.split(':')[1]!.split('-').map(Number);
    return s! < end && e! > start;
  });
  await expect
    .poll(async () => {
      const now = new Set(await paintedRanges(page));
      return inView.filter((r) => !now.has(r));
    })
    .toEqual([]);
  const now = await paintedRanges(page);
  // Nothing painted that the store does not hold, and far from everything: the window is on.
  expect(now.filter((r) => !expected.includes(r))).toEqual([]);
  expect(now.length).toBeLessThan(expected.length / 2);
  return now;
}

test('a long article paints what is on screen as stored, at the top, at the end and after a tag, and unregisters what scrolled away', async ({
  page,
  host,
}) => {
  await start(page, host);
  const text = longText();
  await api(page, host, 'importArticles', { files: [{ name: 'windows.txt', base64: Buffer.from(text).toString('base64') }] });
  const summary = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.title === TITLE)!;
  const info = await api<WorkspaceInfo>(page, host, 'getWorkspace');
  const schema = info.labelSchema;
  const imported = await api<ArticleDoc>(page, host, 'getArticle', { id: summary.id });
  await putLayer(page, host, imported, layer(imported.article.text), 'Ana Analyst');
  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id: summary.id });
  expect(doc.annotations.length).toBeGreaterThan(1000);

  await page.reload();
  await openArticle(page, TITLE);
  const atTop = await expectScreenPainted(page, doc, schema);

  // To the end: the end is painted, and the top's ranges are no longer registered.
  await page.locator('.article-view').evaluate((v) => (v.scrollTop = v.scrollHeight));
  const atEnd = await expectScreenPainted(page, doc, schema);
  const firstParagraphEnd = text.indexOf('\n', TITLE.length + 1);
  const topOnly = atTop.filter((r) => Number(r.split(':')[1]!.split('-')[1]) <= firstParagraphEnd);
  expect(topOnly.length).toBeGreaterThan(0);
  expect(atEnd.filter((r) => topOnly.includes(r))).toEqual([]);

  // A tag near the end: the new span is painted with the rest, as stored.
  const last = doc.article.text.lastIndexOf('officials');
  await dragSelect(page, last, last + 'officials'.length);
  await page
    .getByRole('toolbar', { name: 'Tag the selection' })
    .getByRole('button', { name: /^Quote/ })
    .click();
  await waitSaved(page);
  doc = await api<ArticleDoc>(page, host, 'getArticle', { id: summary.id });
  expect(doc.annotations.some((a) => a.label === 'quote' && a.fragments[0]!.start === last)).toBe(true);
  const afterTag = await expectScreenPainted(page, doc, schema);
  expect(
    afterTag.some((r) => r.endsWith(`:${last}-${last + 'officials'.length}`) && r.startsWith(`${schema.labels.findIndex((l) => l.id === 'quote')}:`)),
  ).toBe(true);
});
