import type { Page } from '@playwright/test';
import { expect, type RunningHost } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { LabelSchema } from '../../../src/core/model/label-schema';
import { paragraphsOf } from '../../../src/core/text/paragraphs';
import type { Edit } from '../../../src/core/edits/commands';
import { parseBrat } from '../../../src/core/formats/brat';
import { decodeResult, isApiMethod } from '../../../src/core/api';

/** What the editor specs share: calling the api as the page does, and acting on text as an analyst does. */

/** Calls the api over HTTP and decodes the result from its form on the wire, as the page's client does. */
export async function api<T>(page: Page, host: RunningHost, method: string, args: object = {}): Promise<T> {
  const response = await page.request.post(`${host.origin}/api/${method}`, { data: args, headers: { 'x-lede-token': host.token } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return (isApiMethod(method) ? decodeResult(method, body.value as never) : body.value) as T;
}

/** Opens Lede and answers the first-run question with the analyst's name. */
export async function start(page: Page, host: RunningHost, name = 'Ana Analyst'): Promise<void> {
  await page.goto(host.url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Lede' });
  await expect(welcome).toBeVisible();
  await welcome.getByLabel('Your name').fill(name);
  await welcome.getByRole('button', { name: 'Start annotating' }).click();
  await expect(welcome).toBeHidden();
}

export async function openArticle(page: Page, title: string): Promise<string> {
  await page.locator('.article-item', { hasText: title }).click();
  await expect(page.locator('.article-header h1')).toContainText(title);
  return (await page.locator('.article-text').getAttribute('data-article-id'))!;
}

/** Opens Lede as a new analyst, then the article titled `title`: its id and text. */
export async function startOnArticle(page: Page, host: RunningHost, title: string): Promise<{ articleId: string; text: string }> {
  await start(page, host);
  const articleId = await openArticle(page, title);
  const text = (await api<ArticleDoc>(page, host, 'getArticle', { id: articleId })).article.text;
  return { articleId, text };
}

/** Viewport point of the middle of character `offset`, and that character's top and bottom. */
export async function charPoint(page: Page, offset: number): Promise<{ x: number; y: number; top: number; bottom: number }> {
  return page.evaluate((o) => {
    const p = [...document.querySelectorAll<HTMLElement>('.article-text p[data-start]')].filter((x) => Number(x.dataset.start) <= o).pop()!;
    const r = document.createRange();
    r.setStart(p.firstChild!, o - Number(p.dataset.start));
    r.setEnd(p.firstChild!, o - Number(p.dataset.start) + 1);
    const b = r.getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom };
  }, offset);
}

/** Viewport points of the left edge of character `start` and the right edge of character `end - 1`. */
async function edges(page: Page, start: number, end: number) {
  return page.evaluate(
    ([s, e]) => {
      const at = (offset: number) => {
        const ps = [...document.querySelectorAll<HTMLElement>('.article-text p[data-start]')];
        const p = ps.filter((x) => Number(x.dataset.start) <= offset).pop()!;
        return { node: p.firstChild!, local: offset - Number(p.dataset.start) };
      };
      const rect = (offset: number) => {
        const { node, local } = at(offset);
        const r = document.createRange();
        r.setStart(node, local);
        r.setEnd(node, local + 1);
        return r.getClientRects()[0]!;
      };
      // Bring the passage into view first: the mouse can only reach what is on screen.
      const first = at(s).node.parentElement!;
      const box = first.getBoundingClientRect();
      if (box.top < 80 || box.bottom > window.innerHeight - 80) first.scrollIntoView({ block: 'center' });
      const a = rect(s);
      const b = rect(e - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    [start, end] as const,
  );
}

/** Drags the mouse over [start, end) of the text, as an analyst selects a passage. */
export async function dragSelect(page: Page, start: number, end: number): Promise<void> {
  const p = await edges(page, start, end);
  await page.mouse.move(p.x1, p.y1);
  await page.mouse.down();
  await page.mouse.move((p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2, { steps: 4 });
  await page.mouse.move(p.x2, p.y2, { steps: 4 });
  await page.mouse.up();
}

/** Clicks just inside the left edge of character `offset` (puts the caret before it). */
export async function clickAt(page: Page, offset: number): Promise<void> {
  const p = await edges(page, offset, offset + 1);
  await page.mouse.click(p.x1, p.y1);
}

/** Offsets of the first occurrence of `phrase` (after `from`). */
export function find(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return { start, end: start + phrase.length };
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
}

/** The stored annotations and links, reduced to what must never change on reload or restart. */
export function essentials(doc: ArticleDoc) {
  return {
    annotations: doc.annotations.map((a) => ({ id: a.id, label: a.label, fragments: a.fragments, note: a.note, author: a.author, attributes: a.attributes })),
    relations: doc.relations.map((r) => ({ type: r.type, from: r.from, to: r.to })),
  };
}

/**
 * What the page has painted: every range in Lede's label highlights, as "labelIndex:start-end"
 * text offsets — to compare with what the store holds.
 */
export async function paintedRanges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const offset = (node: Node, local: number) => {
      const p = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))!.closest<HTMLElement>('p[data-start]')!;
      return Number(p.dataset.start) + local;
    };
    CSS.highlights.forEach((highlight, name) => {
      const m = /^lede-(\d+)-\d+$/.exec(name);
      if (!m) return;
      highlight.forEach((range) => {
        const r = range as Range;
        out.push(`${m[1]}:${offset(r.startContainer, r.startOffset)}-${offset(r.endContainer, r.endOffset)}`);
      });
    });
    return out.sort();
  });
}

/** The same strings computed from a stored document: each fragment cut at paragraph breaks. */
export function expectedRanges(doc: ArticleDoc, schema: LabelSchema): string[] {
  const paragraphs = paragraphsOf(doc.article.text);
  const out: string[] = [];
  for (const a of doc.annotations) {
    const index = schema.labels.findIndex((l) => l.id === a.label);
    for (const f of a.fragments) {
      for (const p of paragraphs) {
        const s = Math.max(f.start, p.start);
        const e = Math.min(f.end, p.start + p.text.length);
        if (e > s) out.push(`${index}:${s}-${e}`);
      }
    }
  }
  return out.sort();
}

/** Puts a layer on an article through the real api, as a colleague's brat file parsed by the real parser would arrive. */
export async function putLayer(page: Page, host: RunningHost, doc: ArticleDoc, ann: string, author: string): Promise<void> {
  const parsed = parseBrat({ txt: doc.article.text, ann, file: `${author}.ann`, author });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { annotations, relations } = parsed.value.documents[0]!;
  const edit: Edit = { kind: 'doc', articleId: doc.article.id, command: { op: 'insert', annotations, relations } };
  await api(page, host, 'applyEdit', { edit });
}
