import { describe, expect, it } from 'vitest';
import type { ActorEntity } from '../../../../src/core/actors/entity';
import { buildActorMatcher } from '../../../../src/core/actors/names/matcher';
import { entitiesFromReferences, linkEntities, relinkDocuments } from '../../../../src/core/formats/entity-links';
import type { AnnotationSet } from '../../../../src/core/formats/types';

const NOW = '2026-03-01T10:00:00.000Z';
const entity = (id: string, name: string, kind: ActorEntity['kind'] = 'person', aliases: string[] = []): ActorEntity => ({ id, name, kind, aliases, properties: {}, note: '', created: NOW, modified: NOW });
const ours = { entities: [entity('ent_a', 'Donald Trump'), entity('ent_b', 'Volodymyr Zelenskyy'), entity('ent_c', 'European Union', 'organisation', ['EU'])] };

describe('linking an imported set’s actors to the registry', () => {
  it('by id, else by a name the matcher recognises (same kind), else created; different people sharing a name part stay apart', () => {
    const theirs = [entity('ent_a', 'D. Trump'), entity('x1', 'Zelensky'), entity('x2', 'Donald Trump Jr.'), entity('x3', 'Olena Zelenska'), entity('x4', 'EU', 'organisation'), entity('x5', 'Zelenskyy', 'organisation')];
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

  it('the same id is the same entity even renamed since (ids are random; the report shows both names); a dangling link is a problem', () => {
    const { byId } = linkEntities({ entities: [entity('e1', 'Someone Else')] }, buildActorMatcher([entity('e1', 'Someone Else')]), []);
    const doc = { article: { text: 'Putin spoke.', title: 'T' }, annotations: [{ id: 'a', label: 'actor', fragments: [{ start: 0, end: 5 }], quote: 'Putin', prefix: '', suffix: ' spoke.', attributes: {}, note: '', author: 'x', created: NOW, modified: NOW, entity: 'nowhere' }], relations: [] };
    expect(relinkDocuments([doc], byId, { entities: [] }).problems).toEqual(['"T": annotation a ("Putin") links the actor nowhere, which neither the file\'s registry nor this workspace has']);
    const clash = linkEntities({ entities: [entity('e1', 'Someone Else')] }, buildActorMatcher([entity('e1', 'Someone Else')]), [entity('e1', 'Vladimir Putin')]);
    expect(clash.actors[0]).toMatchObject({ how: 'same-id' });
  });

  it('a Lede reference becomes the link (and an entity known by id and name); other references stay', () => {
    const set: AnnotationSet = {
      schema: { labels: [], relationTypes: [] },
      report: [],
      documents: [{ article: { text: 'Putin spoke.' }, relations: [], annotations: [{ id: 'a', label: 'actor', fragments: [{ start: 0, end: 5 }], quote: 'Putin', prefix: '', suffix: ' spoke.', attributes: {}, note: '', author: 'x', created: NOW, modified: NOW, normalizations: [{ resource: 'Lede', ref: 'ent_p', text: ' Vladimir  Putin ' }, { resource: 'Wikidata', ref: 'Q7747', text: 'Vladimir Putin' }] }] }],
    };
    const out = entitiesFromReferences(set, NOW);
    expect(out.documents[0]!.annotations[0]).toMatchObject({ entity: 'ent_p', normalizations: [{ resource: 'Wikidata', ref: 'Q7747', text: 'Vladimir Putin' }] });
    expect(out.entities).toEqual([entity('ent_p', 'Vladimir Putin', 'other')]);
  });
});
