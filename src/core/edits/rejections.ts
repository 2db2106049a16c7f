import { fail, ok, type Result } from '../model/result';
import { MAX_REJECTIONS_PER_ARTICLE, type RejectedSuggestions, type Settings } from '../model/settings';
import type { Edit } from './commands';

type RejectionsStep = Extract<Edit, { kind: 'rejections' }>;

/**
 * The rejected suggestions after one step. Strict like every other edit, so that a step and its
 * inverse always give back what was there: an id it adds must not be rejected yet, an id it
 * removes must be. Each article's ids are a set kept as a list (new ones after the rest; the
 * order means nothing). An article left with none is dropped from the record.
 */
export function applyRejections(rejected: RejectedSuggestions, step: RejectionsStep): Result<RejectedSuggestions> {
  const current = rejected[step.articleId] ?? [];
  const have = new Set(current);
  const adding = new Set<string>();
  for (const id of step.add) {
    if (have.has(id) || adding.has(id)) return fail(`the suggestion ${id} is already rejected in ${step.articleId}`);
    adding.add(id);
  }
  const removing = new Set(step.remove);
  for (const id of removing) if (!have.has(id)) return fail(`the suggestion ${id} is not rejected in ${step.articleId}`);
  const next = [...current.filter((id) => !removing.has(id)), ...step.add];
  if (next.length > MAX_REJECTIONS_PER_ARTICLE) return fail(`an article keeps at most ${MAX_REJECTIONS_PER_ARTICLE} rejected suggestions`);
  const { [step.articleId]: _replaced, ...others } = rejected;
  return ok(next.length > 0 ? { ...others, [step.articleId]: next } : others);
}

/** The settings with these rejected suggestions (the field left out when there are none, as before suggestions). */
export function withRejections(settings: Settings, rejections: RejectedSuggestions): Settings {
  // Unchanged (no rejection step, or none stored and none left): the same settings object.
  if (settings.rejectedSuggestions === rejections || (!settings.rejectedSuggestions && Object.keys(rejections).length === 0)) return settings;
  const { rejectedSuggestions: _before, ...rest } = settings;
  return Object.keys(rejections).length > 0 ? { ...rest, rejectedSuggestions: rejections } : rest;
}
