import { linksOf } from '../../../core/model/links';
import type { Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import { findLabel, findRelationType, type LabelSchema } from '../../../core/model/label-schema';

/** What the hover card says about one span under the pointer (or the caret). */
export interface HoverEntry {
  id: string;
  label: string;
  labelIndex: number;
  color: string;
  author: string;
  quote: string;
  note: string;
  attributes: { name: string; value: string }[];
  links: string[];
}

const NOTE_EXCERPT = 120;
const QUOTE_EXCERPT = 60;

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The card's entries for the spans here, innermost first (as spansAt orders them). */
export function hoverEntries(doc: ArticleDoc, schema: LabelSchema, spans: readonly Annotation[]): HoverEntry[] {
  return spans.map((a) => {
    const label = findLabel(schema, a.label);
    const attributes = Object.entries(a.attributes).map(([id, value]) => {
      const def = label?.attributes.find((x) => x.id === id);
      return { name: def?.name ?? id, value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value) };
    });
    const links = linksOf(doc, a.id).map((l) => {
      const type = findRelationType(schema, l.relation.type)?.name ?? l.relation.type;
      const other = `“${excerpt(l.other.quote, QUOTE_EXCERPT)}”`;
      return l.direction === 'out' ? `${type} → ${other}` : `${other} → ${type} of this`;
    });
    return {
      id: a.id,
      label: label?.name ?? a.label,
      labelIndex: label ? schema.labels.indexOf(label) : -1,
      color: label?.color ?? '#888888',
      author: a.author,
      quote: excerpt(a.quote, QUOTE_EXCERPT),
      note: excerpt(a.note, NOTE_EXCERPT),
      attributes,
      links,
    };
  });
}
