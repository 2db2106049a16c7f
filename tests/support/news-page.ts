/**
 * Saved news pages shaped like real ones (what "Save page as…" gives from a news site), of a
 * chosen size in elements: a head with meta tags, inline scripts and styles; a header with a
 * mega-menu; the article (headline, byline, paragraphs, figures, pull quotes, embedded tweets)
 * inside ten to twenty wrapper divs; ad slots; a sidebar of teasers; SVG icons; a comments
 * section of threaded replies (the bulk of the elements on a busy story); a footer of link lists.
 * Deterministic: the same arguments give the same page.
 */
export interface NewsPage {
  html: string;
  /** Sentences of the article body, in order: what an import must find. */
  paragraphs: string[];
}

export function newsPage(targetElements: number, seed = 1): NewsPage {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const words = [
    'minister',
    'port',
    'union',
    'deal',
    'strike',
    'council',
    'budget',
    'harbour',
    'workers',
    'agreement',
    'vote',
    'talks',
    'city',
    'report',
    'week',
    'shipping',
  ];
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]!);
    return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  let elements = 0;
  const el = (tag: string, attrs: string, inner: string) => {
    elements++;
    return `<${tag}${attrs ? ` ${attrs}` : ''}>${inner}</${tag}>`;
  };
  const icon = () => {
    elements += 4;
    return '<svg viewBox="0 0 24 24" aria-hidden="true"><g><path d="M3 12h18M12 3v18"/><circle cx="12" cy="12" r="4"/></g></svg>';
  };
  const script = (n: number) =>
    `<script>window.__data=${JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, t: sentence(6) })) })};</script>`;

  const paragraphs = Array.from({ length: 30 }, (_, i) => `${sentence(14)} Paragraph ${i + 1} of the story. ${sentence(10)}`);
  const body: string[] = [];
  for (const [i, p] of paragraphs.entries()) {
    body.push(el('p', 'class="story-text"', p.replace('story.', '<a href="/topic/story">story</a>.').replace(/^(\w+)/, '<strong>$1</strong>')));
    elements += 2;
    if (i % 6 === 3)
      body.push(
        el(
          'figure',
          'class="media"',
          `${el('img', 'src="/img/p.jpg" alt="Dock"', '')}${el('figcaption', '', `${sentence(8)} ${el('span', 'class="credit"', 'Photo: Agency')}`)}`,
        ),
      );
    if (i % 9 === 5) body.push(el('div', 'class="ad-slot" data-ad="mid"', el('div', 'class="ad-inner"', el('iframe', 'src="about:blank"', ''))));
    if (i % 10 === 7)
      body.push(el('blockquote', 'class="twitter-tweet"', `${el('p', '', sentence(12))}— ${el('a', 'href="https://x.example/s/1"', '@harbour')}`));
  }
  const wrap = (inner: string, depth: number) => {
    let out = inner;
    for (let d = 0; d < depth; d++) out = el('div', `class="layout-${d}"`, out);
    return out;
  };
  const article = wrap(
    el(
      'article',
      'class="story"',
      `${el('header', '', `${el('h1', 'class="headline"', 'Port strike ends after ministers agree pay deal')}${el('p', 'class="byline"', `By ${el('a', 'rel="author" href="/authors/jane"', 'Jane Okafor')} ${el('time', 'datetime="2025-03-14T09:30:00Z"', '14 March 2025')}`)}`)}${el('div', 'class="story-body"', body.join('\n'))}`,
    ),
    14,
  );
  const menu = (n: number) =>
    el(
      'ul',
      'class="menu"',
      Array.from({ length: n }, (_, i) =>
        el(
          'li',
          '',
          `${el('a', `href="/s/${i}"`, `Section ${i}`)}${i % 4 === 0 ? el('ul', 'class="sub"', Array.from({ length: 6 }, (_, j) => el('li', '', el('a', `href="/s/${i}/${j}"`, `Topic ${j}`))).join('')) : ''}`,
        ),
      ).join(''),
    );
  const header = el(
    'header',
    'class="site-header"',
    `${el('a', 'class="logo" href="/"', `${icon()}The Harbour Courier`)}${el('nav', 'class="main-nav"', menu(40))}${el('form', 'class="search"', `${el('input', 'type="search"', '')}${el('button', '', icon())}`)}`,
  );
  const teaser = (i: number) =>
    el(
      'li',
      'class="teaser"',
      el('a', `href="/story/${i}"`, `${el('img', 'src="/t.jpg" alt=""', '')}${el('h3', '', sentence(7))}${el('span', 'class="kicker"', 'Business')}`),
    );
  const sidebar = el(
    'aside',
    'class="sidebar"',
    `${el('h2', '', 'Most read')}${el('ol', '', Array.from({ length: 10 }, (_, i) => teaser(i)).join(''))}${el('div', 'class="ad-slot"', el('div', '', ''))}`,
  );
  const footer = el(
    'footer',
    'class="site-footer"',
    Array.from({ length: 6 }, (_, c) => el('div', 'class="col"', `${el('h4', '', `Column ${c}`)}${menu(12)}`)).join('') + el('p', '', '© The Harbour Courier'),
  );
  const head = `<head><meta charset="utf-8"><title>Port strike ends | The Harbour Courier</title><meta property="og:site_name" content="The Harbour Courier"><meta property="og:title" content="Port strike ends after ministers agree pay deal"><meta property="article:published_time" content="2025-03-14T09:30:00+00:00"><link rel="canonical" href="https://www.harbourcourier.example/news/port-strike"><style>${'.a{color:red}'.repeat(2000)}</style>${script(400)}<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>`;
  const fixed = () => elements;
  const before = fixed();
  // The comments: threads of replies, each comment a small tree (avatar, name, time, text, actions).
  const comment = (i: number, depth: number): string =>
    el(
      'div',
      `class="comment" id="c${i}"`,
      `${el('div', 'class="comment-head"', `${el('img', 'class="avatar" src="/a.png" alt=""', '')}${el('span', 'class="name"', `Reader ${i}`)}${el('time', '', '2 h')}`)}${el('div', 'class="comment-body"', el('p', '', sentence(18)))}${el('div', 'class="comment-actions"', `${el('button', '', `${icon()}Reply`)}${el('button', '', `${icon()}Like`)}`)}${depth < 3 && i % 3 === 0 ? el('div', 'class="replies"', comment(i * 7 + 1, depth + 1)) : ''}`,
    );
  const comments: string[] = [];
  for (let i = 0; elements < targetElements - 200; i++) comments.push(comment(i, 0));
  const after = elements - before;
  void after;
  const commentsSection = el('section', 'class="comments" id="comments"', `${el('h2', '', 'Comments')}${comments.join('\n')}`);
  const page = el('div', 'class="page"', `${header}${el('main', 'class="content"', `${article}${sidebar}`)}${commentsSection}${footer}`);
  const html = `<!DOCTYPE html>\n<html lang="en-GB">${head}<body class="article-page">${page}${script(200)}<!-- saved from url=(0050)https://www.harbourcourier.example/news/port-strike -->\n</body></html>\n`;
  return { html, paragraphs };
}
