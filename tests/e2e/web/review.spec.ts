import type { Page, Route } from '@playwright/test';
import { test, expect, type RunningHost } from '../support/host';
import { canonicalDoc } from '../../../src/core/edits/apply';
import { serializeBratDoc } from '../../../src/core/formats/brat';
import type { ArticleSummary } from '../../../src/core/model/article';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { LabelSchema } from '../../../src/core/model/label-schema';
import { api, putLayer, start, waitSaved } from './editor-helpers';

/**
 * An analyst reviews a colleague's tags on a seed article: the colleague's brat file and the
 * analyst's own tags go in (through the real api, parsed by the real brat parser — the annotation
 * import dialog does not exist yet), then everything else is done as an analyst would, with the
 * keyboard: step through the differences, settle each, accept the agreed ones, undo and redo, look
 * at the agreement figures and the disagreements behind them, and export the reviewed layer.
 */
const SEED = '000_d052c3cef2812ef5.txt';
const ANALYST = 'Ana Analyst';

// The colleague's brat standoff for the seed (code-point offsets; every character here is in the BMP).
const COLLEAGUE_ANN = [
  'T1\tactor 0 22\tPresident Donald Trump',
  'T2\tactor 69 88\tVolodymyr Zelenskyy',
  'T3\tactor 102 116\tVladimir Putin',
  'T4\tclaim 164 217\tdespite his repeated efforts to push for direct talks',
  'T5\tquote 219 252\t“I don’t know that they’ll meet,”',
  'T6\tactor 253 258\tTrump',
  'R1\tspeaker Arg1:T5 Arg2:T6',
  '',
].join('\n');

// The analyst's own tags of the same article.
const ANALYST_ANN = [
  'T1\tactor 10 22\tDonald Trump',
  'T2\tclaim 35 58\the is uncertain whether',
  'T3\tactor 69 88\tVolodymyr Zelenskyy',
  'T4\tclaim 102 116\tVladimir Putin',
  'T5\tquote 219 252\t“I don’t know that they’ll meet,”',
  'T6\tactor 253 258\tTrump',
  'R1\tspeaker Arg1:T5 Arg2:T6',
  '',
].join('\n');

async function reviewedLayer(page: Page, host: RunningHost, id: string) {
  const doc = await api<ArticleDoc>(page, host, 'getArticle', { id });
  return { doc, reviewed: doc.annotations.filter((a) => a.author === 'reviewed'), rejected: doc.annotations.filter((a) => a.author === 'reviewed (rejected)') };
}

/** The analyst's and the colleague's layers put on the seed, the seed opened from the URL, and the Review view opened. */
async function reviewSeedWithTwoLayers(page: Page, host: RunningHost) {
  await start(page, host, ANALYST);
  const seed = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.source === SEED)!;
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id });
  await putLayer(page, host, stored, COLLEAGUE_ANN, 'colleague');
  await putLayer(page, host, stored, ANALYST_ANN, ANALYST);
  // Open the seed straight from the URL (the editor then paints it once, on its own text).
  await page.goto(`${host.url}#${seed.id}`);
  await page.reload();
  await expect(page.locator('.article-item.current')).toContainText(SEED);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  return { seed, review: page.getByRole('main', { name: 'Review' }) };
}

test('review a colleague’s brat tags with the keyboard, settle every difference, export the reviewed layer', async ({ page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const { seed, review } = await reviewSeedWithTwoLayers(page, host);
  await expect(review.getByLabel('Layer A')).toHaveValue(ANALYST);
  await expect(review.getByLabel('Layer B')).toHaveValue('colleague');
  await expect(review.getByLabel('Reviewed layer')).toHaveValue('reviewed');
  const items = review.locator('.review-item');
  await expect(items).toHaveCount(4);
  await expect(items.locator('.item-class')).toHaveText(['boundary differs', 'only in A', 'label differs', 'only in B']);
  const progress = review.getByTestId('review-progress-article');
  await expect(progress).toHaveText('This article: 0 settled · 7 open');
  // Both layers are marked in one text: A underlined, B overlined.
  await expect(review.locator('.review-text .in-a').first()).toBeVisible();
  await expect(review.locator('.review-text .in-b').first()).toBeVisible();

  const card = review.getByRole('complementary', { name: 'Difference in focus' });
  const status = card.getByTestId('item-status');
  await page.keyboard.press('n');
  await expect(card.locator('.card-class')).toHaveText('boundary differs');
  await expect(card.locator('[data-side="a"] q')).toHaveText('Donald Trump');
  await expect(card.locator('[data-side="b"] q')).toHaveText('President Donald Trump');
  await expect(review.locator('.review-text [data-current]')).toBeVisible();

  // J / K step through every difference; N goes to the next open one.
  await page.keyboard.press('j');
  await expect(card.locator('.card-class')).toHaveText('only in A');
  await page.keyboard.press('k');
  await expect(card.locator('.card-class')).toHaveText('boundary differs');

  await page.keyboard.press('b'); // the colleague's longer span is right; on to the next open difference
  await expect(card.locator('.card-class')).toHaveText('only in A');
  await page.keyboard.press('r'); // "he is uncertain whether" is no claim
  await expect(card.locator('.card-class')).toHaveText('label differs');
  await page.keyboard.press('b'); // Putin is an actor
  await expect(card.locator('.card-class')).toHaveText('only in B');
  await page.keyboard.press('e'); // the colleague's claim, shortened by the reviewer
  const form = card.getByRole('form', { name: 'Edit the reviewed annotation' });
  await expect(form.getByLabel('Label')).toBeFocused();
  await form.getByLabel('Fragment 1 end').fill('191');
  await expect(form.locator('.fragment-preview')).toHaveText('despite his repeated effort');
  await form.getByLabel('Fragment 1 end').press('ArrowUp'); // one character further
  await expect(form.locator('.fragment-preview')).toHaveText('despite his repeated efforts');
  await form.getByLabel('Fragment 1 end').press('Enter');
  await expect(status).toHaveText('edited');
  await expect(progress).toHaveText('This article: 4 settled · 3 open');

  // The three agreed annotations in one step (their speaker link follows them), then undo and redo it.
  await page.keyboard.press('Shift+A');
  await expect(progress).toHaveText('This article: 7 settled · 0 open');
  await page.keyboard.press('Control+z');
  await expect(progress).toHaveText('This article: 4 settled · 3 open');
  await page.keyboard.press('Control+Shift+z');
  await expect(progress).toHaveText('This article: 7 settled · 0 open');
  await expect(review.getByTestId('review-progress-overall')).toContainText('7 settled · 0 open · 1 of 1 article done');
  await page.keyboard.press('n');
  await expect(page.getByRole('status').filter({ hasText: 'Every difference in this article is settled.' }).first()).toBeVisible();

  // Saved at once: the store holds the reviewed layer and the rejection's record.
  await waitSaved(page);
  const after = await reviewedLayer(page, host, seed.id);
  const text = after.doc.article.text;
  expect(after.reviewed.map((a) => `${a.label} ${text.slice(a.fragments[0]!.start, a.fragments[0]!.end)}`).sort()).toEqual([
    'actor President Donald Trump',
    'actor Trump',
    'actor Vladimir Putin',
    'actor Volodymyr Zelenskyy',
    'claim despite his repeated efforts',
    'quote “I don’t know that they’ll meet,”',
  ]);
  expect(after.rejected.map((a) => a.quote)).toEqual(['he is uncertain whether']);
  expect(after.doc.relations.filter((r) => r.author === 'reviewed').map((r) => r.type)).toEqual(['speaker']);

  // A reload shows the same review: its state is the documents themselves.
  await page.reload();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(review.getByTestId('review-progress-article')).toHaveText('This article: 7 settled · 0 open');
  await review.getByLabel('Which items to list').selectOption('all');
  await expect(review.locator('.review-item[data-status="open"]')).toHaveCount(0);

  // Agreement: figures for the two layers, the disagreements behind one, opened in place.
  await review.getByRole('tab', { name: 'Agreement' }).click();
  await expect(review.getByTestId('agreement-summary')).toContainText('2 annotators · 1 document compared');
  const labels = review.getByRole('table', { name: 'Agreement per label' });
  await expect(labels.getByRole('row', { name: /All labels/ })).toContainText('0.500');
  await labels
    .getByRole('row', { name: /All labels/ })
    .getByRole('button')
    .first()
    .click();
  const behind = review.getByRole('region', { name: 'Disagreements' });
  await expect(behind).toContainText('Behind Instance F1, all labels: 6 disagreements');
  // The figure listed is shown pressed, and only it: choosing another moves the mark.
  const allInstance = labels
    .getByRole('row', { name: /All labels/ })
    .getByRole('button')
    .first();
  const allToken = labels
    .getByRole('row', { name: /All labels/ })
    .getByRole('button')
    .nth(1);
  await expect(allInstance).toHaveAttribute('aria-pressed', 'true');
  await expect(labels.locator('.figure[aria-pressed="true"]')).toHaveCount(1);
  await allToken.click();
  await expect(behind).toContainText('Behind Token F1, all labels');
  await expect(allToken).toHaveAttribute('aria-pressed', 'true');
  await expect(allInstance).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: test.info().outputPath('agreement-figure-chosen.png') });
  // With one pair, its kappa names the pair, so a list kept after a third layer is ticked still says whose it is.
  await expect(
    labels
      .getByRole('row', { name: /^Claim/ })
      .getByRole('button')
      .nth(2),
  ).toHaveAttribute('title', /^Cohen's kappa, Claim, Ana Analyst and colleague:/);
  await allInstance.click();
  await expect(behind).toContainText('Behind Instance F1, all labels: 6 disagreements');
  const downloadJson = page.waitForEvent('download');
  await review.getByRole('button', { name: 'Download JSON' }).click();
  const json = JSON.parse(await (await (await downloadJson).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(json.coders).toEqual([ANALYST, 'colleague']);
  expect(json.instance_f1.mean_f1).toBeCloseTo(0.5, 12);
  const downloadMd = page.waitForEvent('download');
  await review.getByRole('button', { name: 'Download Markdown' }).click();
  expect((await downloadMd).suggestedFilename()).toMatch(/^agreement-.*\.md$/);
  // With the reviewed layer measured too there are three annotators: the pairwise heatmap appears.
  await review.getByRole('checkbox', { name: 'reviewed' }).check();
  const heatmap = review.getByRole('region', { name: 'Pairwise agreement' });
  await expect(heatmap).toBeVisible();
  // Every layer has the one speaker link, between the same spans: link F1 is 1 for every pair.
  await heatmap.getByLabel('Heatmap figure').selectOption('link');
  await expect(heatmap.locator('.heat-cell')).toHaveText(['1.00', '1.00', '1.00', '1.00', '1.00', '1.00']);
  await heatmap.getByLabel('Heatmap figure').selectOption('instance');
  await review.getByRole('checkbox', { name: 'reviewed' }).uncheck();
  await labels
    .getByRole('row', { name: /All labels/ })
    .getByRole('button')
    .first()
    .click();
  await behind.getByRole('button', { name: /Claim only Ana Analyst Vladimir Putin/ }).click();
  await expect(card.locator('.card-class')).toHaveText('label differs');

  // The reviewed layer is a normal layer: it exports like any other (here brat, through core's serializer).
  const schema = (await api<{ labelSchema: LabelSchema }>(page, host, 'getWorkspace')).labelSchema;
  const exported = serializeBratDoc(canonicalDoc(after.doc), schema, { author: 'reviewed' });
  expect(exported.ann).toContain('actor 0 22\tPresident Donald Trump');
  expect(exported.ann).toContain('claim 164 192\tdespite his repeated efforts');
  expect(exported.ann).toMatch(/R1\tspeaker Arg1:T\d+ Arg2:T\d+/);
  expect(exported.ann).not.toContain('he is uncertain whether');
  expect(pageErrors).toEqual([]);
});

test('the toolbar stays put when the reviewed layer, longer named than A and B, joins their choices', async ({ page, host }) => {
  const { review } = await reviewSeedWithTwoLayers(page, host);
  await expect(review.getByLabel('Layer B')).toHaveValue('colleague');
  const reviewedName = 'adjudicated by the night desk';
  await review.getByLabel('Reviewed layer').fill(reviewedName);
  await review.getByLabel('Reviewed layer').press('Enter');
  const toolbar = () => Promise.all(['Layer A', 'Layer B', 'Reviewed layer', 'Scope'].map((name) => review.getByLabel(name).boundingBox()));
  const before = await toolbar();
  await review.locator('.review-item').first().click();
  await page.keyboard.press('b');
  await waitSaved(page);
  await expect(review.getByLabel('Layer A').locator('option', { hasText: reviewedName })).toHaveCount(1);
  expect(await toolbar()).toEqual(before);
  // The whole name is still there to read, on the option and as the select's tooltip once chosen.
  await review.getByLabel('Layer A').selectOption(reviewedName);
  await expect(review.getByLabel('Layer A')).toHaveAttribute('title', reviewedName);
});

// A third layer for the agreement tests: the night desk tagged only the three names.
const DESK = 'night desk';
const DESK_ANN = ['T1\tactor 0 22\tPresident Donald Trump', 'T2\tactor 69 88\tVolodymyr Zelenskyy', 'T3\tactor 102 116\tVladimir Putin', ''].join('\n');

/** The seed with the analyst's, the colleague's and the night desk's layers, the Agreement tab open on all three. */
async function agreementOverThreeLayers(page: Page, host: RunningHost) {
  const { seed, review } = await reviewSeedWithTwoLayers(page, host);
  await putLayer(page, host, await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id }), DESK_ANN, DESK);
  await page.reload();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await review.getByRole('tab', { name: 'Agreement' }).click();
  await expect(review.getByTestId('agreement-summary')).toContainText('3 annotators · 1 document compared');
  return review;
}

/**
 * Holds the host's answers to agreementReport until `release()`: the recompute after a layer is
 * ticked or unticked is then under way for as long as the test needs, and a click lands on the
 * figures shown before it, as a quick analyst's click does on a big workspace.
 */
async function holdRecompute(page: Page) {
  const held: Route[] = [];
  await page.route('**/api/agreementReport', (route) => void held.push(route));
  return {
    started: () => expect.poll(() => held.length).toBe(1),
    async release() {
      for (const route of held.splice(0)) await route.continue();
      await page.unroute('**/api/agreementReport');
    },
  };
}

test('a figure clicked while the figures are recomputed for the layers just ticked stays chosen: its disagreements come from the new figures', async ({
  page,
  host,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const review = await agreementOverThreeLayers(page, host);
  const summary = review.getByTestId('agreement-summary');
  const heatmap = review.getByRole('region', { name: 'Pairwise agreement' });
  const allLabels = review.getByRole('table', { name: 'Agreement per label' }).getByRole('row', { name: /All labels/ });
  const behind = review.getByRole('region', { name: 'Disagreements' });
  const hint = review.getByText('Click any figure to list the disagreements behind it.');
  await expect(hint).toBeVisible();

  // Unticked: the click lands on the three-layer figures while the two-layer ones are computed,
  // where the analyst aimed before ticking (the figures do not move when the recompute starts).
  const figure = allLabels.getByRole('button').first();
  const aimed = (await figure.boundingBox())!;
  const recompute = await holdRecompute(page);
  await review.getByRole('checkbox', { name: DESK }).uncheck();
  await recompute.started();
  await expect(summary).toContainText('3 annotators · 1 document compared · 431 tokens · computing the figures again…');
  await expect(heatmap).toBeVisible();
  expect(await figure.boundingBox()).toEqual(aimed);
  await page.mouse.click(aimed.x + aimed.width / 2, aimed.y + aimed.height / 2);
  await recompute.release();
  await expect(summary).toContainText('2 annotators · 1 document compared');
  await expect(behind).toContainText('Behind Instance F1, all labels: 6 disagreements');
  // Every one of the pair Ana Analyst / colleague: none of the night desk's, whose layer is no longer measured.
  await expect(behind.locator('.dis-who')).toHaveText([
    'only colleague',
    'only Ana Analyst',
    'only Ana Analyst',
    'only Ana Analyst',
    'only colleague',
    'only colleague',
  ]);

  // Ticked again, the toggle and the click in one task (before the page even asks for the figures).
  await page.evaluate(
    ([desk]) => {
      const box = [...document.querySelectorAll<HTMLLabelElement>('.layer-check')].find((l) => l.textContent?.trim() === desk)!.querySelector('input')!;
      box.click();
      const row = [...document.querySelectorAll('.agreement-table tr.overall')][0]!;
      row.querySelectorAll<HTMLButtonElement>('button.figure')[1]!.click();
    },
    [DESK],
  );
  await expect(summary).toContainText('3 annotators · 1 document compared');
  await expect(behind).toContainText('Behind Token F1, all labels:');
  await expect(behind.locator('.dis-who').filter({ hasText: DESK }).first()).toBeVisible();

  // A pair cell whose layer is then unticked: the pair is gone from the new figures, and so is the choice.
  await heatmap
    .getByTitle(/^Instance F1, colleague \/ night desk:/)
    .first()
    .click();
  await expect(behind).toContainText('Behind Instance F1, colleague / night desk:');
  const again = await holdRecompute(page);
  await review.getByRole('checkbox', { name: DESK }).uncheck();
  await again.started();
  // While the figures are recomputed the old layers' rows are gone (the list is for the layers measured).
  await expect(behind).toHaveText('Behind Instance F1, colleague / night desk: …');
  await again.release();
  await expect(summary).toContainText('2 annotators · 1 document compared');
  await expect(behind).toBeHidden();
  await expect(hint).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('whole-workspace review: N moves on to the next article, links wait for their ends, reopen and undo', async ({ page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await start(page, host, ANALYST);
  const summaries = await api<ArticleSummary[]>(page, host, 'listArticles');
  const first = await api<ArticleDoc>(page, host, 'getArticle', { id: summaries.find((a) => a.source === SEED)!.id });
  const second = await api<ArticleDoc>(page, host, 'getArticle', { id: summaries.find((a) => a.source === '001_404523ca2faaa758.txt')!.id });
  const shared = ['T1\tactor 69 88\tVolodymyr Zelenskyy', 'T2\tquote 219 252\t“I don’t know that they’ll meet,”', 'T3\tactor 253 258\tTrump'];
  await putLayer(page, host, first, [...shared, 'R1\tspeaker Arg1:T2 Arg2:T3', ''].join('\n'), ANALYST);
  await putLayer(page, host, first, [...shared, 'T4\tactor 102 116\tVladimir Putin', ''].join('\n'), 'colleague');
  await putLayer(page, host, second, 'T1\tactor 0 11\tThe Kremlin\n', ANALYST);
  await putLayer(page, host, second, 'T1\tactor 4 11\tKremlin\n', 'colleague');
  await page.goto(`${host.url}#${first.article.id}`);
  await page.reload();
  await expect(page.locator('.article-item.current')).toContainText(SEED);

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('main', { name: 'Review' });
  await review.getByLabel('Scope').selectOption('workspace');
  await expect(review.getByRole('navigation', { name: 'Articles to review' }).locator('.article-item')).toHaveCount(2);
  const card = review.getByRole('complementary', { name: 'Difference in focus' });
  const status = card.getByTestId('item-status');

  await page.keyboard.press('n');
  await expect(card.locator('.card-class')).toHaveText('only in B');
  await page.keyboard.press('a'); // A has nothing here: refused beside the item, with the reason, and the focus stays
  await expect(card.getByTestId('item-notice')).toHaveText('Only B has this annotation: B takes it, R rejects it.');
  await expect(card.locator('.card-class')).toHaveText('only in B');
  await page.keyboard.press('b');
  // The link comes after both its ends (the quote at 219 and its speaker at 253).
  await expect(card.locator('.card-class')).toHaveText('link only in A');
  await page.keyboard.press('a'); // its ends are not in the reviewed layer yet: offered, not refused
  await expect(card.getByTestId('item-notice')).toContainText('Its ends are not in the reviewed layer yet: press A again');
  await expect(status).toHaveText('open');
  await page.keyboard.press('Shift+A');
  await page.keyboard.press('a');
  await expect(review.getByTestId('review-progress-overall')).toContainText('5 settled · 1 open · 1 of 2 articles done');

  // Nothing is left open here: the decision moved the focus on into the next article.
  await expect(review.locator('.review-text-scroll h1')).toContainText('The Kremlin has downplayed');
  await expect(card.locator('.card-class')).toHaveText('boundary differs');
  await page.keyboard.press('a');
  await expect(status).toHaveText('accepted A');
  const overall = review.getByTestId('review-progress-overall');
  await expect(overall).toContainText('6 settled · 0 open · 2 of 2 articles done');
  await page.keyboard.press('o');
  await expect(status).toHaveText('open');
  await expect(overall).toContainText('5 settled · 1 open · 1 of 2 articles done');
  await page.keyboard.press('Control+z');
  await expect(status).toHaveText('accepted A');
  await expect(overall).toContainText('2 of 2 articles done');

  // Back in the editor, the reviewed layer is an ordinary layer of the article.
  await waitSaved(page);
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await expect(page.locator('.article-header h1')).toContainText('The Kremlin has downplayed');
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: second.article.id });
  expect(stored.annotations.filter((a) => a.author === 'reviewed').map((a) => a.quote)).toEqual(['The Kremlin']);
  expect(pageErrors).toEqual([]);
});

test('every key means the same on every item: walk to the end with A/B/C/R, refusals say why and stay, the kept note is confirmed, undo restores all', async ({
  page,
  host,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await start(page, host, ANALYST);
  const seed = (await api<ArticleSummary[]>(page, host, 'listArticles')).find((a) => a.source === SEED)!;
  const stored = await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id });
  const quoteAndSpeaker = ['T2\tquote 219 252\t“I don’t know that they’ll meet,”', 'T3\tactor 253 258\tTrump'];
  await putLayer(
    page,
    host,
    stored,
    [
      'T1\tactor 10 22\tDonald Trump',
      '#1\tAnnotatorNotes T1\tcheck the title',
      'A1\tcertainty T1 high',
      ...quoteAndSpeaker,
      'R1\tspeaker Arg1:T2 Arg2:T3',
      'T4\tclaim 35 58\the is uncertain whether',
      'T5\tclaim 164 217\tdespite his repeated efforts to push for direct talks',
      '#2\tAnnotatorNotes T5\thedged',
      'A2\tcertainty T5 high',
      '',
    ].join('\n'),
    ANALYST,
  );
  await putLayer(
    page,
    host,
    stored,
    [
      'T1\tactor 0 22\tPresident Donald Trump',
      '#1\tAnnotatorNotes T1\tfull title',
      ...quoteAndSpeaker,
      'T4\tactor 102 116\tVladimir Putin',
      'T5\tclaim 164 217\tdespite his repeated efforts to push for direct talks',
      '#2\tAnnotatorNotes T5\tfirm',
      'A2\tcertainty T5 low',
      '',
    ].join('\n'),
    'colleague',
  );
  await page.goto(`${host.url}#${seed.id}`);
  await page.reload();
  await expect(page.locator('.article-item.current')).toContainText(SEED);
  const before = await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id });

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('main', { name: 'Review' });
  await expect(review.locator('.review-item .item-class')).toHaveText(['boundary differs', 'only in A', 'only in B', 'note / attribute', 'link only in A']);
  const card = review.getByRole('complementary', { name: 'Difference in focus' });
  const cls = card.locator('.card-class');
  const notice = card.getByTestId('item-notice');
  const progress = review.getByTestId('review-progress-article');
  await expect(progress).toHaveText('This article: 0 settled · 7 open');

  // 1. B's boundary, keeping A's note and attribute: shown first, changed, confirmed with B again.
  await page.keyboard.press('n');
  await expect(cls).toHaveText('boundary differs');
  const confirm = card.getByRole('form', { name: 'Confirm what is kept' });
  await page.keyboard.press('b');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape'); // cancelled: nothing decided, still here
  await expect(confirm).toBeHidden();
  await expect(card.getByTestId('item-status')).toHaveText('open');
  await page.keyboard.press('b');
  await expect(confirm.getByLabel('Kept note')).toHaveValue('full title\n\ncheck the title');
  await expect(confirm.getByLabel('Attribute certainty', { exact: true })).toHaveValue('high');
  await confirm.getByLabel('Attribute certainty', { exact: true }).fill('medium');
  await confirm.getByRole('button', { name: /Accept B with these/ }).focus();
  if (process.env.REVIEW_SHOTS) await page.screenshot({ path: `${process.env.REVIEW_SHOTS}/confirm.png` });
  await page.keyboard.press('b');

  // 2. Only A has it: B and C cannot apply — each says why beside the item, and nothing moves.
  await expect(cls).toHaveText('only in A');
  await page.keyboard.press('b');
  await expect(notice).toHaveText('Only A has this annotation: A takes it, R rejects it.');
  await expect(cls).toHaveText('only in A');
  await page.keyboard.press('c');
  await expect(notice).toHaveText('Only A has this annotation, so there is nothing to combine: A takes it, R rejects it.');
  await page.keyboard.press('o');
  await expect(notice).toHaveText('Nothing to reopen: this item has no decision yet.');
  await expect(cls).toHaveText('only in A');
  await expect(progress).toHaveText('This article: 1 settled · 6 open');
  await page.keyboard.press('r');

  // 3. Only B has it: A is refused, B takes it.
  await expect(cls).toHaveText('only in B');
  await page.keyboard.press('a');
  await expect(notice).toHaveText('Only B has this annotation: B takes it, R rejects it.');
  await page.keyboard.press('b');

  // 4. Same claim, different notes: C combines them into one annotation.
  await expect(cls).toHaveText('note / attribute');
  await page.keyboard.press('c');

  // 5. The speaker link only A has, after both its ends: B is refused; A offers its ends; A again takes all three.
  await expect(cls).toHaveText('link only in A');
  await page.keyboard.press('b');
  await expect(notice).toHaveText('Only A has this link: A keeps it, R rejects it.');
  await page.keyboard.press('e');
  await expect(notice).toHaveText('A link has no text or label to edit: A keeps it, R rejects it (edit its ends instead).');
  await expect(cls).toHaveText('link only in A');
  await page.keyboard.press('a');
  await expect(notice).toContainText('press A again to take them from A with the link (one undo step)');
  if (process.env.REVIEW_SHOTS) await page.screenshot({ path: `${process.env.REVIEW_SHOTS}/offer.png` });
  await expect(progress).toHaveText('This article: 4 settled · 3 open');
  await page.keyboard.press('a');
  await expect(progress).toHaveText('This article: 7 settled · 0 open');
  await expect(card.getByTestId('item-status')).toHaveText('accepted A');
  await expect(page.getByRole('status').filter({ hasText: 'Every difference in this article is settled.' }).first()).toBeVisible();

  await waitSaved(page);
  const after = await reviewedLayer(page, host, seed.id);
  const byQuote = new Map(after.reviewed.map((a) => [a.quote, a]));
  expect(byQuote.get('President Donald Trump')).toMatchObject({ note: 'full title\n\ncheck the title', attributes: { certainty: 'medium' } });
  expect(byQuote.get('despite his repeated efforts to push for direct talks')).toMatchObject({ note: 'hedged\n\nfirm', attributes: { certainty: 'high' } });
  expect([...byQuote.keys()].sort()).toEqual(
    ['President Donald Trump', 'Trump', 'Vladimir Putin', 'despite his repeated efforts to push for direct talks', '“I don’t know that they’ll meet,”'].sort(),
  );
  expect(after.doc.relations.filter((r) => r.author === 'reviewed').map((r) => r.type)).toEqual(['speaker']);
  expect(after.rejected.map((a) => a.quote)).toEqual(['he is uncertain whether']);

  // Agreement on links and attribute values, with the disagreements behind them, as for spans.
  await review.getByRole('tab', { name: 'Agreement' }).click();
  await review.getByRole('checkbox', { name: 'reviewed' }).uncheck();
  const linkTable = review.getByRole('table', { name: 'Agreement per link type' });
  await expect(linkTable.getByRole('row', { name: /speaker/ })).toContainText('0.000');
  await linkTable
    .getByRole('row', { name: /speaker/ })
    .getByRole('button')
    .click();
  const behind = review.getByRole('region', { name: 'Disagreements' });
  await expect(behind).toContainText('Behind Link F1, speaker: 1 disagreement');
  await expect(behind.getByRole('button')).toContainText(`only ${ANALYST}`);
  await behind.getByRole('button').click(); // opens the link itself in the Differences tab
  await expect(cls).toHaveText('link only in A');
  await review.getByRole('tab', { name: 'Agreement' }).click();
  const attributeTable = review.getByRole('table', { name: 'Agreement per attribute' });
  await attributeTable
    .getByRole('row', { name: /certainty/ })
    .getByRole('button')
    .click();
  await expect(behind).toContainText('Behind Attribute certainty: 1 disagreement');
  await expect(behind.getByRole('button')).toContainText(`certainty: ${ANALYST} high · colleague low`);
  if (process.env.REVIEW_SHOTS) await page.screenshot({ path: `${process.env.REVIEW_SHOTS}/agreement.png`, fullPage: true });
  await behind.getByRole('button').click();
  await expect(cls).toHaveText('note / attribute');

  // The rejected companion is nobody's layer: no chip, not drawn, not counted, until asked for.
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const chips = page.getByRole('group', { name: 'Filter annotations' }).locator('[aria-label="Authors shown"] .chip');
  const chipNames = async () => (await chips.allTextContents()).sort();
  await expect(chips).toHaveCount(3);
  expect(await chipNames()).toEqual([ANALYST, 'colleague', 'reviewed']);
  const shown = after.doc.annotations.filter((a) => a.author !== 'reviewed (rejected)').length;
  await expect(page.locator('.article-item.current .article-count')).toHaveText(String(shown));
  await expect(page.getByTestId('visible-count')).toHaveText(String(shown));
  await page.getByRole('checkbox', { name: 'Show review companions' }).check();
  await expect(chips).toHaveCount(4);
  expect(await chipNames()).toEqual([ANALYST, 'colleague', 'reviewed', 'reviewed (rejected)']);
  await expect(page.locator('.article-item.current .article-count')).toHaveText(String(shown + 1));
  await page.getByRole('checkbox', { name: 'Show review companions' }).uncheck();

  // Undo it all: five decisions, five steps (the link and its two ends were one), and the article is as before.
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(progress).toHaveText('This article: 4 settled · 3 open');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect(progress).toHaveText('This article: 0 settled · 7 open');
  await waitSaved(page);
  const undone = await api<ArticleDoc>(page, host, 'getArticle', { id: seed.id });
  expect(undone.annotations).toEqual(before.annotations);
  expect(undone.relations).toEqual(before.relations);
  expect(pageErrors).toEqual([]);
});
