import { afterEach, describe, expect, it } from 'vitest';
import { importAnnotations, type InputFile } from '../../../../../src/main/services/exchange/import-annotations';
import { parseUnits, parseUnitsTaking } from '../../../../../src/main/services/exchange/parse-units';
import { sortIntoUnits } from '../../../../../src/main/services/exchange/units';
import { newWorkspace } from '../support';
import { articleTexts, bratSet, withLayer } from '../store/import-support';

/**
 * Bulk imports let their input go as they go (issue 12): files handed over are taken once, and
 * units are parsed out of the array that holds them, so no file is held as bytes, text and
 * parsed at once. What they import, and what they refuse, is the same as with files lent.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const decode = (files: InputFile[]) => files.map((f) => ({ path: f.path, text: new TextDecoder().decode(f.bytes) }));

describe('an import that takes its input', () => {
  it('parses units out of the array it is given (emptied), with the same sets and problems as parseUnits', () => {
    const files = [...decode(bratSet(articleTexts(3))), { path: 'x.ann', text: 'T1\tPerson 0 4\tnope\n' }];
    const units = sortIntoUnits(files).units;
    const lent = parseUnits(units, { as: 'colleague', now: '2026-01-01T00:00:00.000Z' }, { byHash: new Map(), bySource: new Map() });
    const taken = [...units];
    const took = parseUnitsTaking(taken, { as: 'colleague', now: '2026-01-01T00:00:00.000Z' }, { byHash: new Map(), bySource: new Map() });
    expect(taken).toEqual([]);
    expect(units).toHaveLength(4);
    // The same sets (but for the fresh ids each parse gives) and the same problems.
    const shape = (r: typeof lent) => ({
      problems: r.problems,
      sets: r.sets.map((s) => ({
        file: s.file,
        author: s.author,
        docs: s.set.documents.map((d) => ({ text: d.article.text, spans: d.annotations.map((a) => [a.label, a.fragments]) })),
      })),
    });
    expect(shape(took)).toEqual(shape(lent));
    expect(took.sets).toHaveLength(3);
    expect(took.problems).toEqual([expect.objectContaining({ file: 'x.ann', message: expect.stringMatching(/the text it annotates is missing/) })]);
  });

  it('takes handed-over files once and imports them; a refused one half way changes nothing', async () => {
    const { ws, cleanup } = await newWorkspace();
    cleanups.push(cleanup);
    const good = bratSet(articleTexts(4));
    // The third document's span runs past its text: the whole set is refused, nothing stored.
    const bad = good.map((f) => (f.path === 'doc2.ann' ? { ...f, bytes: new TextEncoder().encode('T1\tPerson 0 999999\tArticle\n') } : f));
    let calls = 0;
    const refused = await importAnnotations(ws, () => (calls++, bad.splice(0)), { as: 'colleague' });
    expect(calls).toBe(1);
    expect(bad).toEqual([]);
    expect(refused).toMatchObject({ ok: false, errors: [expect.objectContaining({ file: 'doc2.ann' })] });
    expect(await withLayer(ws, 'colleague')).toBe(0);
    expect(ws.info().articleCount).toBe(5);

    const done = await importAnnotations(ws, () => good.splice(0), { as: 'colleague' });
    expect(done).toMatchObject({ ok: true });
    expect(good).toEqual([]);
    expect(await withLayer(ws, 'colleague')).toBe(4);
  });
});
