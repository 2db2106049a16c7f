import { useEffect, useRef, useState } from 'react';
import { articleInfoEdit, type ArticleInfoChanges } from '../../../core/edits/article-info';
import type { Article } from '../../../core/model/article';
import { perform } from '../../state/editor-history';

/** The fields of the panel, in the order an analyst reads a dateline. */
const FIELDS = [
  { key: 'title', label: 'Title', placeholder: '' },
  { key: 'outlet', label: 'Outlet', placeholder: 'The Harbour Courier' },
  { key: 'byline', label: 'Byline', placeholder: 'Jane Okafor' },
  { key: 'published', label: 'Published', placeholder: '2026-12-02 or 2026-12-02T09:30Z' },
  { key: 'url', label: 'URL', placeholder: 'https://…' },
  { key: 'language', label: 'Language', placeholder: 'en, de, pt-BR' },
  { key: 'tags', label: 'Tags', placeholder: 'comma-separated' },
] as const;
type FieldKey = (typeof FIELDS)[number]['key'];

function formOf(article: Article): Record<FieldKey, string> {
  return {
    title: article.title,
    outlet: article.outlet ?? '',
    byline: article.byline ?? '',
    published: article.published ?? '',
    url: article.url ?? '',
    language: article.language ?? '',
    tags: (article.tags ?? []).join(', '),
  };
}

/** One line under the headline: outlet · byline · published date, as far as they are known. */
export function articleDateline(article: Article): string {
  return [article.outlet, article.byline, article.published?.slice(0, 10)].filter(Boolean).join(' · ');
}

/**
 * The article's details (title, outlet, byline, date, URL, language, tags), opened from the
 * article header. Saving makes one undoable edit (articleInfoEdit); a bad value is shown by its
 * field and nothing changes.
 */
export function ArticleInfo({ article, onClose }: { article: Article; onClose: () => void }) {
  const [form, setForm] = useState(() => formOf(article));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  // The title field takes the focus with the caret at its start: a long headline then reads from
  // its first word, not scrolled to its last.
  const title = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = title.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(0, 0);
    el.scrollLeft = 0;
  }, []);
  const save = () => {
    const changes: ArticleInfoChanges = { ...form, tags: form.tags.split(',') };
    const edit = articleInfoEdit(article, changes);
    if (!edit.ok) {
      setErrors(Object.fromEntries(edit.errors.map((e) => [e.field ?? 'title', e.message])));
      return;
    }
    setErrors({});
    if (edit.value && !perform(edit.value)) return;
    onClose();
  };
  return (
    <form
      className="article-info"
      aria-label="Article details"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      {FIELDS.map((f) => (
        <label key={f.key} className="article-info-field">
          <span>{f.label}</span>
          <input
            value={form[f.key]}
            placeholder={f.placeholder}
            aria-invalid={errors[f.key] ? true : undefined}
            ref={f.key === 'title' ? title : undefined}
            onChange={(e) => {
              setForm({ ...form, [f.key]: e.target.value });
              // A corrected value no longer carries the old complaint.
              if (errors[f.key]) setErrors({ ...errors, [f.key]: undefined });
            }}
          />
          {errors[f.key] && (
            <em className="article-info-error" role="alert">
              {errors[f.key]}
            </em>
          )}
        </label>
      ))}
      <div className="article-info-actions">
        <button type="submit" className="button primary">
          Save details
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
