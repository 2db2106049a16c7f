import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, labelledSets } from '../../../support/actor-variants';
import { SHARED_MISSING_REASON, sharedAvailable, sharedPath } from '../../../support/shared';

/**
 * A floor under the matcher's quality on the labelled variants (the figures themselves are
 * printed by bench/actors.bench.ts): a change that makes it propose wrong entities, or stop
 * proposing right ones, fails here.
 */
describe('matcher quality on the labelled variants', () => {
  it.each(labelledSets().map((s) => [s.name, s] as const))('%s: precision >= 0.97 and recall >= 0.85, and article context only helps', (_, set) => {
    const plain = evaluate(set, { context: false });
    const withContext = evaluate(set, { context: true });
    expect(plain.precision, plain.errors.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(plain.recall, plain.errors.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(withContext.precision).toBeGreaterThanOrEqual(0.97);
    expect(withContext.truePositives).toBeGreaterThanOrEqual(plain.truePositives);
  });

  it('on PolNeAR, linking names in article order resolves most bare surnames: recall >= 0.93', () => {
    const set = labelledSets().find((s) => s.name === 'polnear')!;
    const withContext = evaluate(set, { context: true });
    expect(withContext.recall, withContext.errors.join('\n')).toBeGreaterThanOrEqual(0.93);
  });
});

/** Every Source span of the PolNeAR articles, by article name. */
function polnearSources(): Map<string, Set<string>> {
  const byArticle = new Map<string, Set<string>>();
  const folders = [
    sharedPath('corpora/polnear-single'),
    ...readdirSync(sharedPath('corpora/polnear-multi')).map((d) => sharedPath('corpora/polnear-multi', d)),
  ];
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ann'))) {
      const spans = byArticle.get(basename(file, '.ann')) ?? new Set<string>();
      for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
        const [, type, text] = line.split('\t');
        if (type?.startsWith('Source ') && text !== undefined) spans.add(text);
      }
      byArticle.set(basename(file, '.ann'), spans);
    }
  }
  return byArticle;
}

describe('the PolNeAR part of the fixture is the corpus', () => {
  it.skipIf(!sharedAvailable)(`holds exactly the distinct Source spans of every article ${sharedAvailable ? '' : SHARED_MISSING_REASON}`, () => {
    const set = labelledSets().find((s) => s.name === 'polnear')!;
    const sources = polnearSources();
    const fixture = new Map<string, Set<string>>();
    for (const m of set.mentions) fixture.set(m.article!, (fixture.get(m.article!) ?? new Set()).add(m.text));
    expect([...fixture.keys()].sort()).toEqual([...sources.keys()].sort());
    for (const [article, spans] of sources) expect([...fixture.get(article)!].sort()).toEqual([...spans].sort());
    // Every gold entity is in the set's registry.
    const ids = new Set(set.entities.map((e) => e.id));
    for (const m of set.mentions) if (m.entity) expect(ids.has(`ent_${m.entity}`), m.entity).toBe(true);
  });
});
