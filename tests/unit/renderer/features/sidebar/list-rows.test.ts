import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../../src/core/edits/apply';
import { createAnnotation, deleteAnnotations, linkAnnotations, unlink } from '../../../../../src/core/edits/builders';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../../src/core/model/label-schema';
import { buildRows, rowList } from '../../../../../src/renderer/features/sidebar/list-rows';

const TEXT = readFileSync(resolve(__dirname, '../../../../../seeds/000_d052c3cef2812ef5.txt'), 'utf8');
const BY = { author: 'ana', now: '2026-03-03T00:00:00.000Z' };

function tagged(): ArticleDoc {
  let doc: ArticleDoc = {
    article: { id: 'a_0', title: 't', source: 'seed', importedAt: BY.now, hash: '0'.repeat(64), text: TEXT },
    annotations: [],
    relations: [],
  };
  const add = (label: string, phrase: string) => {
    const start = TEXT.indexOf(phrase);
    const made = createAnnotation(doc, { label, fragments: [{ start, end: start + phrase.length }], id: `${label}-${start}` }, BY);
    if (!made.ok) throw new Error('setup');
    const next = applyCommand(doc, made.value.command);
    if (!next.ok) throw new Error('setup');
    doc = next.value;
    return made.value.annotation;
  };
  const actor = add('actor', 'Trump told');
  add('event', 'he hosted Putin in Alaska');
  const quote = add('quote', '“I don’t know that they’ll meet,”');
  add('custom', 'Sergei Lavrov');
  const link = linkAnnotations(doc, { type: 'speaker', from: quote.id, to: actor.id }, BY);
  if (!link.ok) throw new Error('setup');
  const linked = applyCommand(doc, link.value.command);
  if (!linked.ok) throw new Error('setup');
  return linked.value;
}

describe('sidebar rows', () => {
  it('groups by label in schema order, unknown labels last, each with its count', () => {
    const doc = tagged();
    const rows = buildRows(doc, doc.annotations, defaultLabelSchema());
    const groups = rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? `${r.name}:${r.count}` : ''));
    expect(groups).toEqual(['Quote:1', 'Actor:1', 'Event:1', 'custom:1']);
  });

  it('shows each link from both ends', () => {
    const doc = tagged();
    const rows = buildRows(doc, doc.annotations, defaultLabelSchema());
    const links = Object.fromEntries(rows.flatMap((r) => (r.kind === 'annotation' ? [[r.annotation.label, r.links]] : [])));
    expect(links.quote).toEqual(['Speaker → Trump told']);
    expect(links.actor).toEqual(['Speaker of ← “I don’t know that they’ll meet,”']);
  });

  it('lists only the annotations it is given (the filtered ones)', () => {
    const doc = tagged();
    const rows = buildRows(
      doc,
      doc.annotations.filter((a) => a.label === 'event'),
      defaultLabelSchema(),
    );
    expect(rows.map((r) => r.kind)).toEqual(['group', 'annotation']);
  });

  it('rows reused from earlier edits equal rows built from scratch, after any sequence of tags, links, unlinks and deletions', () => {
    const schema = defaultLabelSchema();
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('tag' as const),
        label: fc.constantFrom('claim', 'quote', 'actor', 'event'),
        at: fc.nat(TEXT.length - 40),
        len: fc.integer({ min: 1, max: 40 }),
      }),
      fc.record({ kind: fc.constant('link' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('unlink' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let doc = tagged();
        buildRows(doc, doc.annotations, schema);
        for (const e of edits) {
          const ids = doc.annotations.map((a) => a.id);
          const command =
            e.kind === 'tag'
              ? createAnnotation(doc, { label: e.label, fragments: [{ start: e.at, end: e.at + e.len }] }, BY)
              : e.kind === 'link' && ids.length > 1
                ? linkAnnotations(doc, { type: 'speaker', from: ids[e.from % ids.length]!, to: ids[e.to % ids.length]! }, BY)
                : e.kind === 'unlink' && doc.relations.length
                  ? unlink(doc, doc.relations[e.which % doc.relations.length]!.id)
                  : e.kind === 'delete' && ids.length
                    ? deleteAnnotations(doc, [ids[e.which % ids.length]!])
                    : null;
          if (!command?.ok) continue;
          const value = 'command' in command.value ? command.value.command : command.value;
          const next = applyCommand(doc, value);
          if (next.ok) doc = next.value;
          // Built after every edit, so the row cache carries rows from one edit to the next.
          buildRows(doc, doc.annotations, schema);
        }
        const fresh = structuredClone(doc);
        expect(buildRows(doc, doc.annotations, schema)).toEqual(buildRows(fresh, fresh.annotations, schema));
        // Each row's height, from the one array, as its row says (a link line on both ends' rows).
        const heights = rowList(doc, doc.annotations, schema).heights(30, (links) => 100 + links);
        expect([...heights]).toEqual(buildRows(fresh, fresh.annotations, schema).map((row) => (row.kind === 'group' ? 30 : 100 + row.links.length)));
      }),
      { numRuns: 150 },
    );
  });

  it('the lazy row list answers keys, headers, link counts and positions as the rows it would make', () => {
    const doc = tagged();
    const schema = defaultLabelSchema();
    const list = rowList(doc, doc.annotations, schema);
    const rows = buildRows(doc, doc.annotations, schema);
    expect(list.length).toBe(rows.length);
    rows.forEach((row, i) => {
      expect(list.isGroup(i)).toBe(row.kind === 'group');
      expect(list.key(i)).toBe(row.kind === 'group' ? `g-${row.labelId}` : row.annotation.id);
      expect(list.linkCount(i)).toBe(row.kind === 'group' ? 0 : row.links.length);
      expect(list.heights(30, (links) => 100 + links)[i]).toBe(row.kind === 'group' ? 30 : 100 + row.links.length);
      if (row.kind === 'annotation') expect(list.indexOf(row.annotation.id)).toBe(i);
    });
    expect(list.indexOf('no-such-id')).toBe(-1);
    expect(() => list.at(rows.length)).toThrow(RangeError);
  });
});
