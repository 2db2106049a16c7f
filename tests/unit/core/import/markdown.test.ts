import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../../src/core/import/markdown';
import { paragraphsOf } from '../../../../src/core/text/paragraphs';

const NEWS = `---
title: "Moscow denies role in pipeline blast"
url: https://example.org/2026/12/02/pipeline
date: 2026-12-02
tags: [russia, energy]
---

# Moscow denies role in pipeline blast

**Moscow** — The [Kremlin](https://kremlin.ru "Official site") said on Tuesday that Russia
had *nothing* to do with the explosion, which _Ukraine_ blamed on sabotage.

> “We categorically reject these accusations,” Dmitry Peskov told reporters.
> He did not take questions.

## What we know

- The blast happened at 03:40 local time.
- Divers found \`two charges\` near the valve.
  1. The first at 70 m.
  2. The second at 80 m.

3. Numbered from three.

Officials spoke of a <b>deliberate</b> act&nbsp;&amp; demanded an inquiry.<br>Markets fell.

| Country | Reaction |
|---------|----------|
| Germany | **Concern** |
| Poland  | Outrage |

![A diver](diver.jpg)

***

\`\`\`
Statement, 14:00:
  No comment.
\`\`\`

See also ~~the earlier report~~ https://example.org/earlier and the timeline.[^1]

[^1]: Updated at 15:00 with the Polish reaction.
`;

describe('Markdown to readable text', () => {
  const { text, frontMatter } = markdownToText(NEWS);
  const lines = paragraphsOf(text).map((p) => p.text);

  it('keeps the front matter out of the text and returns its title, url, date and tags', () => {
    expect(frontMatter).toEqual({
      title: 'Moscow denies role in pipeline blast',
      url: 'https://example.org/2026/12/02/pipeline',
      date: '2026-12-02',
      tags: ['russia', 'energy'],
    });
    expect(text).not.toContain('title:');
    expect(text).not.toContain('---');
  });

  it('renders headings, emphasis, links and soft-wrapped paragraphs as plain lines', () => {
    expect(lines.slice(0, 2)).toEqual([
      'Moscow denies role in pipeline blast',
      'Moscow — The Kremlin said on Tuesday that Russia had nothing to do with the explosion, which Ukraine blamed on sabotage.',
    ]);
    expect(text).not.toMatch(/[*_#[\]]|https:\/\/kremlin/);
  });

  it('renders a blockquote as its paragraph and lists as one line per item, nested ones included', () => {
    expect(lines).toContain('“We categorically reject these accusations,” Dmitry Peskov told reporters. He did not take questions.');
    expect(lines).toContain('What we know');
    expect(lines).toContain('• The blast happened at 03:40 local time.');
    expect(lines).toContain('• Divers found two charges near the valve.');
    expect(lines).toContain('1. The first at 70 m.');
    expect(lines).toContain('2. The second at 80 m.');
    expect(lines).toContain('3. Numbered from three.');
  });

  it('drops inline HTML tags, decodes entities, and a <br> starts a new line', () => {
    expect(lines).toContain('Officials spoke of a deliberate act\u00a0& demanded an inquiry.');
    expect(lines).toContain('Markets fell.');
  });

  it('degrades a table to one line per row, and keeps code, strikethrough, autolinks and footnotes as text', () => {
    expect(lines).toContain('Country | Reaction');
    expect(lines).toContain('Germany | Concern');
    expect(lines).toContain('Poland | Outrage');
    expect(lines).toContain('Statement, 14:00:');
    expect(lines).toContain('  No comment.');
    expect(lines).toContain('See also the earlier report https://example.org/earlier and the timeline.');
    expect(lines[lines.length - 1]).toBe('Updated at 15:00 with the Polish reaction.');
  });

  it('leaves images and rules out, and no empty lines between blocks', () => {
    expect(text).not.toContain('diver');
    expect(lines.every((l) => l.trim() !== '')).toBe(true);
  });

  it('reads a file with no front matter, and front matter that is not YAML gives no metadata', () => {
    expect(markdownToText('Plain *news* line.')).toEqual({ text: 'Plain news line.', frontMatter: {} });
    expect(markdownToText('---\ntitle: [unclosed\n---\nBody.')).toEqual({ text: 'Body.', frontMatter: {} });
  });
});
