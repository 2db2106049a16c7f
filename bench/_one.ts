import { newsPage } from '../tests/support/news-page';
import { extractHtmlArticle } from '../src/main/services/html-article';
const n = Number(process.argv[2]);
const { html, paragraphs } = newsPage(n);
const t0 = performance.now();
const r = extractHtmlArticle(html);
const ms = performance.now() - t0;
const found = r.ok ? paragraphs.filter((p) => r.value.text.includes(p)).length : -1;
process.stdout.write(`${n} ${(html.length / 1e6).toFixed(2)}MB ${ms.toFixed(0)}ms ${r.ok ? `ok ${found}/${paragraphs.length}` : JSON.stringify(r)}\n`);
