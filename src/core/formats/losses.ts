import type { ArticleDoc } from '../model/document';

/** What an export can leave out, by kind; a format's serializer names the kinds it cannot hold. */
export type LossKind = 'links' | 'link notes' | 'notes' | 'attributes' | 'discontinuity' | 'normalizations';

/**
 * One line per kind of thing the documents hold that the format cannot, with its count (links
 * per type), in the analyst's words: e.g. `4 links of type "cites": CoNLL has no links; not
 * exported`. Counted over exactly the documents exported, so an export that loses nothing says nothing.
 */
export function lossReport(docs: readonly ArticleDoc[], format: string, kinds: readonly LossKind[]): string[] {
  const lost = new Set(kinds);
  const linkTypes = new Map<string, number>();
  let linkNotes = 0;
  let notes = 0;
  let attributes = 0;
  let discontinuous = 0;
  let normalizations = 0;
  for (const doc of docs) {
    const present = new Set(doc.annotations.map((a) => a.id));
    for (const r of doc.relations) {
      if (!present.has(r.from) || !present.has(r.to)) continue;
      linkTypes.set(r.type, (linkTypes.get(r.type) ?? 0) + 1);
      if (r.note) linkNotes++;
    }
    for (const a of doc.annotations) {
      if (a.note) notes++;
      if (Object.values(a.attributes).some((v) => v !== false)) attributes++;
      if (a.fragments.length > 1) discontinuous++;
      if (a.normalizations?.length) normalizations++;
    }
  }
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const out: string[] = [];
  if (lost.has('links'))
    for (const [type, count] of [...linkTypes].sort()) out.push(`${n(count, 'link')} of type "${type}": ${format} has no links; not exported`);
  if (lost.has('link notes') && !lost.has('links') && linkNotes) out.push(`${n(linkNotes, 'note')} on links: ${format} has no place for them; not exported`);
  if (lost.has('notes') && notes) out.push(`${n(notes, 'annotation note')}: ${format} has no notes; not exported`);
  if (lost.has('attributes') && attributes) out.push(`attributes of ${n(attributes, 'annotation')}: ${format} has no attributes; not exported`);
  if (lost.has('discontinuity') && discontinuous)
    out.push(`${n(discontinuous, 'discontinuous annotation')}: ${format} writes each piece as a span of its own, so they no longer read as one`);
  if (lost.has('normalizations') && normalizations)
    out.push(`normalisations (entity links) of ${n(normalizations, 'annotation')}: ${format} has no place for them; not exported`);
  return out;
}
