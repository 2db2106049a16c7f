import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleSchema, TITLE_MAX, articleIdFromHash, clampTitle, titleFromText } from '../../../../../src/core/model/article';
import { importAnnotations } from '../../../../../src/main/services/exchange/import-annotations';
import { articleCodec, sha256Hex } from '../../../../../src/main/services/store/file-formats';
import { StoredFile } from '../../../../../src/main/services/store/stored-file';
import { openWorkspace } from '../../../../../src/main/services/workspace';
import { tempDir } from '../../../../support/temp';
import { newWorkspace } from '../support';

/**
 * Issue 11, item 1: nothing is written that would not validate when read back. An article whose
 * first line is long with few spaces (Chinese, Japanese, a long URL) used to get a title over the
 * 500 characters a stored article may have; the file was written, set aside as damaged on the next
 * start with every backup, and the article and its annotations were gone.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const CJK = `${'北京市政府今天宣布，从下个月起将在全市范围内推行新的垃圾分类制度，市民需要将生活垃圾分为四类投放。'.repeat(30)}\n第二段。\n`;
const URL_LINE = `https://example.org/${'a'.repeat(900)}?q=${'b'.repeat(300)} was shared widely.\nThe rest of the story.\n`;
const EMOJI_RUN = `${'😀'.repeat(400)}\nSecond line.\n`;

describe('derived titles fit what the store reads back', () => {
  it('titleFromText never exceeds the stored limit and never splits a surrogate pair (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '中', '😀', '.', 'word ', '#'), maxLength: 3000 }), (text) => {
        const title = titleFromText(text);
        expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
        expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }),
    );
    for (const text of [CJK, URL_LINE, EMOJI_RUN]) expect(ArticleSchema.shape.title.safeParse(titleFromText(text)).success).toBe(true);
    expect(clampTitle('x'.repeat(TITLE_MAX + 1))).toHaveLength(TITLE_MAX);
    expect(clampTitle('short')).toBe('short');
  });

  it('an article whose first paragraph is Chinese, a long URL or emoji survives a restart with its annotations', async () => {
    const { ws, dir } = await newWorkspace();
    cleanups.push(() => ws.close());
    cleanups.push(tempDir().cleanup);
    const report = await ws.importArticleFiles([CJK, URL_LINE, EMOJI_RUN].map((text, i) => ({ name: `long-${i}.txt`, bytes: new TextEncoder().encode(text) })));
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(3);
    const cjkId = report.added[0]!.id;
    const ann = `T1\tPerson 0 3\t${CJK.slice(0, 3)}\n`;
    const imported = await importAnnotations(ws, [{ path: 'long-0.ann', bytes: new TextEncoder().encode(ann) }], { as: 'colleague' });
    expect(imported).toMatchObject({ ok: true });
    await ws.close();

    const again = await openWorkspace(dir, { mode: 'write' });
    cleanups.push(() => again.close());
    expect(again.info().notices).toEqual([]);
    expect(existsSync(join(dir, 'damaged'))).toBe(false);
    const doc = await again.getDoc(cjkId);
    expect(doc.annotations.map((a) => a.author)).toEqual(['colleague']);
    for (const added of report.added) expect((await again.getDoc(added.id)).article.title.length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('a brat pair whose text has a long first line imports (it used to fail "invalid at article.title: Too big")', async () => {
    const { ws } = await newWorkspace();
    cleanups.push(() => ws.close());
    const files = [
      { path: 'cjk.txt', bytes: new TextEncoder().encode(CJK) },
      { path: 'cjk.ann', bytes: new TextEncoder().encode(`T1\tPerson 0 2\t${CJK.slice(0, 2)}\n`) },
    ];
    const result = await importAnnotations(ws, files, { as: 'colleague' });
    expect(result.ok ? [] : result.errors).toEqual([]);
    const id = articleIdFromHash(sha256Hex(CJK));
    expect((await ws.getDoc(id)).annotations).toHaveLength(1);
  });

  it('the store refuses to write a value that would not validate when read back, and writes nothing', async () => {
    const { dir, cleanup } = tempDir('lede-readback-');
    cleanups.push(cleanup);
    const text = 'Some text.\n';
    const hash = sha256Hex(text);
    const doc = {
      article: { id: articleIdFromHash(hash), title: 't'.repeat(TITLE_MAX + 1), source: 'x.txt', importedAt: '2026-01-01T00:00:00.000Z', hash, text },
      annotations: [],
      relations: [],
    };
    const file = StoredFile.create({ workspaceDir: dir, relPath: 'article.json', codec: articleCodec, backups: null }, doc);
    await expect(file.set(doc)).rejects.toThrow(/would not be readable the next time \(it does not match the expected format at article\.title/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
