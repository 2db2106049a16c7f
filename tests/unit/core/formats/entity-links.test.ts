import { describe, expect, it } from 'vitest';
import type { ActorEntity } from '../../../../src/core/actors/entity';
import { buildActorMatcher } from '../../../../src/core/actors/names/matcher';
import { describeActorPlan, entitiesFromReferences, linkEntities, NEW_ACTOR, relinkDocuments } from '../../../../src/core/formats/entity-links';
import type { AnnotationSet } from '../../../../src/core/formats/types';

const NOW = '2026-03-01T10:00:00.000Z';
const entity = (id: string, name: string, kind: ActorEntity['kind'] = 'person', aliases: string[] = []): ActorEntity => ({
  id,
  name,
  kind,
  aliases,
  properties: {},
  note: '',
  created: NOW,
  modified: NOW,
});
const ours = { entities: [entity('ent_a', 'Donald Trump'), entity('ent_b', 'Volodymyr Zelenskyy'), entity('ent_c', 'European Union', 'organisation', ['EU'])] };

describe('linking an imported set’s actors to the registry', () => {
  it('by id, else by a name the matcher recognises (same kind), else created; different people sharing a name part stay apart', () => {
    const theirs = [
      entity('ent_a', 'D. Trump'),
      entity('x1', 'Zelensky'),
      entity('x2', 'Donald Trump Jr.'),
      entity('x3', 'Olena Zelenska'),
      entity('x4', 'EU', 'organisation'),
      entity('x5', 'Zelenskyy', 'organisation'),
    ];
    const { byId, created, actors } = linkEntities(ours, buildActorMatcher(ours.entities), theirs);
    expect(actors.map((a) => [a.theirs, a.how, a.ours])).toEqual([
      ['ent_a', 'same-id', 'ent_a'],
      ['x1', 'matched', 'ent_b'],
      ['x2', 'created', 'x2'],
      ['x3', 'created', 'x3'],
      ['x4', 'matched', 'ent_c'],
      ['x5', 'created', 'x5'],
    ]);
    expect(created.map((e) => e.id)).toEqual(['x2', 'x3', 'x5']);
    expect(byId.get('x1')).toBe('ent_b');
  });

  it("the analyst's decisions override the plan: add as new (saying what was declined), link to another of ours, or refuse what cannot be done", () => {
    const theirs = [entity('x1', 'Zelensky'), entity('x2', 'Donald Trump'), entity('x3', 'Nobody Known')];
    const decided = linkEntities(ours, buildActorMatcher(ours.entities), theirs, { x1: NEW_ACTOR, x2: 'ent_c', x3: NEW_ACTOR });
    expect(decided.problems).toEqual([]);
    expect(decided.actors.map((a) => [a.theirs, a.how, a.ours, a.declined?.id])).toEqual([
      ['x1', 'created', 'x1', 'ent_b'],
      ['x2', 'chosen', 'ent_c', undefined],
      ['x3', 'created', 'x3', undefined],
    ]);
    expect(describeActorPlan(decided.actors)).toEqual([
      '"Zelensky" (x1) will be added as new (x1), not linked to your "Volodymyr Zelenskyy"',
      '"Donald Trump" (x2) will be linked to your "European Union" (ent_c), as chosen',
      '"Nobody Known" (x3) will be added as new (x3)',
    ]);
    // Accepting the proposal as it stood is a name match with its score, not a "choice".
    expect(linkEntities(ours, buildActorMatcher(ours.entities), theirs, { x1: 'ent_b' }).actors[0]).toMatchObject({
      how: 'matched',
      ours: 'ent_b',
      reason: expect.any(String),
    });
    const refused = linkEntities(ours, buildActorMatcher(ours.entities), theirs, { x1: 'ent_gone', nope: NEW_ACTOR });
    expect(refused.problems).toEqual([
      'their actor "Zelensky" (x1) was to be linked to your actor ent_gone, which is no longer in the registry; review the import again',
      'the files have no actor nope to decide about',
    ]);
  });

  it('the same id is the same entity even renamed since (ids are random; the report shows both names); a dangling link is a problem', () => {
    const { byId } = linkEntities({ entities: [entity('e1', 'Someone Else')] }, buildActorMatcher([entity('e1', 'Someone Else')]), []);
    const doc = {
      article: { text: 'Putin spoke.', title: 'T' },
      annotations: [
        {
          id: 'a',
          label: 'actor',
          fragments: [{ start: 0, end: 5 }],
          quote: 'Putin',
          prefix: '',
          suffix: ' spoke.',
          attributes: {},
          note: '',
          author: 'x',
          created: NOW,
          modified: NOW,
          entity: 'nowhere',
        },
      ],
      relations: [],
    };
    expect(relinkDocuments([doc], byId, { entities: [] }).problems).toEqual([
      '"T": annotation a ("Putin") links the actor nowhere, which neither the file\'s registry nor this workspace has',
    ]);
    const clash = linkEntities({ entities: [entity('e1', 'Someone Else')] }, buildActorMatcher([entity('e1', 'Someone Else')]), [
      entity('e1', 'Vladimir Putin'),
    ]);
    expect(clash.actors[0]).toMatchObject({ how: 'same-id' });
  });

  it('a Lede reference becomes the link (and an entity known by id and name); other references stay', () => {
    const set: AnnotationSet = {
      schema: { labels: [], relationTypes: [] },
      report: [],
      documents: [
        {
          article: { text: 'Putin spoke.' },
          relations: [],
          annotations: [
            {
              id: 'a',
              label: 'actor',
              fragments: [{ start: 0, end: 5 }],
              quote: 'Putin',
              prefix: '',
              suffix: ' spoke.',
              attributes: {},
              note: '',
              author: 'x',
              created: NOW,
              modified: NOW,
              normalizations: [
                { resource: 'Lede', ref: 'ent_p', text: ' Vladimir  Putin ' },
                { resource: 'Wikidata', ref: 'Q7747', text: 'Vladimir Putin' },
              ],
            },
          ],
        },
      ],
    };
    const out = entitiesFromReferences(set, NOW);
    expect(out.documents[0]!.annotations[0]).toMatchObject({
      entity: 'ent_p',
      normalizations: [{ resource: 'Wikidata', ref: 'Q7747', text: 'Vladimir Putin' }],
    });
    expect(out.entities).toEqual([entity('ent_p', 'Vladimir Putin', 'other')]);
  });
});
