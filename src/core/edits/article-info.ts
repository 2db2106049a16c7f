import type { Article } from '../model/article';
import { TITLE_MAX } from '../model/article';
import { ArticleMetaSchema, META_LIMITS, normalisePublished } from '../model/article-meta';
import { fail, ok, type Problem, type Result } from '../model/result';
import { sameJson } from '../model/same-json';
import type { ArticleInfoPatch, Edit } from './commands';

/**
 * What an analyst asks to change about an article (the info panel, `lede set-meta`): a string per
 * field, '' to clear it; tags as a list, [] to clear them. Fields left out are left alone.
 */
export interface ArticleInfoChanges {
  title?: string;
  outlet?: string;
  url?: string;
  byline?: string;
  published?: string;
  language?: string;
  tags?: readonly string[];
}

const FIELD_NAMES: Record<keyof ArticleInfoChanges, string> = {
  title: 'title',
  outlet: 'outlet',
  url: 'URL',
  byline: 'byline',
  published: 'published date',
  language: 'language',
  tags: 'tags',
};

/**
 * The one invertible edit that makes `changes` (only the fields that differ), null when nothing
 * differs, or every problem with the values, each naming its field in the analyst's words. The
 * edit carries its time (`now`) as the article's infoChangedAt: a details edit is a change.
 */
export function articleInfoEdit(article: Article, changes: ArticleInfoChanges, now = new Date().toISOString()): Result<Edit | null> {
  const wanted: ArticleInfoPatch = {};
  const problems: Problem[] = [];
  const problem = (field: keyof ArticleInfoChanges, message: string) => problems.push({ message: `The ${FIELD_NAMES[field]} ${message}`, field });
  const text = (field: 'outlet' | 'url' | 'byline' | 'published' | 'language', value: string) => {
    const v = value.replace(/\s+/g, ' ').trim();
    if (v === '') return (wanted[field] = null);
    const normal = field === 'published' ? (normalisePublished(v) ?? v) : field === 'language' ? v.replace(/_/g, '-') : v;
    const parsed = ArticleMetaSchema.shape[field].safeParse(normal);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problem(
        field,
        issue.code === 'too_big' ? `can have at most ${META_LIMITS[field as 'outlet' | 'url' | 'byline' | 'language']} characters.` : `${issue.message}.`,
      );
    } else wanted[field] = normal;
    return undefined;
  };
  if (changes.title !== undefined) {
    const t = changes.title.replace(/\s+/g, ' ').trim();
    if (t === '') problem('title', 'cannot be empty.');
    else if (t.length > TITLE_MAX) problem('title', `can have at most ${TITLE_MAX} characters.`);
    else wanted.title = t;
  }
  for (const field of ['outlet', 'url', 'byline', 'published', 'language'] as const) {
    const value = changes[field];
    if (value !== undefined) text(field, value);
  }
  if (changes.tags !== undefined) {
    const tags: string[] = [];
    for (const raw of changes.tags) {
      const t = raw.replace(/\s+/g, ' ').trim();
      if (t === '') continue;
      if (t.length > META_LIMITS.tag) problem('tags', `can each have at most ${META_LIMITS.tag} characters ("${t.slice(0, 20)}…" is longer).`);
      else if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
    }
    if (tags.length > META_LIMITS.tags) problem('tags', `can be at most ${META_LIMITS.tags}.`);
    wanted.tags = tags.length ? tags : null;
  }
  if (problems.length > 0) return fail(...problems);
  const before: ArticleInfoPatch = {};
  const after: ArticleInfoPatch = {};
  const stored = article as Record<string, unknown>;
  for (const key of Object.keys(wanted) as (keyof ArticleInfoPatch)[]) {
    const now = stored[key] ?? null;
    if (sameJson(now, wanted[key] ?? null)) continue;
    (before as Record<string, unknown>)[key] = now;
    (after as Record<string, unknown>)[key] = wanted[key];
  }
  if (Object.keys(after).length === 0) return ok(null);
  before.infoChangedAt = article.infoChangedAt ?? null;
  after.infoChangedAt = now;
  return ok({ kind: 'doc', articleId: article.id, command: { op: 'article', before, after } });
}

/**
 * One undoable edit adding `tag` to every article that lacks it (a tag already there in any case
 * counts as there): a batch of the same article edits the info panel makes. Null when every
 * article has it; a problem when the tag is empty, too long, or an article would exceed the
 * number of tags allowed.
 */
export function addTagEdit(
  articles: readonly Pick<Article, 'id' | 'title' | 'tags' | 'infoChangedAt'>[],
  rawTag: string,
  now = new Date().toISOString(),
): Result<Edit | null> {
  const tag = rawTag.replace(/\s+/g, ' ').trim();
  if (tag === '') return fail({ message: 'The tag cannot be empty.', field: 'tags' });
  if (tag.length > META_LIMITS.tag) return fail({ message: `A tag can have at most ${META_LIMITS.tag} characters.`, field: 'tags' });
  const edits: Edit[] = [];
  for (const a of articles) {
    const tags = a.tags ?? [];
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) continue;
    if (tags.length >= META_LIMITS.tags)
      return fail({ message: `"${a.title}" has ${META_LIMITS.tags} tags already, the most an article can have; nothing was tagged.`, field: 'tags' });
    edits.push({
      kind: 'doc',
      articleId: a.id,
      command: {
        op: 'article',
        before: { tags: a.tags?.length ? [...a.tags] : null, infoChangedAt: a.infoChangedAt ?? null },
        after: { tags: [...tags, tag], infoChangedAt: now },
      },
    });
  }
  if (edits.length === 0) return ok(null);
  return ok(edits.length === 1 ? edits[0]! : { kind: 'batch', edits, label: `tag ${edits.length} articles “${tag}”` });
}
