import { annotationWith } from './checked';
import type { ImportedLabel } from '../api/exchange';
import type { Problem } from '../model/result';
import type { LabelSchema } from '../model/label-schema';
import type { AnnotationSet } from './types';

/**
 * Labels by meaning, not by spelling: how an imported set's labels land on the workspace's.
 *
 * Each of their labels resolves, in this order, to the label the analyst mapped it to
 * (`map`: their label → our label id or display name), else to our label whose id or display
 * name equals its id or display name ignoring case (brat `Actor`, doccano `ACTOR` → our
 * `actor`/"Actor"), else to nothing: it is added as a new label. So a display name is never
 * duplicated and a colleague's tags meet ours in the agreement figures.
 */
/** Their label id, its display name in the file, our label id it becomes (null: new), and how. */
export type LabelMatch = ImportedLabel;

const fold = (s: string) => s.trim().toLocaleLowerCase('en');

/** Our label named `name` (an id, else a display name; exact, else ignoring case). */
export function findOurLabel(schema: LabelSchema, name: string): string | null {
  const exact = schema.labels.find((l) => l.id === name) ?? schema.labels.find((l) => l.name === name);
  if (exact) return exact.id;
  const f = fold(name);
  return (schema.labels.find((l) => fold(l.id) === f) ?? schema.labels.find((l) => fold(l.name) === f))?.id ?? null;
}

/**
 * Resolves every label `used` (an incoming set's schema) against `ours`. An entry of `map` whose
 * left side names none of their labels, or whose right side none of ours, is a problem (said with
 * the labels there are), so a typo never quietly adds a label.
 */
export function matchLabels(ours: LabelSchema, used: LabelSchema, map: Readonly<Record<string, string>> = {}): { matches: LabelMatch[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const mapped = new Map<string, string>();
  for (const [left, right] of Object.entries(map)) {
    const theirs = used.labels.find((l) => l.id === left) ?? used.labels.find((l) => fold(l.id) === fold(left) || fold(l.name) === fold(left));
    if (!theirs) {
      problems.push({ field: 'map', message: `the files have no label "${left}" to map (their labels: ${used.labels.map((l) => l.id).join(', ') || 'none'})` });
      continue;
    }
    const target = findOurLabel(ours, right);
    if (!target) {
      problems.push({
        field: 'map',
        message: `the workspace has no label "${right}" to map "${left}" to (labels: ${ours.labels.map((l) => l.name).join(', ') || 'none'})`,
      });
      continue;
    }
    mapped.set(theirs.id, target);
  }
  const matches: LabelMatch[] = [];
  // Two new labels of theirs that differ only in case become one, under the first spelling.
  const newByName = new Map<string, string>();
  for (const label of used.labels) {
    const explicit = mapped.get(label.id);
    if (explicit !== undefined) {
      matches.push({ theirs: label.id, name: label.name, ours: explicit, how: 'mapped' });
      continue;
    }
    const same = ours.labels.find((l) => l.id === label.id);
    const found = same?.id ?? findOurLabel(ours, label.id) ?? (label.name !== label.id ? findOurLabel(ours, label.name) : null);
    if (found) {
      matches.push({ theirs: label.id, name: label.name, ours: found, how: same ? 'same' : 'case' });
      continue;
    }
    const twin = newByName.get(fold(label.name)) ?? newByName.get(fold(label.id));
    if (twin !== undefined) matches.push({ theirs: label.id, name: label.name, ours: twin, how: 'case' });
    else {
      newByName.set(fold(label.name), label.id);
      newByName.set(fold(label.id), label.id);
      matches.push({ theirs: label.id, name: label.name, ours: null, how: 'new' });
    }
  }
  return { matches, problems };
}

/**
 * The set with its labels renamed to the matched ones: annotation labels, label definitions
 * (a label that lands on an existing one keeps only its attributes, which join ours), relation
 * ends. New labels keep their own id, except a case twin of another new one.
 */
export function relabelSet(set: AnnotationSet, matches: readonly LabelMatch[]): AnnotationSet {
  const to = new Map<string, string>();
  for (const m of matches) to.set(m.theirs, m.ours ?? m.theirs);
  const rename = (id: string) => to.get(id) ?? id;
  if ([...to].every(([a, b]) => a === b)) return set;
  const seen = new Set<string>();
  const labels = [];
  for (const l of set.schema.labels) {
    const id = rename(l.id);
    if (seen.has(id)) continue;
    seen.add(id);
    // A label landing on one of ours keeps our name and colour: schemaWith leaves existing labels alone.
    labels.push({ ...l, id });
  }
  return {
    ...set,
    documents: set.documents.map((d) => ({
      ...d,
      annotations: d.annotations.map((a) => (to.has(a.label) && rename(a.label) !== a.label ? annotationWith(a, { label: rename(a.label) }) : a)),
    })),
    schema: {
      labels,
      relationTypes: set.schema.relationTypes.map((r) => ({ ...r, from: [...new Set(r.from.map(rename))], to: [...new Set(r.to.map(rename))] })),
    },
  };
}
