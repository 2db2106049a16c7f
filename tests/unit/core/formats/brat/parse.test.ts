import { describe, expect, it } from 'vitest';
import { parseBrat } from '../../../../../src/core/formats/brat';
import type { AnnotationSet } from '../../../../../src/core/formats/types';
import { SHARED_MISSING_REASON, sharedAvailable } from '../../../../support/shared';
import { bratFixtures, readShared } from '../corpora';

const NOW = '2026-03-01T00:00:00.000Z';
const itShared = sharedAvailable ? it : it.skip;
if (!sharedAvailable) console.warn(SHARED_MISSING_REASON);

function parsed(txt: string, ann: string, conf?: string): AnnotationSet {
  const r = parseBrat({ txt, ann, file: 'doc.ann', author: 'ana', now: NOW, conf });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('parseBrat on brat’s own tutorial', () => {
  itShared('reads events, relations, attributes, notes and normalisations of 000-introduction', () => {
    const dir = 'corpora/brat-tutorial-news';
    const set = parsed(readShared(dir, '000-introduction.txt'), readShared(dir, '000-introduction.ann'), readShared(dir, 'annotation.conf'));
    const doc = set.documents[0]!;
    const byQuote = (q: string) => doc.annotations.find((a) => a.quote === q)!;
    // 7 T lines, one of them the trigger of E1: six spans plus one event.
    expect(doc.annotations).toHaveLength(7);
    const event = byQuote('moving');
    expect(event.label).toBe('Transfer-money');
    expect(set.schema.labels.find((l) => l.id === 'Transfer-money')!.kind).toBe('event');
    expect(event.attributes).toEqual({ Confidence: 'High' });
    const args = doc.relations.filter((r) => r.from === event.id).map((r) => [r.type, doc.annotations.find((a) => a.id === r.to)!.quote]);
    expect(args.sort()).toEqual(
      [
        ['Giver-Arg', 'Citibank'],
        ['Money-Arg', '$100 million'],
        ['Beneficiary-Arg', 'Raul Salinas de Gortari'],
        ['Recipient-Arg', 'banks'],
      ].sort(),
    );
    const family = doc.relations.find((r) => r.type === 'Family')!;
    expect([byQuote('Raul Salinas de Gortari').id, byQuote('former Mexican president').id]).toEqual([family.from, family.to]);
    expect(byQuote('$100 million').note).toBe('100000000 USD');
    expect(byQuote('Raul Salinas de Gortari').attributes).toEqual({ Mention: 'Name', Individual: true });
    expect(byQuote('former Mexican president').normalizations).toEqual([{ resource: 'Wikipedia', ref: '64488', text: 'Carlos Salinas de Gortari' }]);
    expect(doc.annotations.every((a) => a.author === 'ana' && a.created === NOW)).toBe(true);
    expect(set.report).toEqual([]);
  });

  itShared('keeps numbered roles as one role, event arguments that are events, equivalences and relation notes', () => {
    const dir = 'corpora/brat-tutorial-news';
    const conf = readShared(dir, 'annotation.conf');
    const merges = parsed(readShared(dir, '080-event-annotation.txt'), readShared(dir, '080-event-annotation.ann'), conf).documents[0]!;
    const e3 = merges.annotations.find((a) => a.fragments[0]!.start === 382)!;
    expect(merges.relations.filter((r) => r.from === e3.id).map((r) => r.type)).toEqual(['Org-Arg', 'Org-Arg', 'Org-Arg', 'Org-Arg']);

    const nested = parsed(readShared(dir, '090-event_structures.txt'), readShared(dir, '090-event_structures.ann'), conf).documents[0]!;
    const reported = nested.annotations.find((a) => a.quote === 'reported' && a.fragments[0]!.start === 313)!;
    const eventArg = nested.relations.find((r) => r.from === reported.id && r.type === 'Event-Arg')!;
    expect(nested.annotations.find((a) => a.id === eventArg.to)!.label).toBe('Merge-org');

    const aliases = parsed(readShared(dir, '060-relation_annotation.txt'), readShared(dir, '060-relation_annotation.ann'), conf);
    expect(aliases.schema.relationTypes.find((r) => r.id === 'Alias')!.equivalence).toBe(true);
    expect(aliases.documents[0]!.relations.filter((r) => r.type === 'Alias')).toHaveLength(2);

    const notes = parsed(readShared(dir, '110-note_annotation.txt'), readShared(dir, '110-note_annotation.ann'), conf).documents[0]!;
    expect(notes.relations.find((r) => r.note)!.note).toBe("Should this be marked? It's not explicitly stated.");
  });
});

describe('parseBrat on every brat file in the shared corpora', () => {
  itShared('imports each document and every T line keeps its exact text', () => {
    const fixtures = bratFixtures();
    expect(fixtures.length).toBeGreaterThan(80);
    for (const f of fixtures) {
      const r = parseBrat({ txt: f.txt, ann: f.ann, file: f.name, author: 'x', conf: f.conf });
      expect(r.ok, `${f.name}: ${r.ok ? '' : JSON.stringify(r.errors.slice(0, 2))}`).toBe(true);
      if (!r.ok) continue;
      const tLines = f.ann.split('\n').filter((l) => l.startsWith('T')).length;
      const eLines = f.ann.split('\n').filter((l) => l.startsWith('E')).length;
      const triggers = new Set(
        f.ann
          .split('\n')
          .filter((l) => l.startsWith('E'))
          .map((l) => l.split('\t')[1]!.split(' ')[0]!.split(':')[1]),
      );
      expect(r.value.documents[0]!.annotations).toHaveLength(tLines - triggers.size + eLines);
    }
  });
});

describe('parseBrat offsets', () => {
  it('counts code points, so spans after emoji select exactly the tagged text', () => {
    const txt = 'Fans 😀😀 cheered 𝒳 Ada Lovelace 🎉.';
    const ann = 'T1\tPerson 18 30\tAda Lovelace\nT2\tThing 5 7;16 17\t😀😀 𝒳\n';
    const doc = parsed(txt, ann).documents[0]!;
    const ada = doc.annotations.find((a) => a.label === 'Person')!;
    expect(txt.slice(ada.fragments[0]!.start, ada.fragments[0]!.end)).toBe('Ada Lovelace');
    const thing = doc.annotations.find((a) => a.label === 'Thing')!;
    expect(thing.fragments.map((f) => txt.slice(f.start, f.end))).toEqual(['😀😀', '𝒳']);
  });

  it('accepts a space in the text column for a line break inside the span', () => {
    const doc = parsed('one\ntwo', 'T1\tX 0 7\tone two\n').documents[0]!;
    expect(doc.annotations[0]!.quote).toBe('one\ntwo');
  });
});

describe('parseBrat bad input', () => {
  const bad = (ann: string, txt = 'Hello world') => {
    const r = parseBrat({ txt, ann, file: 'bad.ann', author: 'x' });
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it('names file, line, field and annotation for each problem, and reports every one', () => {
    const errors = bad('T1\tX 0 5\tHello\nT2\tX 6 99\tworld\nT3\tX 5 2\tx\nT4\tX 0 5\tJello\n');
    expect(errors).toEqual([
      expect.objectContaining({ file: 'bad.ann', line: 2, field: 'offsets', annotation: 'T2' }),
      expect.objectContaining({ file: 'bad.ann', line: 3, field: 'offsets', annotation: 'T3', message: expect.stringContaining('reversed') }),
      expect.objectContaining({ file: 'bad.ann', line: 4, field: 'text', annotation: 'T4' }),
    ]);
  });

  it('refuses malformed lines, duplicate ids and references that do not resolve', () => {
    expect(bad('T1 X 0 5 Hello\n')[0]).toMatchObject({ line: 1, field: 'id' });
    expect(bad('T1\tX 0 5\n')[0]).toMatchObject({ line: 1, field: 'columns' });
    expect(bad('T1\tX 0 five\tHello\n')[0]).toMatchObject({ line: 1, field: 'offsets' });
    expect(bad('T1\tX 0 5\tHello\nT1\tX 6 11\tworld\n')[0]).toMatchObject({ line: 2, field: 'id', annotation: 'T1' });
    expect(bad('T1\tX 0 5\tHello\nR1\tRel Arg1:T1 Arg2:T9\t\n')[0]).toMatchObject({ line: 2, annotation: 'R1', message: 'T9 is not defined' });
    expect(bad('E1\tEv:T3\n')[0]).toMatchObject({ line: 1, field: 'trigger' });
    expect(bad('T1\tX 0 5\tHello\nA1\tNeg T1\nA2\tNeg T1\n')[0]).toMatchObject({ line: 3, field: 'name' });
    expect(bad('Q1\tfoo\n')[0]).toMatchObject({ line: 1, field: 'id' });
  });

  it('rejects offsets that split an emoji', () => {
    // In code points the emoji is one character: offsets never split it, but an end past it does not exist.
    expect(bad('T1\tX 0 3\t😀ab\n', '😀a')[0]).toMatchObject({ field: 'offsets' });
  });
});
