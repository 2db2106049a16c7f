import { z } from 'zod';

/**
 * What an analyst knows about where an article came from: the outlet, its address, who wrote it,
 * when and in what language, and the analyst's own tags. Every field is optional (articles stored
 * before issue 17 have none) and bounded. Values read from files go through `cleanArticleMeta`,
 * which keeps what is valid and drops the rest: a page's odd meta tag never refuses its import.
 */
export const META_LIMITS = { outlet: 200, url: 2000, byline: 500, language: 35, tag: 100, tags: 50 } as const;

/** A calendar date, optionally with a time and zone (ISO 8601 as pages and front matter give it). */
const PUBLISHED = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A BCP 47 language tag in its common shape: "en", "de-CH", "zh-Hant-TW". */
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export const ArticleMetaSchema = z.object({
  outlet: z.string().min(1).max(META_LIMITS.outlet).optional(),
  url: z
    .string()
    .max(META_LIMITS.url)
    .regex(/^https?:\/\/\S+$/i, 'must be a web address starting with http:// or https://')
    .optional(),
  byline: z.string().min(1).max(META_LIMITS.byline).optional(),
  published: z.string().max(40).regex(PUBLISHED, 'must be a date such as 2026-12-02 (a time may follow: 2026-12-02T09:30Z)').optional(),
  language: z.string().max(META_LIMITS.language).regex(LANGUAGE, 'must be a language code such as en, de or pt-BR').optional(),
  tags: z.array(z.string().min(1).max(META_LIMITS.tag)).max(META_LIMITS.tags).optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export const ARTICLE_META_KEYS = ['outlet', 'url', 'byline', 'published', 'language', 'tags'] as const satisfies readonly (keyof ArticleMeta)[];

/** Raw values as a file offers them: anything may be missing, empty, too long or malformed. */
export interface RawArticleMeta {
  outlet?: string | null;
  url?: string | null;
  byline?: string | null;
  published?: string | null;
  language?: string | null;
  tags?: readonly (string | null | undefined)[] | null;
}

const oneLine = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Cuts to `max` UTF-16 units on a code point boundary. */
function clamp(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end).trimEnd();
}

/**
 * A published date in the schema's shape, or undefined. Accepts ISO dates and times as given,
 * and anything else `Date` can read unambiguously with a year ("Tue, 02 Dec 2026 09:30:00 GMT"),
 * which becomes its UTC date-time.
 */
export function normalisePublished(value: string | null | undefined): string | undefined {
  const s = oneLine(value);
  if (!s) return undefined;
  if (PUBLISHED.test(s)) return s;
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (iso) return normalisePublished(`${iso[1]}T${iso[2]}${iso[3] ?? ''}`);
  if (!/\b\d{4}\b/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString().replace('.000Z', 'Z') : undefined;
}

/** The valid part of `raw`: trimmed, clamped to the limits, malformed values dropped. */
export function cleanArticleMeta(raw: RawArticleMeta): ArticleMeta {
  const out: ArticleMeta = {};
  const outlet = clamp(oneLine(raw.outlet), META_LIMITS.outlet);
  if (outlet) out.outlet = outlet;
  const url = oneLine(raw.url);
  if (url && url.length <= META_LIMITS.url && ArticleMetaSchema.shape.url.safeParse(url).success) out.url = url;
  const byline = clamp(oneLine(raw.byline).replace(/^by\s+/i, ''), META_LIMITS.byline);
  if (byline) out.byline = byline;
  const published = normalisePublished(raw.published);
  if (published) out.published = published;
  const language = oneLine(raw.language).replace(/_/g, '-');
  if (language && ArticleMetaSchema.shape.language.safeParse(language).success) out.language = language;
  const tags: string[] = [];
  for (const tag of raw.tags ?? []) {
    const t = clamp(oneLine(tag), META_LIMITS.tag);
    if (t && !tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
    if (tags.length === META_LIMITS.tags) break;
  }
  if (tags.length > 0) out.tags = tags;
  return out;
}
