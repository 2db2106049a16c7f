import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAnnotations, type InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import type { Workspace } from '../../../../../src/main/services/workspace';
import { newWorkspace } from '../support';
import { folderSnapshot } from './support';

/**
 * Labels by meaning, not by spelling: a colleague's `Actor` is our "Actor", a display name is never
 * doubled, and where the names differ the analyst maps them (a typo in a map changes nothing).
 */
let ws: Workspace;
let dir: string;
let cleanup: () => Promise<void>;
let text: string;
beforeEach(async () => {
  ({ ws, dir, cleanup } = await newWorkspace());
  text = (await ws.getDoc((await ws.listArticles())[0]!.id)).article.text;
});
afterEach(async () => cleanup());

const file = (path: string, content: string): InputFile => ({ path, bytes: new TextEncoder().encode(content) });
const word = (i: number) => [...text.matchAll(/\p{L}+/gu)][i]!;
const tLine = (n: number, label: string, i: number) => `T${n}\t${label} ${word(i).index} ${word(i).index + word(i)[0].length}\t${word(i)[0]}`;
const displayNames = () => ws.labelSchema().labels.map((l) => l.name.toLowerCase());
const labelsOfLayer = async (layer: string) => {
  const labels = new Set<string>();
  for (const s of await ws.listArticles()) for (const a of (await ws.getDoc(s.id)).annotations) if (a.author === layer) labels.add(a.label);
  return [...labels].sort();
};

describe('imported labels land on ours by meaning', () => {
  it('brat Actor, Quote, Event: our actor, quote, event; no second label of the same name', async () => {
    const before = ws.labelSchema().labels.length;
    const ann = [tLine(1, 'Actor', 0), tLine(2, 'Quote', 1), tLine(3, 'Event', 2), 'E1\tEvent:T3'].join('\n');
    const result = await importAnnotations(ws, [file('a.txt', text), file('a.ann', `${ann}\n`)], { as: 'colleague' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(ws.labelSchema().labels).toHaveLength(before);
    expect(new Set(displayNames()).size).toBe(displayNames().length);
    expect(await labelsOfLayer('colleague')).toEqual(['actor', 'event', 'quote']);
    expect(result.report.labels).toEqual(expect.arrayContaining([{ theirs: 'Actor', name: 'Actor', ours: 'actor', how: 'case' }]));
    expect(result.report.schemaAdded.filter((s) => s.startsWith('label '))).toEqual([]);
  });

  it('doccano JSONL with ACTOR and Claim: our actor and claim', async () => {
    const line = {
      text,
      label: [
        [word(0).index, word(0).index + word(0)[0].length, 'ACTOR'],
        [word(1).index, word(1).index + word(1)[0].length, 'Claim'],
      ],
    };
    const result = await importAnnotations(ws, [file('set.jsonl', `${JSON.stringify(line)}\n`)], { as: 'colleague' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(await labelsOfLayer('colleague')).toEqual(['actor', 'claim']);
    expect(new Set(displayNames()).size).toBe(displayNames().length);
  });

  it('brat visual.conf display names match ours too (a type Speaker shown as "Actor")', async () => {
    const visual = '[labels]\nSpeaker | Actor | Act\n[drawing]\nSpeaker\tbgColor:#123456\n';
    const result = await importAnnotations(ws, [file('a.txt', text), file('a.ann', `${tLine(1, 'Speaker', 0)}\n`), file('visual.conf', visual)], {
      as: 'colleague',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(await labelsOfLayer('colleague')).toEqual(['actor']);
  });

  it('a new label takes its display name and colour from visual.conf', async () => {
    const visual = '[labels]\nPer | Person of interest\n[drawing]\nPer\tbgColor:#123456\n';
    const result = await importAnnotations(ws, [file('a.txt', text), file('a.ann', `${tLine(1, 'Per', 0)}\n`), file('visual.conf', visual)], {
      as: 'colleague',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(ws.labelSchema().labels.find((l) => l.id === 'Per')).toMatchObject({ name: 'Person of interest', color: '#123456' });
  });

  it('map: Person onto our actor; a preview first stores nothing and says what would happen', async () => {
    const files = [file('a.txt', text), file('a.ann', `${tLine(1, 'Person', 0)}\n${tLine(2, 'Statement', 1)}\n`)];
    const snapshot = folderSnapshot(dir);
    const preview = await importAnnotations(ws, files, { as: 'colleague', preview: true });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.report.labels).toEqual([
      { theirs: 'Person', name: 'Person', ours: null, how: 'new' },
      { theirs: 'Statement', name: 'Statement', ours: null, how: 'new' },
    ]);
    await ws.flush();
    expect(folderSnapshot(dir)).toEqual(snapshot);
    const result = await importAnnotations(ws, files, { as: 'colleague', map: { Person: 'Actor', Statement: 'claim' } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(await labelsOfLayer('colleague')).toEqual(['actor', 'claim']);
    expect(ws.labelSchema().labels.map((l) => l.id)).not.toContain('Person');
  });

  it("preview 'new-labels' stores nothing only when a label would be new, else imports at once", async () => {
    const snapshot = folderSnapshot(dir);
    const asks = await importAnnotations(ws, [file('a.txt', text), file('a.ann', `${tLine(1, 'Person', 0)}\n`)], { as: 'colleague', preview: 'new-labels' });
    expect(asks).toMatchObject({ ok: true, report: { preview: true, labels: [{ theirs: 'Person', how: 'new' }] } });
    await ws.flush();
    expect(folderSnapshot(dir)).toEqual(snapshot);
    const lands = await importAnnotations(ws, [file('a.txt', text), file('a.ann', `${tLine(1, 'ACTOR', 0)}\n`)], { as: 'colleague', preview: 'new-labels' });
    expect(lands.ok && lands.report.preview).toBeFalsy();
    expect(await labelsOfLayer('colleague')).toEqual(['actor']);
  });

  it('a map naming a label on neither side is refused, located, changing nothing', async () => {
    const files = [file('a.txt', text), file('a.ann', `${tLine(1, 'Person', 0)}\n`)];
    const snapshot = folderSnapshot(dir);
    const theirs = await importAnnotations(ws, files, { as: 'colleague', map: { Persn: 'actor' } });
    expect(theirs).toMatchObject({
      ok: false,
      errors: [{ field: 'map', message: expect.stringMatching(/the files have no label "Persn".*their labels: Person/) }],
    });
    const ours = await importAnnotations(ws, files, { as: 'colleague', map: { Person: 'Speaker' } });
    expect(ours).toMatchObject({
      ok: false,
      errors: [{ field: 'map', message: expect.stringMatching(/the workspace has no label "Speaker".*labels: Claim, Quote, Actor, Event/) }],
    });
    await ws.flush();
    expect(folderSnapshot(dir)).toEqual(snapshot);
  });
});
