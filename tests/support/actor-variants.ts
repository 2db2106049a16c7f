import { readFileSync } from 'node:fs';
import type { ActorEntity, ActorKind } from '../../src/core/actors/entity';
import { buildActorMatcher, type ActorMatcher } from '../../src/core/actors/names/matcher';

/**
 * The labelled name variants of tests/fixtures/actors/name-variants.json, and how the matcher's
 * proposals score against them. Shared by the matcher's unit test (a quality floor) and
 * bench/actors.bench.ts (the figures).
 */

export interface LabelledMention {
  /** The article the span is from (PolNeAR), or null for the written variant lists. */
  article: string | null;
  text: string;
  /** Key of the entity the span names, or null when it names none that is registered. */
  entity: string | null;
}

interface FixtureEntity {
  key: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  properties: Record<string, string>;
}

export interface LabelledSet {
  name: string;
  entities: ActorEntity[];
  mentions: LabelledMention[];
}

const FIXTURE = new URL('../fixtures/actors/name-variants.json', import.meta.url);

export function entityId(key: string): string {
  return `ent_${key}`;
}

export function labelledSets(): LabelledSet[] {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { sets: Record<string, { entities: FixtureEntity[]; mentions: LabelledMention[] }> };
  return Object.entries(fixture.sets).map(([name, set]) => ({
    name,
    mentions: set.mentions,
    entities: set.entities.map((e) => ({
      id: entityId(e.key),
      name: e.name,
      kind: e.kind,
      aliases: e.aliases,
      properties: e.properties,
      note: '',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    })),
  }));
}

export interface Quality {
  mentions: number;
  /** Mentions whose gold is an entity. */
  named: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** What went wrong, for reading: "text → proposed (gold)". */
  errors: string[];
}

/**
 * Proposals (the match that clears the threshold) against gold. A proposal of the gold entity is
 * a true positive; any other proposal a false positive; a named mention without its proposal a
 * miss. With `context`, the entities of the article's other labelled names count as already
 * linked, as they are when an analyst works through an article.
 */
export function evaluate(set: LabelledSet, options: { context: boolean; matcher?: ActorMatcher }): Quality {
  const matcher = options.matcher ?? buildActorMatcher(set.entities);
  const byArticle = new Map<string, Set<string>>();
  for (const m of set.mentions) {
    if (m.article && m.entity) byArticle.set(m.article, (byArticle.get(m.article) ?? new Set()).add(entityId(m.entity)));
  }
  let truePositives = 0;
  let falsePositives = 0;
  const errors: string[] = [];
  for (const m of set.mentions) {
    const gold = m.entity ? entityId(m.entity) : null;
    const context =
      options.context && m.article ? new Set([...(byArticle.get(m.article) ?? [])].filter((id) => id !== gold || otherMentionOf(set, m))) : undefined;
    const proposed = matcher.match(m.text, { context }).match;
    if (proposed && proposed.id === gold) truePositives++;
    else {
      if (proposed) falsePositives++;
      if (proposed || gold)
        errors.push(`${m.text} → ${proposed ? `${proposed.name} (${proposed.reason} ${proposed.score})` : 'nothing'} (gold ${m.entity ?? 'none'})`);
    }
  }
  const named = set.mentions.filter((m) => m.entity).length;
  const precision = truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 1;
  const recall = named ? truePositives / named : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { mentions: set.mentions.length, named, truePositives, falsePositives, precision, recall, f1, errors };
}

/** The gold entity is context only when another span of the article names it too (it was linked there). */
function otherMentionOf(set: LabelledSet, mention: LabelledMention): boolean {
  return set.mentions.some((o) => o !== mention && o.article === mention.article && o.entity === mention.entity);
}
