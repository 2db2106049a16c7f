/**
 * Accepting a suggestion in the editor: the same mapping as `as-layer.ts` (quote → `quote`,
 * its named speaker → an `actor` span with a `speaker` link), as ONE insert command so accepting
 * is one undo step. An actor already tagged at the speaker's span is reused, not duplicated.
 * The new annotations carry the attribute `suggested: <rule>` so provenance survives export.
 * Kept out of index.ts: it needs the edit builders, and the worker bundle must stay small.
 */
import { createAnnotation, linkAnnotations, type Authoring } from '../edits/builders';
import type { DocCommand } from '../edits/commands';
import type { Annotation, Relation } from '../model/annotation';
import type { ArticleDoc } from '../model/document';
import type { Fragment } from '../model/fragments';
import { fail, ok, type Result } from '../model/result';
import { ACTOR_LABEL, QUOTE_LABEL, SPEAKER_LINK } from './as-layer';
import type { Suggestion } from './types';

export const SUGGESTED_ATTRIBUTE = 'suggested';

const key = (fragments: readonly Fragment[]) => fragments.map((f) => `${f.start}-${f.end}`).join(',');

/** The span a quote's speaker link goes to, if the suggestion names one. */
export function speakerSpan(s: Suggestion): Fragment | undefined {
  return s.speaker?.actor?.fragment ?? (s.speaker && !s.speaker.pronoun ? s.speaker.fragment : undefined);
}

/** Hides suggestions the analyst has rejected or already tagged (same label, same fragments). */
export function openSuggestions(doc: ArticleDoc, suggestions: readonly Suggestion[], rejected: ReadonlySet<string>): Suggestion[] {
  const tagged = new Set(doc.annotations.map((a) => `${a.label}|${key(a.fragments)}`));
  return suggestions.filter((s) => !rejected.has(s.id) && !tagged.has(`${s.kind === 'quote' ? QUOTE_LABEL : ACTOR_LABEL}|${key(s.fragments)}`));
}

export function acceptCommand(doc: ArticleDoc, s: Suggestion, by: Authoring): Result<{ command: DocCommand; annotation: Annotation }> {
  const attributes = { [SUGGESTED_ATTRIBUTE]: s.rule };
  const made = createAnnotation(doc, { label: s.kind === 'quote' ? QUOTE_LABEL : ACTOR_LABEL, fragments: s.fragments, attributes }, by);
  if (!made.ok) return made;
  // A known name is accepted linked to its registry entity.
  if (s.kind === 'actor' && s.entityId) made.value.annotation.entity = s.entityId;
  const annotations: Annotation[] = [made.value.annotation];
  const relations: Relation[] = [];
  const span = s.kind === 'quote' ? speakerSpan(s) : undefined;
  if (span) {
    let actor = doc.annotations.find((a) => a.label === ACTOR_LABEL && key(a.fragments) === key([span]));
    if (!actor) {
      const created = createAnnotation(doc, { label: ACTOR_LABEL, fragments: [span], attributes: { [SUGGESTED_ATTRIBUTE]: 'speaker-name' } }, by);
      if (!created.ok) return created;
      actor = created.value.annotation;
      if (s.speaker?.actor?.entityId && s.speaker.actor.fragment.start === span.start && s.speaker.actor.fragment.end === span.end)
        actor.entity = s.speaker.actor.entityId;
      annotations.push(actor);
    }
    const linked = linkAnnotations(
      { ...doc, annotations: [...doc.annotations, ...annotations] },
      { type: SPEAKER_LINK, from: made.value.annotation.id, to: actor.id },
      by,
    );
    if (!linked.ok) return fail(linked.errors[0]?.message ?? 'the speaker could not be linked');
    relations.push(linked.value.relation);
  }
  return ok({ command: { op: 'insert', annotations, relations }, annotation: made.value.annotation });
}
