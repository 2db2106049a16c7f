import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../../../src/core/import/article-bytes';
import { articleIdFromHash, titleFromText } from '../../../../src/core/model/article';
import { sha256Hex } from '../../../../src/main/services/store/file-formats';
import { docOnDisk, fixture, FIXTURES_DIR, workspaceForTest } from './support';

function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe('importing article files', () => {
  it('adds .txt with its exact text and .md with its readable text, title, source, time and hash, and stores them', async () => {
    const { ws, dir } = await workspaceForTest();
    const report = await ws.importArticleFiles([fixture('plain.txt'), fixture('briefing.md')]);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.added.map((a) => a.source)).toEqual(['plain.txt', 'briefing.md']);
    const briefing = [
      'Morning briefing: flood warnings extended',
      'Forecasters extended flood warnings for the river valley until Thursday, the weather service said on Wednesday.',
      '• Schools in three districts will stay closed.',
      '• Residents were told to move valuables upstairs.',
    ].join('\n');
    const expected = { 'plain.txt': readFileSync(join(FIXTURES_DIR, 'plain.txt'), 'utf8'), 'briefing.md': briefing };
    for (const [name, added] of [
      ['plain.txt', report.added[0]!],
      ['briefing.md', report.added[1]!],
    ] as const) {
      const text = expected[name];
      const hash = sha256Hex(text);
      expect(added).toMatchObject({ id: articleIdFromHash(hash), hash, title: titleFromText(text), length: text.length, annotationCount: 0 });
      expect(docOnDisk(dir, added.id).article.text).toBe(text);
    }
    expect(report.added[0]!.title).toBe('Council votes to keep the night buses running');
    expect(report.added[1]!.title).toBe('Morning briefing: flood warnings extended');
    expect((await ws.listArticles()).length).toBe(7);
  });

  it('imports a news .md with front matter, links, emphasis and a table as its readable text', async () => {
    const { ws, dir } = await workspaceForTest();
    const md = [
      '---',
      'title: "Kremlin rejects sabotage claims"',
      'url: https://example.org/kremlin',
      '---',
      '',
      '## Kremlin rejects sabotage claims',
      '',
      '**Moscow** — The [Kremlin](https://kremlin.ru) said on',
      'Tuesday it had *nothing* to do with the blast.',
      '',
      '| Day | Event |',
      '|-----|-------|',
      '| Tue | Blast |',
    ].join('\n');
    const { added, failed } = await ws.importArticleFiles([{ name: 'kremlin.md', bytes: new TextEncoder().encode(md) }]);
    expect(failed).toEqual([]);
    const text = docOnDisk(dir, added[0]!.id).article.text;
    expect(text).toBe('Kremlin rejects sabotage claims\nMoscow — The Kremlin said on Tuesday it had nothing to do with the blast.\nDay | Event\nTue | Blast');
    expect(added[0]!.title).toBe('Kremlin rejects sabotage claims');
  });

  it('refuses a .md that holds no text once its markup is read, and stores nothing', async () => {
    const { ws } = await workspaceForTest();
    const before = (await ws.listArticles()).length;
    const { added, failed } = await ws.importArticleFiles([
      { name: 'empty.md', bytes: new TextEncoder().encode('---\ntitle: x\n---\n\n![photo](a.png)\n\n---\n') },
    ]);
    expect(added).toEqual([]);
    expect(failed).toEqual([{ file: 'empty.md', error: 'empty.md: has no text once its Markdown markup is read (only front matter, images or rules)' }]);
    expect((await ws.listArticles()).length).toBe(before);
  });

  it('drops a UTF-8 BOM and nothing else', async () => {
    const { ws } = await workspaceForTest();
    const { added } = await ws.importArticleFiles([fixture('bom.txt')]);
    const doc = await ws.getDoc(added[0]!.id);
    expect(doc.article.text).toBe('Market closes higher on tech rally\nShares rose 1.2% on Friday, led by chip makers.\n');
    expect(doc.article.hash).toBe(sha256Hex(doc.article.text));
  });

  it('reports duplicates, already stored or within one batch, and adds them once', async () => {
    const { ws } = await workspaceForTest();
    const seeds = await ws.listArticles();
    const seedFile = { name: 'copy-of-seed.txt', bytes: new Uint8Array(readFileSync(join(FIXTURES_DIR, '..', '..', '..', 'seeds', seeds[0]!.source))) };
    const report = await ws.importArticleFiles([fixture('plain.txt'), seedFile, { ...fixture('plain.txt'), name: 'plain-again.txt' }]);
    expect(report.added.map((a) => a.source)).toEqual(['plain.txt']);
    expect(report.duplicates).toEqual([
      { file: 'copy-of-seed.txt', existing: seeds[0]!.title },
      { file: 'plain-again.txt', existing: 'Council votes to keep the night buses running' },
    ]);
    const again = await ws.importArticleFiles([fixture('plain.txt')]);
    expect(again).toEqual({ added: [], duplicates: [{ file: 'plain.txt', existing: 'Council votes to keep the night buses running' }], failed: [] });
    expect((await ws.listArticles()).length).toBe(6);
  });

  it('refuses every bad file with a clear error naming it, and changes nothing', async () => {
    const { ws, dir } = await workspaceForTest();
    await ws.flush();
    const before = listing(dir);
    const oversized = { name: 'huge.txt', bytes: new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x41) };
    const report = await ws.importArticleFiles([
      fixture('empty.txt'),
      fixture('blank.txt'),
      fixture('latin1.txt'),
      fixture('photo.png'),
      fixture('photo-renamed.txt'),
      fixture('control-chars.txt'),
      fixture('report.pdf'),
      fixture('no-article.html'),
      oversized,
    ]);
    expect(report.added).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(Object.fromEntries(report.failed.map((f) => [f.file, f.error]))).toEqual({
      'empty.txt': 'empty.txt: is empty',
      'blank.txt': 'blank.txt: contains only whitespace',
      'latin1.txt': 'latin1.txt:1: is not valid UTF-8 text (byte 0xe9 at offset 3); save it as UTF-8 and import it again',
      'photo.png': 'photo.png: is not an article file Lede can import (use .txt, .md, .html or .htm)',
      'photo-renamed.txt': expect.stringMatching(/^photo-renamed\.txt: looks like a binary file, not text \(it contains NUL bytes\)/),
      'control-chars.txt': expect.stringMatching(/^control-chars\.txt:2: contains the control character U\+001B/),
      'report.pdf': 'report.pdf: is not an article file Lede can import (use .txt, .md, .html or .htm)',
      'no-article.html': 'no-article.html: has no article text that could be found (is it a saved news page?)',
      'huge.txt': 'huge.txt: is 20.0 MB, over the 20 MB limit for an article',
    });
    expect((await ws.listArticles()).length).toBe(5);
    await ws.flush();
    expect(listing(dir)).toEqual(before);
  });

  it('adds the good files of a batch and refuses the bad ones', async () => {
    const { ws } = await workspaceForTest();
    const report = await ws.importArticleFiles([fixture('latin1.txt'), fixture('plain.txt')]);
    expect(report.added.map((a) => a.source)).toEqual(['plain.txt']);
    expect(report.failed.map((f) => f.file)).toEqual(['latin1.txt']);
  });
});

describe('importing a saved news page (.html)', () => {
  it('keeps the headline and the article paragraphs, and drops navigation, ads, scripts, styles, comments, iframes and figures', async () => {
    const { ws } = await workspaceForTest();
    const { added, failed } = await ws.importArticleFiles([fixture('news-page.html')]);
    expect(failed).toEqual([]);
    const { article } = await ws.getDoc(added[0]!.id);
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toBe('Port strike ends after ministers agree pay deal');
    expect(article.title).toBe('Port strike ends after ministers agree pay deal');
    expect(article.source).toBe('news-page.html');
    expect(paragraphs).toContain(
      'Dock workers at the country’s two largest container ports will return to work on Monday after union leaders accepted a pay offer that ends a three-week strike.',
    );
    expect(paragraphs).toContain(
      '“This deal recognises the skill and the risk of the work our members do,” said Maria Santos, general secretary of the Dockers’ Union. “Nobody wanted this to go on.”',
    );
    expect(paragraphs).toContain('“We lost three weeks of trade, and small exporters felt it most,” said Amir Haddad of the Chamber of Commerce.');
    expect(paragraphs.at(-1)).toBe(
      'Under the deal, wages rise by 6 percent this year and 4 percent next year, and overtime rules for night shifts are to be reviewed by an independent panel by the end of June.',
    );
    expect(paragraphs).toHaveLength(7);
    for (const unwanted of [
      'Subscribe',
      'Advertisement',
      'IFRAME',
      'INJECTED',
      'SCRIPT',
      'COMMENT',
      'Sponsored',
      'Related',
      'Ferry fares',
      'rights reserved',
      'font-family',
      'dataLayer',
      'Cranes stood idle',
      'Share on',
      '<',
      '>',
    ]) {
      expect(article.text).not.toContain(unwanted);
    }
    expect(article.text).not.toMatch(/\n{3}|[ \t]\n|\n[ \t]/);
  });

  // Regression: the fuzz test (seed 458759591) hung for ten minutes on a page with a 300 KB srcset,
  // which Readability rewrites with a regular expression whose time grows with the square of its length.
  it('reads a page with huge srcset and other over-long attributes quickly, and its text is unchanged', async () => {
    const { ws } = await workspaceForTest();
    const page = fixture('news-page.html');
    const original = (await ws.importArticleFiles([page])).added[0]!;
    const html = new TextDecoder().decode(page.bytes);
    const hostileImage = `<img src="a.jpg" srcset="${'x'.repeat(60_000)} y" alt="${'a'.repeat(100_000)}">`;
    const hostile = html.replace('<p>Dock workers', `${hostileImage}<p data-x="${'y '.repeat(50_000)}">Dock workers`);
    expect(hostile.length).toBeGreaterThan(html.length + 250_000);
    const started = process.cpuUsage();
    const { added, duplicates, failed } = await ws.importArticleFiles([{ name: 'hostile.html', bytes: new TextEncoder().encode(hostile) }]);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
    expect(failed).toEqual([]);
    expect(added).toEqual([]);
    expect(duplicates).toEqual([{ file: 'hostile.html', existing: original.title }]);
  });

  // Regression: the fuzz test (seed 1154816817) spent 8 s in jsdom on 6,000 divs nested inside a
  // <noscript>, which the pre-scan used to skip because noscript is removed (after parsing).
  it('refuses deep markup hidden in noscript before jsdom parses it', async () => {
    const { ws } = await workspaceForTest();
    const html = new TextDecoder().decode(fixture('news-page.html').bytes).replace('</body>', `<noscript>${'<div>'.repeat(6000)}</noscript></body>`);
    const started = process.cpuUsage();
    const { added, failed } = await ws.importArticleFiles([{ name: 'deep-noscript.html', bytes: new TextEncoder().encode(html) }]);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
    expect(added).toEqual([]);
    expect(failed).toEqual([
      { file: 'deep-noscript.html', error: expect.stringMatching(/^deep-noscript\.html: has elements nested more than 512 levels deep/) },
    ]);
  });
});

describe('importing article metadata (issue 17)', () => {
  it('reads outlet, canonical URL, byline, published time, language and tags from a saved news page', async () => {
    const { ws, dir } = await workspaceForTest();
    const { added, failed } = await ws.importArticleFiles([fixture('news-page-meta.html')]);
    expect(failed).toEqual([]);
    const article = docOnDisk(dir, added[0]!.id).article;
    expect(article).toMatchObject({
      title: 'Port strike ends after ministers agree pay deal',
      outlet: 'The Harbour Courier',
      url: 'https://www.harbourcourier.example/news/2025/03/14/port-strike-ends-pay-deal',
      byline: 'Jane Okafor',
      published: '2025-03-14T09:30:00+00:00',
      language: 'en-GB',
      tags: ['Ports', 'Strikes'],
    });
  });

  it('takes what Readability finds on a page without meta tags (its byline), and nothing it cannot know', async () => {
    const { ws, dir } = await workspaceForTest();
    const { added } = await ws.importArticleFiles([fixture('news-page.html')]);
    const article = docOnDisk(dir, added[0]!.id).article;
    expect(article.byline).toMatch(/Jane Okafor/);
    expect(article.url).toBeUndefined();
    expect(article.language).toBe('en');
  });

  it('reads title, url, date, author, outlet, language and tags from Markdown front matter', async () => {
    const { ws, dir } = await workspaceForTest();
    const md = [
      '---',
      'title: "Kremlin rejects  sabotage claims"',
      'url: https://example.org/kremlin',
      'date: 2026-12-02',
      'author: [Anna Petrova, Tom Reid]',
      'outlet: Example Wire',
      'lang: en',
      'tags: [Russia, energy]',
      '---',
      '',
      'Moscow said on Tuesday it had nothing to do with the blast.',
    ].join('\n');
    const { added } = await ws.importArticleFiles([{ name: 'kremlin.md', bytes: new TextEncoder().encode(md) }]);
    expect(docOnDisk(dir, added[0]!.id).article).toMatchObject({
      title: 'Kremlin rejects sabotage claims',
      url: 'https://example.org/kremlin',
      published: '2026-12-02',
      byline: 'Anna Petrova, Tom Reid',
      outlet: 'Example Wire',
      language: 'en',
      tags: ['Russia', 'energy'],
    });
  });

  it('keeps the first line as the title of a .txt, with no other metadata', async () => {
    const { ws, dir } = await workspaceForTest();
    const { added } = await ws.importArticleFiles([fixture('plain.txt')]);
    const article = docOnDisk(dir, added[0]!.id).article;
    expect(article.title).toBe('Council votes to keep the night buses running');
    expect(Object.keys(article).sort()).toEqual(['hash', 'id', 'importedAt', 'source', 'text', 'title']);
  });
});
