import type { AttributeValue } from '../model/annotation';
import { cloneJson } from '../model/clone';
import { assertNever } from '../model/never';
import {
  extendSchema,
  findLabel,
  findRelationType,
  generatedColor,
  recordAttributeValue,
  type AttributeDef,
  type LabelDef,
  type LabelSchema,
  type RelationTypeDef,
} from '../model/label-schema';

/**
 * Collects the labels, relation types and attributes an imported set uses, keeping definitions
 * the source gives (brat's annotation.conf, Lede JSON's schema) and inferring the rest from use:
 * a valueless brat attribute is a boolean, a valued one a choice among the values seen.
 */
export class SchemaCollector {
  private readonly labels = new Map<string, LabelDef>();
  private readonly relationTypes = new Map<string, RelationTypeDef>();

  label(id: string, kind: 'span' | 'event' = 'span'): LabelDef {
    let def = this.labels.get(id);
    if (!def) {
      def = { id, name: id, color: generatedColor(this.labels.size), key: '', kind, attributes: [] };
      this.labels.set(id, def);
    } else if (kind === 'event') def.kind = 'event';
    return def;
  }

  relationType(id: string, options: { equivalence?: boolean; from?: string; to?: string } = {}): RelationTypeDef {
    let def = this.relationTypes.get(id);
    if (!def) {
      def = { id, name: id, from: [], to: [] };
      this.relationTypes.set(id, def);
    }
    if (options.equivalence) def.equivalence = true;
    if (options.from && !def.from.includes(options.from)) def.from.push(options.from);
    if (options.to && !def.to.includes(options.to)) def.to.push(options.to);
    return def;
  }

  /** Records an attribute value seen on an annotation of `label`. */
  attributeValue(label: string, id: string, value: AttributeValue): void {
    recordAttributeValue(this.label(label), id, value);
  }

  /** Adds a whole definition from the source (kept as given when nothing is known yet). */
  defineLabel(def: LabelDef): void {
    if (!this.labels.has(def.id)) this.labels.set(def.id, cloneJson(def));
  }

  defineRelationType(def: RelationTypeDef): void {
    if (!this.relationTypes.has(def.id)) this.relationTypes.set(def.id, cloneJson(def));
  }

  build(): LabelSchema {
    return { labels: [...this.labels.values()], relationTypes: [...this.relationTypes.values()] };
  }
}

/**
 * The workspace schema extended with whatever an imported set uses and the workspace lacks.
 * Nothing existing is changed (a label keeps its name and colour); new labels get a generated
 * colour that fits the workspace, or the source's own with `keepColors` (AnnotationSet.colorsDefined,
 * set by Lede JSON); new attributes keep the source's type and values.
 */
export function schemaWith(workspace: LabelSchema, used: LabelSchema, options: { keepColors?: boolean } = {}): { schema: LabelSchema; added: string[] } {
  const wantedAttributes: { label: string; id: string; value: AttributeValue }[] = [];
  for (const label of used.labels) {
    for (const attr of label.attributes) {
      // A value of the attribute's type makes room for it; its definition is copied in below.
      const type = attr.type;
      switch (type) {
        case 'boolean':
          wantedAttributes.push({ label: label.id, id: attr.id, value: true });
          break;
        case 'choice':
          for (const value of attr.values?.length ? attr.values : ['']) wantedAttributes.push({ label: label.id, id: attr.id, value });
          break;
        case 'text':
        case 'date':
          wantedAttributes.push({ label: label.id, id: attr.id, value: '' });
          break;
        default:
          assertNever(type, 'attribute type');
      }
    }
  }
  const { schema, added } = extendSchema(workspace, {
    labels: used.labels.map((l) => ({ id: l.id, kind: l.kind })),
    relationTypes: used.relationTypes.map((r) => r.id),
    attributes: wantedAttributes,
  });
  const isNew = (what: string) => added.includes(what);
  for (const source of used.labels) {
    const target = findLabel(schema, source.id)!;
    if (isNew(`label ${source.id}`)) {
      target.name = source.name;
      if (options.keepColors) target.color = source.color;
      if (source.key && !schema.labels.some((l) => l !== target && l.key === source.key)) target.key = source.key;
    }
    for (const attr of source.attributes) {
      if (isNew(`attribute ${attr.id} on ${source.id}`)) replaceAttribute(target, attr);
    }
  }
  for (const source of used.relationTypes) {
    if (!isNew(`relation type ${source.id}`)) continue;
    const target = findRelationType(schema, source.id)!;
    Object.assign(target, cloneJson(source));
  }
  return { schema, added };
}

function replaceAttribute(label: LabelDef, def: AttributeDef): void {
  const i = label.attributes.findIndex((a) => a.id === def.id);
  const copy = cloneJson(def);
  if (copy.type !== 'choice') delete copy.values;
  if (i >= 0) label.attributes[i] = copy;
}
