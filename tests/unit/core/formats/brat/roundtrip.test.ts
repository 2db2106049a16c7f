import { describe, expect, it } from 'vitest';
import { parseBrat, readConf, serializeBrat, validateBrat } from '../../../../../src/core/formats/brat';
import { SHARED_MISSING_REASON, sharedAvailable } from '../../../../support/shared';
import { bratFixtures } from '../corpora';
import { docsFromSet, meaningOf } from '../docs';
import { bratMeaning } from './meaning';
import { independentBratCheck } from './independent-check';

const itShared = sharedAvailable ? it : it.skip;
if (!sharedAvailable) console.warn(SHARED_MISSING_REASON);

describe('brat corpora: import, re-export, same meaning', () => {
  itShared('every file re-exports with the same text, spans, events, relations, attributes, notes and N lines', () => {
    const fixtures = bratFixtures();
    expect(fixtures.length).toBeGreaterThan(80);
    let compared = 0;
    for (const f of fixtures) {
      const first = parseBrat({ txt: f.txt, ann: f.ann, file: f.name, author: 'x', conf: f.conf });
      if (!first.ok) throw new Error(`${f.name}: ${JSON.stringify(first.errors)}`);
      const exported = serializeBrat(docsFromSet(first.value), first.value.schema);
      const ann = exported.files.find((x) => x.path.endsWith('.ann'))!.content;
      const txt = exported.files.find((x) => x.path.endsWith('.txt'))!.content;
      const conf = exported.files.find((x) => x.path === 'annotation.conf')!.content;
      expect(txt, f.name).toBe(f.txt);
      // brat's rules, by the validator under test and by an independent check.
      expect(validateBrat({ txt, ann, file: f.name }), f.name).toEqual([]);
      expect(independentBratCheck(ann, txt), f.name).toEqual([]);
      // Same meaning, read from the raw lines without Lede's parser.
      expect(bratMeaning(ann), f.name).toEqual(bratMeaning(f.ann));
      // And Lede reads back exactly what it read the first time, with the exported configuration.
      const second = parseBrat({ txt, ann, file: f.name, author: 'x', conf });
      if (!second.ok) throw new Error(`${f.name} (re-import): ${JSON.stringify(second.errors)}`);
      expect(meaningOf(second.value.documents[0]!), f.name).toEqual(meaningOf(first.value.documents[0]!));
      const kinds = (labels: { id: string; kind: string }[]) => labels.map((l) => `${l.id}:${l.kind}`).sort();
      const usedLabels = new Set(first.value.documents[0]!.annotations.map((a) => a.label));
      expect(kinds(second.value.schema.labels.filter((l) => usedLabels.has(l.id)))).toEqual(
        kinds(first.value.schema.labels.filter((l) => usedLabels.has(l.id))),
      );
      compared++;
    }
    expect(compared).toBe(fixtures.length);
  });

  itShared('the exported annotation.conf declares equivalences, events with their roles, and attribute values', () => {
    const tutorial = bratFixtures().filter((f) => f.name.startsWith('brat-tutorial-news/'));
    const docs = tutorial.flatMap((f, i) => {
      const r = parseBrat({ txt: f.txt, ann: f.ann, file: f.name, author: 'x', conf: f.conf });
      if (!r.ok) throw new Error(f.name);
      return docsFromSet(r.value).map((d) => ({ ...d, article: { ...d.article, id: `a_${i}`, source: f.name } }));
    });
    // The schema an import of the tutorial's annotation.conf gives.
    const fromConf = parseBrat({ txt: '', ann: '', author: 'x', conf: tutorial[0]!.conf });
    if (!fromConf.ok) throw new Error('annotation.conf');
    const conf = readConf(serializeBrat(docs, fromConf.value.schema).files.find((f) => f.path === 'annotation.conf')!.content);
    expect(conf.relations.find((r) => r.type === 'Alias')!.equivalence).toBe(true);
    expect(conf.events.find((e) => e.type === 'Merge-org')!.roles).toEqual(['Org-Arg']);
    expect(conf.attributes.find((a) => a.name === 'Confidence')!.values.sort()).toEqual(['High', 'Low', 'Neutral']);
    expect(conf.entities).toContain('Person');
  });
});
