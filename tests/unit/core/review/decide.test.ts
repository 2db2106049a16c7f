import { describe, expect, it } from 'vitest';
import { compareLayers, type SpanItem } from '../../../../src/core/agreement/compare';
import { invertEdit, type Edit } from '../../../../src/core/edits/commands';
import { ArticleDocSchema, type ArticleDoc } from '../../../../src/core/model/document';
import { acceptAgreed, decide, type Decision } from '../../../../src/core/review/decide';
import { rejectedLayerName } from '../../../../src/core/review/ids';
import { reviewProgress } from '../../../../src/core/review/progress';
import type { Result } from '../../../../src/core/model/result';
import { ann, articleDoc, rel } from '../agreement/article';
import { applyEdit } from './apply-edit';

const NOW = '2026-03-03T00:00:00.000Z';
const REVIEWED = 'reviewed';
const REJECTED = rejectedLayerName(REVIEWED);

const base = articleDoc(
  [
    ann('mSrc', 'me', 'Source', [[0, 9]]),
    ann('cSrc', 'col', 'Source', [[0, 9]]),
    ann('mCue', 'me', 'Cue', [[10, 14]]),
    ann('cCue', 'col', 'Cue', [[10, 18]]),
    ann('mQ', 'me', 'Quote', [[15, 37]], { note: 'mine', attributes: { type: 'direct' } }),
    ann('cQ', 'col', 'Claim', [[15, 37]]),
    ann('mOnly', 'me', 'Source', [[38, 45]]),
    ann('cOnly', 'col', 'Cue', [[46, 50]]),
  ],
  [
    rel('r-agreed-m', 'me', 'speaker', 'mCue', 'mSrc'),
    rel('r-agreed-c', 'col', 'speaker', 'cCue', 'cSrc'),
    rel('r-onlyB', 'col', 'source', 'cQ', 'cSrc'),
    rel('r-follow', 'me', 'speaker', 'mQ', 'mOnly'),
  ],
);

function run(doc: ArticleDoc, build: (doc: ArticleDoc) => Result<Edit | null>): { doc: ArticleDoc; edit: Edit | null } {
  const r = build(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return { doc: r.value ? applyEdit(doc, r.value) : doc, edit: r.value };
}

const ctx = (doc: ArticleDoc) => ({ doc, comparison: compareLayers(doc, 'me', 'col'), reviewed: REVIEWED, now: NOW });
const itemWith = (doc: ArticleDoc, sourceId: string) =>
  compareLayers(doc, 'me', 'col').items.find((i): i is SpanItem => i.kind === 'span' && (i.a?.id === sourceId || i.b?.id === sourceId))!;
const decideOn = (doc: ArticleDoc, sourceId: string, d: Decision) => run(doc, (x) => decide(ctx(x), itemWith(x, sourceId).id, d));
const layer = (doc: ArticleDoc, author: string) => doc.annotations.filter((a) => a.author === author);
const statusOf = (doc: ArticleDoc, sourceId: string) =>
  reviewProgress(doc, compareLayers(doc, 'me', 'col'), REVIEWED).items.find((x) => x.item.id === itemWith(doc, sourceId).id)!.status;

describe('decide on span items', () => {
  it('accept A copies A’s annotation (label, fragments, note, attributes) into the reviewed layer', () => {
    const { doc } = decideOn(base, 'mQ', { kind: 'acceptA' });
    expect(layer(doc, REVIEWED)).toMatchObject([
      { label: 'Quote', fragments: [{ start: 15, end: 37 }], note: 'mine', attributes: { type: 'direct' }, created: NOW },
    ]);
    expect(statusOf(doc, 'mQ')).toBe('acceptedA');
    expect(ArticleDocSchema.safeParse(doc).success).toBe(true);
  });

  it('deciding again replaces the earlier decision', () => {
    let { doc } = decideOn(base, 'mCue', { kind: 'acceptA' });
    ({ doc } = decideOn(doc, 'mCue', { kind: 'acceptB' }));
    expect(layer(doc, REVIEWED).map((a) => a.fragments)).toEqual([[{ start: 10, end: 18 }]]);
    expect(statusOf(doc, 'mCue')).toBe('acceptedB');
    ({ doc } = decideOn(doc, 'mCue', { kind: 'acceptBoth' }));
    expect(layer(doc, REVIEWED)).toHaveLength(2);
    expect(statusOf(doc, 'mCue')).toBe('acceptedBoth');
  });

  it('reject keeps nothing in the reviewed layer and records both versions in the rejected layer', () => {
    const { doc } = decideOn(base, 'mCue', { kind: 'reject' });
    expect(layer(doc, REVIEWED)).toEqual([]);
    expect(layer(doc, REJECTED).map((a) => a.label)).toEqual(['Cue', 'Cue']);
    expect(statusOf(doc, 'mCue')).toBe('rejected');
    expect(statusOf(doc, 'mSrc')).toBe('open');
  });

  it('edit writes the reviewer’s own version; editing again updates it in place', () => {
    let result = decideOn(base, 'mQ', {
      kind: 'edit',
      label: 'Quote',
      fragments: [
        { start: 15, end: 25 },
        { start: 26, end: 37 },
      ],
    });
    expect(layer(result.doc, REVIEWED)).toMatchObject([
      {
        label: 'Quote',
        fragments: [
          { start: 15, end: 25 },
          { start: 26, end: 37 },
        ],
        quote: 'the bridge will close.',
        note: 'mine',
      },
    ]);
    expect(statusOf(result.doc, 'mQ')).toBe('edited');
    result = decideOn(result.doc, 'mQ', { kind: 'edit', label: 'Claim', fragments: [{ start: 15, end: 37 }], note: '' });
    expect(result.edit).toMatchObject({ kind: 'doc', command: { op: 'update' } });
    expect(layer(result.doc, REVIEWED)).toMatchObject([{ label: 'Claim', note: '' }]);
  });

  it('reopen withdraws any decision; a decision already in place is no edit at all', () => {
    const accepted = decideOn(base, 'mCue', { kind: 'acceptA' }).doc;
    expect(decideOn(accepted, 'mCue', { kind: 'acceptA' }).edit).toBeNull();
    expect(decideOn(accepted, 'mCue', { kind: 'reopen' }).doc).toEqual(base);
    expect(decideOn(base, 'mCue', { kind: 'reopen' }).edit).toBeNull();
  });

  it('only-A and only-B items accept their one side; the other side is refused with a reason', () => {
    expect(statusOf(decideOn(base, 'mOnly', { kind: 'acceptA' }).doc, 'mOnly')).toBe('acceptedA');
    const refused = decide(ctx(base), itemWith(base, 'cOnly').id, { kind: 'acceptA' });
    expect(refused).toMatchObject({ ok: false, errors: [{ message: 'Only B has this annotation: B takes it, R rejects it.' }] });
    expect(decide(ctx(base), itemWith(base, 'cOnly').id, { kind: 'acceptBoth' }).ok).toBe(false);
  });

  it('refuses what cannot be: unknown items, bad edits, a compared layer as the reviewed one, another article', () => {
    expect(decide(ctx(base), 'span:nope/', { kind: 'acceptA' }).ok).toBe(false);
    expect(decide(ctx(base), itemWith(base, 'mQ').id, { kind: 'edit', label: 'Quote', fragments: [{ start: 60, end: 99 }] }).ok).toBe(false);
    expect(decide(ctx(base), itemWith(base, 'mQ').id, { kind: 'edit', label: ' ', fragments: [{ start: 15, end: 20 }] }).ok).toBe(false);
    expect(decide({ ...ctx(base), reviewed: 'me' }, itemWith(base, 'mQ').id, { kind: 'acceptA' }).ok).toBe(false);
    expect(decide({ ...ctx(base), reviewed: REJECTED }, itemWith(base, 'mQ').id, { kind: 'acceptA' }).ok).toBe(false);
    const elsewhere = { ...base, article: { ...base.article, id: 'a_other' } };
    expect(decide({ ...ctx(base), doc: elsewhere }, itemWith(base, 'mQ').id, { kind: 'acceptA' }).ok).toBe(false);
    const agreed = itemWith(base, 'mSrc').id;
    expect(decide(ctx(base), agreed, { kind: 'acceptBoth' })).toMatchObject({ ok: false });
  });
});

describe('agreed items and links', () => {
  it('acceptAgreed accepts every open agreed item in one edit, and then has nothing left to do', () => {
    const { doc, edit } = run(base, (x) => acceptAgreed(ctx(x)));
    expect(edit).toMatchObject({ kind: 'doc', command: { op: 'insert' } });
    expect(layer(doc, REVIEWED).map((a) => a.label)).toEqual(['Source']);
    expect(run(doc, (x) => acceptAgreed(ctx(x))).edit).toBeNull();
  });

  it('carries a link both layers agree on once both ends are in the reviewed layer', () => {
    let { doc } = run(base, (x) => acceptAgreed(ctx(x)));
    expect(doc.relations.filter((r) => r.author === REVIEWED)).toEqual([]);
    ({ doc } = decideOn(doc, 'mCue', { kind: 'acceptB' }));
    const carried = doc.relations.filter((r) => r.author === REVIEWED);
    expect(carried).toHaveLength(1);
    const byId = new Map(doc.annotations.map((a) => [a.id, a]));
    expect([carried[0]!.type, byId.get(carried[0]!.from)!.fragments[0], byId.get(carried[0]!.to)!.label]).toEqual([
      'speaker',
      { start: 10, end: 18 },
      'Source',
    ]);
    // Changing the decision on an end takes the link away with the old copy and carries it to the new one.
    ({ doc } = decideOn(doc, 'mCue', { kind: 'acceptA' }));
    expect(doc.relations.filter((r) => r.author === REVIEWED)).toHaveLength(1);
    ({ doc } = decideOn(doc, 'mCue', { kind: 'reject' }));
    expect(doc.relations.filter((r) => r.author === REVIEWED)).toEqual([]);
  });

  it('a link touching an annotation one layer only has follows that annotation', () => {
    let { doc } = decideOn(base, 'mQ', { kind: 'acceptA' });
    ({ doc } = decideOn(doc, 'mOnly', { kind: 'acceptA' }));
    expect(doc.relations.filter((r) => r.author === REVIEWED).map((r) => r.type)).toEqual(['speaker']);
  });

  it('a link difference waits for its ends, then is accepted or rejected on its own', () => {
    const linkId = compareLayers(base, 'me', 'col').items.find((i) => i.kind === 'relation')!.id;
    expect(decide(ctx(base), linkId, { kind: 'acceptB' })).toMatchObject({
      ok: false,
      errors: [{ field: 'ends', message: expect.stringMatching(/^Its ends are not in the reviewed layer yet: press B again/) }],
    });
    // A link only B has is never "rejected" by A: A is refused with the reason, and nothing changes.
    expect(decide(ctx(base), linkId, { kind: 'acceptA' })).toMatchObject({
      ok: false,
      errors: [{ message: 'Only B has this link: B keeps it, R rejects it.' }],
    });
    expect(decide(ctx(base), linkId, { kind: 'acceptBoth' })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/nothing to combine/) }] });
    let { doc } = run(base, (x) => acceptAgreed(ctx(x)));
    ({ doc } = decideOn(doc, 'mQ', { kind: 'acceptB' }));
    const status = (d: ArticleDoc) => reviewProgress(d, compareLayers(d, 'me', 'col'), REVIEWED).items.find((x) => x.item.id === linkId)!.status;
    expect(status(doc)).toBe('open');
    const accepted = run(doc, (x) => decide(ctx(x), linkId, { kind: 'acceptB' })).doc;
    expect(status(accepted)).toBe('acceptedB');
    expect(accepted.relations.filter((r) => r.author === REVIEWED).map((r) => r.type)).toEqual(['source']);
    const rejected = run(accepted, (x) => decide(ctx(x), linkId, { kind: 'reject' })).doc;
    expect(status(rejected)).toBe('rejected');
    expect(rejected.relations.filter((r) => r.author === REVIEWED)).toEqual([]);
    expect(rejected.relations.filter((r) => r.author === REJECTED).map((r) => r.type)).toEqual(['source']);
    expect(ArticleDocSchema.safeParse(rejected).success).toBe(true);
    expect(decide(ctx(rejected), linkId, { kind: 'edit', label: 'x', fragments: [{ start: 0, end: 1 }] }).ok).toBe(false);
  });

  it('a link difference is moot once one of its ends is rejected', () => {
    const linkId = compareLayers(base, 'me', 'col').items.find((i) => i.kind === 'relation')!.id;
    const { doc } = decideOn(base, 'mQ', { kind: 'reject' });
    expect(reviewProgress(doc, compareLayers(doc, 'me', 'col'), REVIEWED).items.find((x) => x.item.id === linkId)!.status).toBe('moot');
  });
});

describe('taking one side keeps what is not in dispute', () => {
  const notes = articleDoc([
    ann('mB', 'me', 'Cue', [[10, 14]], { note: 'check the tense', attributes: { certainty: 'high' } }),
    ann('cB', 'col', 'Cue', [[10, 18]], { note: 'cue verb', attributes: { certainty: 'low', tense: 'future' } }),
    ann('mN', 'me', 'Quote', [[15, 37]], { note: 'mine', attributes: { type: 'direct' } }),
    ann('cN', 'col', 'Quote', [[15, 37]], { note: 'theirs', attributes: { type: 'indirect', source: 'named' } }),
  ]);

  it('accepting B’s boundary keeps both notes and every attribute (B’s value wins a conflict)', () => {
    const { doc } = decideOn(notes, 'cB', { kind: 'acceptB' });
    expect(layer(doc, REVIEWED)).toMatchObject([
      { fragments: [{ start: 10, end: 18 }], note: 'cue verb\n\ncheck the tense', attributes: { certainty: 'low', tense: 'future' } },
    ]);
    expect(statusOf(doc, 'cB')).toBe('acceptedB');
  });

  it('what the reviewer confirmed replaces the union, and confirming again updates the copy in place', () => {
    let result = decideOn(notes, 'mB', { kind: 'acceptA', note: 'check the tense', attributes: { certainty: 'high', tense: 'past' } });
    expect(layer(result.doc, REVIEWED)).toMatchObject([
      { fragments: [{ start: 10, end: 14 }], note: 'check the tense', attributes: { certainty: 'high', tense: 'past' } },
    ]);
    result = decideOn(result.doc, 'mB', { kind: 'acceptA' });
    expect(result.edit).toMatchObject({ kind: 'doc', command: { op: 'update' } });
    expect(layer(result.doc, REVIEWED)[0]!.note).toBe('check the tense\n\ncue verb');
  });

  it('on a note/attribute difference A and B take one side’s, C combines them into one annotation', () => {
    expect(layer(decideOn(notes, 'mN', { kind: 'acceptA' }).doc, REVIEWED)).toMatchObject([{ note: 'mine', attributes: { type: 'direct' } }]);
    expect(layer(decideOn(notes, 'mN', { kind: 'acceptB' }).doc, REVIEWED)).toMatchObject([
      { note: 'theirs', attributes: { type: 'indirect', source: 'named' } },
    ]);
    const both = decideOn(notes, 'mN', { kind: 'acceptBoth' }).doc;
    expect(layer(both, REVIEWED)).toMatchObject([{ label: 'Quote', note: 'mine\n\ntheirs', attributes: { type: 'direct', source: 'named' } }]);
    expect(statusOf(both, 'mN')).toBe('acceptedBoth');
    expect(decideOn(both, 'mN', { kind: 'reopen' }).doc).toEqual(notes);
  });
});

describe('a link whose ends are missing', () => {
  const linkId = (doc: ArticleDoc) => compareLayers(doc, 'me', 'col').items.find((i) => i.kind === 'relation')!.id;

  it('is taken with its ends, from its own side, in one edit that one inverse undoes', () => {
    const { doc, edit } = run(base, (x) => decide(ctx(x), linkId(x), { kind: 'acceptB', withEnds: true }));
    const progress = reviewProgress(doc, compareLayers(doc, 'me', 'col'), REVIEWED);
    const statusOfItem = (id: string) => progress.items.find((x) => x.item.id === id)!.status;
    expect(statusOfItem(linkId(doc))).toBe('acceptedB');
    expect(statusOf(doc, 'cQ')).toBe('acceptedB');
    expect(statusOf(doc, 'cSrc')).toBe('acceptedB');
    expect(
      doc.relations
        .filter((r) => r.author === REVIEWED)
        .map((r) => r.type)
        .sort(),
    ).toEqual(['source']);
    expect(applyEdit(doc, invertEdit(edit!))).toEqual(base);
  });

  it('is refused while an end is rejected, saying so', () => {
    const { doc } = decideOn(base, 'cQ', { kind: 'reject' });
    expect(decide(ctx(doc), linkId(doc), { kind: 'acceptB', withEnds: true })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/An end of this link was rejected/) }],
    });
  });
});

describe('undo', () => {
  it('every decision’s inverse gives back the document exactly', () => {
    const steps: [string, Decision][] = [
      ['mCue', { kind: 'acceptA' }],
      ['mCue', { kind: 'acceptBoth' }],
      ['mQ', { kind: 'edit', label: 'Quote', fragments: [{ start: 15, end: 30 }] }],
      ['mOnly', { kind: 'acceptA' }],
      ['mQ', { kind: 'reject' }],
      ['cOnly', { kind: 'acceptB' }],
      ['mCue', { kind: 'reopen' }],
    ];
    let doc = run(base, (x) => acceptAgreed(ctx(x))).doc;
    const history: { before: ArticleDoc; edit: Edit }[] = [];
    for (const [source, decision] of steps) {
      const { doc: after, edit } = decideOn(doc, source, decision);
      if (edit) history.push({ before: doc, edit });
      doc = after;
    }
    for (const { before, edit } of history.reverse()) {
      doc = applyEdit(doc, invertEdit(edit));
      expect(doc).toEqual(before);
    }
  });
});
