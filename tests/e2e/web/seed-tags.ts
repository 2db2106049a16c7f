import type { Page } from '@playwright/test';
import type { RunningHost } from '../support/host';
import type { ArticleDoc } from '../../../src/core/model/document';
import type { Annotation } from '../../../src/core/model/annotation';
import { applyCommand } from '../../../src/core/edits/apply';
import { createAnnotation, linkAnnotations, patchAnnotation } from '../../../src/core/edits/builders';
import type { DocCommand } from '../../../src/core/edits/commands';
import { api, find } from './editor-helpers';

/** The seed article the README pictures show: its title, and the tags an analyst would have made. */
export const SEED_TITLE = 'President Donald Trump said Monday';

/**
 * Claims, quotes with their speakers, actors, events, a nested span and a note, sent through the
 * api as the page sends them, by `author` (a second author makes a second layer to review).
 * Returns the article as it is afterwards.
 */
export async function tagSeedArticle(page: Page, host: RunningHost, articleId: string, author = 'Ana Analyst'): Promise<ArticleDoc> {
  const BY = { author, now: '2026-03-02T09:30:00.000Z' };
  let doc = await api<ArticleDoc>(page, host, 'getArticle', { id: articleId });
  const text = doc.article.text;
  const send = async (command: DocCommand) => {
    const next = applyCommand(doc, command);
    if (!next.ok) throw new Error(next.errors[0]!.message);
    doc = next.value;
    await api(page, host, 'applyEdit', { edit: { kind: 'doc', articleId, command } });
  };
  const tag = async (label: string, phrases: string[], from = 0): Promise<Annotation> => {
    const fragments = phrases.map((p) => find(text, p, from));
    const made = createAnnotation(doc, { label, fragments }, BY);
    if (!made.ok) throw new Error(made.errors[0]!.message);
    await send(made.value.command);
    return made.value.annotation;
  };
  const link = async (type: string, from: Annotation, to: Annotation) => {
    const made = linkAnnotations(doc, { type, from: from.id, to: to.id }, BY);
    if (!made.ok) throw new Error(made.errors[0]!.message);
    await send(made.value.command);
  };

  const trump = await tag('actor', ['President Donald Trump']);
  await tag('actor', ['Volodymyr Zelenskyy']);
  const putin = await tag('actor', ['Vladimir Putin']);
  const claim = await tag('claim', ['he is uncertain whether Ukraine’s Volodymyr Zelenskyy and Russia’s Vladimir Putin will meet soon']);
  await link('source', claim, trump);
  const quote = await tag('quote', ['“I don’t know that they’ll meet,”', '“Maybe they will, maybe they won’t.”']);
  const told = await tag('actor', ['Trump'], text.indexOf('Trump told'));
  await link('speaker', quote, told);
  const note = patchAnnotation(doc, quote.id, { note: 'Direct quote, split by the attribution.', attributes: { type: 'direct' } }, BY.now);
  if (!note.ok) throw new Error('note');
  await send(note.value);
  const hosted = await tag('event', ['he hosted Putin in Alaska']);
  await link('participant', hosted, trump);
  const summit = await tag('event', ['prospects for a summit remain distant']);
  await link('participant', summit, putin);
  await tag('quote', [
    '“There’s tremendous dislike personally between the two men, and we’re going to have to straighten that out, but I would like to see them meet first.”',
  ]);
  await tag('claim', ['Putin said Moscow was prepared to raise bilateral negotiations to the foreign minister level']);
  await tag('actor', ['Moscow'], text.indexOf('Putin said Moscow'));
  await tag('actor', ['Sergei Lavrov']);

  return doc;
}
