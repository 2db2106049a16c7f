import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import { api, dragSelect, find, openArticle, start, waitSaved } from './editor-helpers';

/**
 * The browser host as a daily tool: restarting it on the same workspace serves the same link, so
 * a tab left open keeps working and edits made while it was down are saved once it is back; a page
 * opened without the link's token says how to get in; `--new-token` shuts old links out.
 */

const TITLE = 'President Donald Trump said Monday';

test('a tab left open across a host restart keeps its link, and an edit made while the host was down is saved when it is back', async ({ page, host }) => {
  await start(page, host);
  const articleId = await openArticle(page, TITLE);
  const url = host.url;
  const session = join(host.workspace, 'host-session.json');
  expect(statSync(session).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(session, 'utf8'))).toEqual({ port: Number(new URL(url).port), token: host.token });

  const { article } = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const span = find(article.text, 'Ukraine');

  // The analyst keeps working while the host is restarting: tag a phrase.
  await host.stop();
  await dragSelect(page, span.start, span.end);
  await page.keyboard.press('3');
  await expect(page.locator('[data-save-state="saving"]')).toHaveText('Waiting for Lede’s host…');
  await expect(page.getByText('Lede’s host is not reachable.', { exact: false })).toBeVisible();

  await host.start();
  expect(host.url).toBe(url);
  await waitSaved(page);
  await expect(page.getByText('Reconnected to Lede’s host.')).toBeVisible();
  await expect(page.getByText('Lede’s host is not reachable.', { exact: false })).toHaveCount(0);
  const saved = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  expect(saved.annotations.some((a) => a.label === 'actor' && a.fragments[0]!.start === span.start && a.fragments[0]!.end === span.end)).toBe(true);
});

test('a page opened without the session token explains how to get in instead of showing an empty workspace', async ({ page, host }) => {
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('heading', { name: 'Open Lede with its session link' })).toBeVisible();
  await expect(page.getByText('npm run web', { exact: false })).toBeVisible();
  await expect(page.locator('.article-item')).toHaveCount(0);
  await expect(page.getByText('All changes saved')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/session-link-needed.png' });
});

test('--new-token replaces the kept token: an old link is refused and explained, the new one opens the workspace', async ({ page, host }) => {
  const oldUrl = host.url;
  await host.stop();
  await host.start(['--new-token']);
  expect(host.token).not.toBe(new URL(oldUrl).searchParams.get('token'));
  expect(new URL(host.url).port).toBe(new URL(oldUrl).port);
  await page.goto(oldUrl);
  await expect(page.getByRole('heading', { name: 'Open Lede with its session link' })).toBeVisible();
  await page.goto(host.url);
  await expect(page.locator('.article-item')).toHaveCount(5);
});
