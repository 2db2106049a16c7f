import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { canonicalDoc } from '../../../../../src/core/edits/apply';
import { schemaWith } from '../../../../../src/core/formats';
import type { Annotation, Fragment, Relation } from '../../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { selectorsFor } from '../../../../../src/core/text/selectors';
import type { InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { seedDocs } from '../../../core/formats/seeds';

const NOW = '2026-02-01T10:00:00.000Z';
export const EMOJI_TEXT = '🇫🇷 Paris 👩‍👩‍👧: the 𝒳-party leader 😀 said “we 🎉 won”, then 𠜎 left.\nA second line, with 😀 again.';
export const EMOJI_TAGGED = ['Paris', '𝒳-party leader', 'we 🎉 won', '😀', '𠜎'];

/**
 * Puts the seed annotations (quotes with two fragments, actors, a claim with a flag and a note,
 * an event with a date, speaker/source/participant links) on the stored seed articles as layer
 * `author`, plus an emoji article tagged with astral characters before and inside its spans, a
 * normalisation and a noted link. Returns the emoji article's id.
 */
export async function tagWorkspace(ws: Workspace, author = 'seed'): Promise<string> {
  const report = await ws.importArticleFiles([{ name: 'emoji.txt', bytes: new TextEncoder().encode(EMOJI_TEXT) }]);
  const emojiId = report.added[0]!.id;
  const stored = new Map<string, ArticleDoc>();
  for (const s of await ws.listArticles()) {
    const doc = await ws.getDoc(s.id);
    stored.set(doc.article.text, doc);
  }
  const docs: ArticleDoc[] = [];
  for (const generated of seedDocs()) {
    const target = stored.get(generated.article.text);
    if (!target) throw new Error(`seed ${generated.article.source} is not in the workspace`);
    docs.push(
      canonicalDoc({
        article: target.article,
        annotations: generated.annotations.map((a) => ({ ...a, author })),
        relations: generated.relations.map((r) => ({ ...r, author })),
      }),
    );
  }
  const emoji = (await ws.getDoc(emojiId)).article;
  const annotations = EMOJI_TAGGED.map((t, i) =>
    annotation(emoji.text, `emo_${i}`, i === 2 ? 'quote' : 'actor', [{ start: emoji.text.indexOf(t), end: emoji.text.indexOf(t) + t.length }], author),
  );
  annotations[0]!.normalizations = [{ resource: 'Wikidata', ref: 'Q90', text: 'Paris' }];
  annotations[2]!.note = 'said at the rally';
  const relations: Relation[] = [
    { id: 'emo_r', type: 'speaker', from: 'emo_2', to: 'emo_1', author, created: NOW, modified: NOW, note: 'speaker named before' },
  ];
  docs.push(canonicalDoc({ article: emoji, annotations, relations }));
  const used = { labels: ws.labelSchema().labels, relationTypes: ws.labelSchema().relationTypes };
  await ws.putDocs(docs, schemaWith(ws.labelSchema(), used).schema);
  return emojiId;
}

export function annotation(text: string, id: string, label: string, fragments: Fragment[], author: string): Annotation {
  return { id, label, fragments, ...selectorsFor(text, fragments), attributes: {}, note: '', author, created: NOW, modified: NOW };
}

/** What a layer of a document means, ids and times aside: every annotation and link, sorted. */
export function layerMeaning(doc: ArticleDoc, author: string, options: { fragments?: (f: Fragment[]) => Fragment[] } = {}): string[] {
  const span = (a: Annotation) =>
    `${a.label}@${(options.fragments ?? ((f) => f))(a.fragments)
      .map((f) => `${f.start}-${f.end}`)
      .join(',')}`;
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const out: string[] = [];
  for (const a of doc.annotations.filter((x) => x.author === author)) {
    const attrs = Object.entries(a.attributes)
      .filter(([, v]) => v !== false)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(';');
    out.push(`span ${span(a)} [${attrs}] note=${JSON.stringify(a.note)} norm=${JSON.stringify(a.normalizations ?? [])}`);
  }
  for (const r of doc.relations.filter((x) => x.author === author))
    out.push(`link ${r.type} ${span(byId.get(r.from)!)} -> ${span(byId.get(r.to)!)} note=${JSON.stringify(r.note ?? '')}`);
  return out.sort();
}

/** Export files as the CLI writes them and an analyst hands them back: paths and UTF-8 bytes. */
export function asInputs(files: readonly { path: string; content: string }[]): InputFile[] {
  return files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.content) }));
}

/** Every file of a workspace folder with its bytes (the lock aside): equal before and after means nothing changed. */
export function folderSnapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'lede.lock') out.set(relative(dir, full), readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return out;
}
