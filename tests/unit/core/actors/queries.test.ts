import { describe, expect, it } from 'vitest';
import { entitiesById } from '../../../../src/core/actors/entity';
import { entityCounts, linkedActors, linkedEntityIds, mentionsOf, pickerRows, resolveActor } from '../../../../src/core/actors/queries';
import { createEntity } from '../../../../src/core/actors/registry-edits';
import { createAnnotation, linkAnnotations } from '../../../../src/core/edits/builders';
import { applyCommand } from '../../../../src/core/edits/apply';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { apply, linkedWorld, NOW } from './world';

describe('registry queries', () => {
  const state = linkedWorld();
  const docs = [...state.docs.values()];

  it('counts mentions and articles per entity, per layer when asked', () => {
    const counts = entityCounts(docs);
    const putin = docs.reduce((n, d) => n + d.annotations.filter((a) => a.quote === 'Putin').length, 0);
    expect(counts.get('ent_putin')).toEqual({ mentions: putin, articles: 2 });
    expect(counts.get('ent_zelenskyy')).toEqual({ mentions: 5, articles: 1 });
    expect(counts.has('ent_kremlin')).toBe(false);
    expect(entityCounts(docs, 'colleague').size).toBe(0);
  });

  it('lists every mention across articles with what opens it', () => {
    const mentions = mentionsOf(docs, 'ent_zelenskyy');
    expect(mentions).toHaveLength(5);
    for (const m of mentions) {
      const doc = state.docs.get(m.articleId)!;
      expect(doc.article.text.slice(m.start, m.end)).toBe('Zelenskyy');
      expect(m).toMatchObject({ articleTitle: doc.article.title, author: 'me', label: 'actor', quote: 'Zelenskyy' });
    }
    expect(mentions.map((m) => m.start)).toEqual([...mentions.map((m) => m.start)].sort((a, b) => a - b));
    expect(linkedEntityIds(state.docs.get('a_001')!)).toEqual(new Set(['ent_putin']));
  });

  it('resolves speakers to entities for the CSV, and tells same-text picker rows apart', () => {
    let doc: ArticleDoc = state.docs.get('a_000')!;
    const quoteStart = doc.article.text.indexOf('“I don’t know');
    const quote = createAnnotation(doc, { label: 'quote', fragments: [{ start: quoteStart, end: quoteStart + 30 }], id: 'ann_q' }, { author: 'me', now: NOW });
    if (!quote.ok) throw new Error('setup');
    doc = (applyCommand(doc, quote.value.command) as { ok: true; value: ArticleDoc }).value;
    const putin = doc.annotations.find((a) => a.quote === 'Putin')!;
    const trump = doc.annotations.find((a) => a.quote === 'Trump')!;
    for (const to of [putin.id, trump.id]) {
      const link = linkAnnotations(doc, { type: 'speaker', from: 'ann_q', to }, { author: 'me', now: NOW });
      if (!link.ok) throw new Error('setup');
      doc = (applyCommand(doc, link.value.command) as { ok: true; value: ArticleDoc }).value;
    }
    const entities = entitiesById(state.registry);
    const speakers = linkedActors(doc, 'ann_q', 'speaker', entities);
    expect(speakers).toHaveLength(2);
    expect(speakers).toEqual(
      expect.arrayContaining([
        { annotationId: putin.id, quote: 'Putin', entity: { id: 'ent_putin', name: 'Vladimir Putin', kind: 'person' }, display: 'Vladimir Putin' },
        { annotationId: trump.id, quote: 'Trump', entity: null, display: 'Trump' },
      ]),
    );
    expect(linkedActors(doc, 'ann_q', 'source', entities)).toEqual([]);
    expect(resolveActor({ ...putin, entity: 'ent_deleted' }, entities).entity).toBeNull();

    // Two entities both called "Vladimir Putin" (one split off by mistake): the rows say which.
    const twin = createEntity(state.registry, { name: 'Vladimir Putin', id: 'ent_twin' }, NOW, { allowSameName: true });
    if (!twin.ok) throw new Error('setup');
    const withTwin = entitiesById(apply(state, twin.value.edit).registry);
    const putins = doc.annotations.filter((a) => a.quote === 'Putin').slice(0, 2);
    const rows = pickerRows([putins[0]!, { ...putins[1]!, entity: 'ent_twin' }, trump], withTwin);
    expect(rows.map((r) => r.detail)).toEqual(['Vladimir Putin · ent_putin', 'Vladimir Putin · ent_twin', 'unlinked']);
    expect(pickerRows([putins[0]!], withTwin)[0]!.detail).toBe('Vladimir Putin');
  });
});
