import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../../src/main/services/store/file-formats';
import { exportFiles } from '../../../../../src/main/services/exchange/export-annotations';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import { parseUnits, parseUnitsLookingUp, type KnownTexts, type MissedSources } from '../../../../../src/main/services/exchange/parse-units';
import { sortIntoUnits } from '../../../../../src/main/services/exchange/units';
import { newWorkspace } from '../support';
import { annotation, layerMeaning } from './support';

/**
 * W3C sources a file does not embed are looked up in the workspace only for the files that miss
 * one, which are parsed again with those texts (parse-units.ts): the sets and problems are those
 * of parsing every file with every text known, in the same order, and a set that embeds its
 * texts (Lede's own export) never asks.
 */

const NOW = '2026-01-01T00:00:00.000Z';
const texts = ['Alpha said the vote would fall.', 'Beta 😀 reported prices on Tuesday.', 'Gamma: the minister would resign.'];
const URL = 'https://courier.example/gamma';

/** A W3C page of one span (0–5) per source; `embed`: the texts it carries itself. */
function w3c(sources: string[], embed: Record<string, string> = {}): string {
  return JSON.stringify({
    type: 'AnnotationPage',
    ...(Object.keys(embed).length ? { 'lede:sources': Object.entries(embed).map(([id, text]) => ({ id, 'lede:text': text })) } : {}),
    items: sources.map((source, i) => ({
      id: `urn:x:${i}`,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
      target: { source, selector: [{ type: 'TextPositionSelector', start: 0, end: 5 }] },
    })),
  });
}

const hashUri = (text: string) => `urn:sha256:${sha256Hex(text)}`;
const everything: KnownTexts = {
  byHash: new Map(texts.map((t) => [sha256Hex(t), t])),
  bySource: new Map(),
  byUrl: new Map([[URL, [texts[2]!]]]),
};

/** Only what `missed` names of `everything`. */
function lookUpIn(asked: MissedSources[]) {
  return async (missed: MissedSources): Promise<KnownTexts> => {
    asked.push(missed);
    return {
      byHash: new Map([...everything.byHash].filter(([h]) => missed.hashes.has(h))),
      bySource: new Map(),
      byUrl: new Map([...everything.byUrl!].filter(([u]) => missed.urls.has(u))),
    };
  };
}

const shape = (r: {
  sets: { file: string; author: string | null; set: { documents: { article: { text: string }; annotations: { label: string; fragments: unknown }[] }[] } }[];
  problems: unknown[];
}) => ({
  problems: r.problems,
  sets: r.sets.map((s) => ({
    file: s.file,
    author: s.author,
    docs: s.set.documents.map((d) => ({ text: d.article.text, spans: d.annotations.map((a) => [a.label, a.fragments]) })),
  })),
});

describe('W3C sources looked up only for the files that miss them', () => {
  const files = [
    { path: 'a.jsonld', text: w3c([hashUri(texts[0]!)]) }, // by hash, not embedded
    { path: 'b.jsonld', text: w3c([hashUri(texts[1]!)], { [hashUri(texts[1]!)]: texts[1]! }) }, // embedded
    { path: 'c.jsonld', text: w3c([URL]) }, // by web address
    { path: 'd.jsonld', text: w3c([`urn:sha256:${'0'.repeat(64)}`]) }, // nowhere
    { path: 'e.jsonld', text: w3c([hashUri(texts[1]!), hashUri(texts[0]!)], { [hashUri(texts[1]!)]: texts[1]! }) }, // one of each
  ];

  it('gives the sets and problems of a parse with every text known, in the same order, asking once for what was missed', async () => {
    const asked: MissedSources[] = [];
    const units = sortIntoUnits(files).units;
    const all = parseUnits(units, { as: 'colleague', now: NOW }, everything);
    const looked = await parseUnitsLookingUp([...units], { as: 'colleague', now: NOW }, { byHash: new Map(), bySource: new Map() }, lookUpIn(asked));
    expect(shape(looked)).toEqual(shape(all));
    expect(looked.sets.map((s) => s.file)).toEqual(['a.jsonld', 'b.jsonld', 'c.jsonld', 'e.jsonld']);
    expect(looked.problems).toEqual([
      expect.objectContaining({ file: 'd.jsonld', message: expect.stringMatching(/neither in the file nor in the workspace/) }),
    ]);
    expect(asked).toEqual([{ hashes: new Set([sha256Hex(texts[0]!), '0'.repeat(64)]), urls: new Set([URL]) }]);
  });

  it('never looks up anything for files that embed their texts', async () => {
    const asked: MissedSources[] = [];
    const embedded = files.filter((f) => f.path === 'b.jsonld');
    const looked = await parseUnitsLookingUp(
      sortIntoUnits(embedded).units,
      { as: 'colleague', now: NOW },
      { byHash: new Map(), bySource: new Map() },
      lookUpIn(asked),
    );
    expect(looked.problems).toEqual([]);
    expect(looked.sets).toHaveLength(1);
    expect(asked).toEqual([]);
  });
});

describe('an import of W3C that names workspace articles without embedding them', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('lands on the stored articles exactly as the same file with its texts embedded', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const [first, second] = await ws.listArticles();
    const docs = [await ws.getDoc(first!.id), await ws.getDoc(second!.id)];
    await ws.putDocs(
      docs.map((d, i) => ({ ...d, annotations: [annotation(d.article.text, `a${i}`, 'claim', [{ start: 0, end: 4 + i }], 'me')], relations: [] })),
      ws.labelSchema(),
    );
    const out = (await exportFiles(ws, { format: 'w3c', annotators: ['me'] })).files[0]!;
    const bare = JSON.parse(out.content) as Record<string, unknown>;
    delete bare['lede:sources'];
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const embedded = await importAnnotations(ws, [{ path: 'with.jsonld', bytes: utf8(out.content) }], { as: 'embedded' });
    const looked = await importAnnotations(ws, [{ path: 'without.jsonld', bytes: utf8(JSON.stringify(bare)) }], { as: 'looked-up' });
    expect(embedded).toMatchObject({ ok: true });
    expect(looked).toMatchObject({ ok: true, report: { articlesMatched: 2, articlesAdded: [] } });
    for (const d of docs) {
      const stored = await ws.getDoc(d.article.id);
      expect(layerMeaning(stored, 'looked-up')).toEqual(layerMeaning(stored, 'embedded'));
      expect(layerMeaning(stored, 'looked-up')).toHaveLength(1);
    }
  });
});
