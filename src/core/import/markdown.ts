import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, Root } from 'mdast';
import { parse as parseYaml } from 'yaml';

/**
 * A Markdown article's readable text: what an analyst reads, not the markup. Parsed with
 * micromark (CommonMark + GFM: tables, strikethrough, autolinks, footnotes) into mdast, then
 * rendered as plain text in the paragraph model of src/core/text/paragraphs.ts: one line per
 * block (heading, paragraph, list item, table row, line of code), the lines of a soft-wrapped
 * paragraph joined with a space. Emphasis, links (their text), code spans and inline HTML (its
 * text, tags dropped) read as the words they mark; images, thematic breaks and link definitions
 * are not text. A YAML front-matter block is not text: its title, url, date, author, outlet,
 * language and tags are returned.
 */
export interface FrontMatter {
  title?: string;
  url?: string;
  date?: string;
  author?: string;
  outlet?: string;
  lang?: string;
  tags?: string[];
}

export interface MarkdownArticle {
  text: string;
  frontMatter: FrontMatter;
}

export function markdownToText(source: string): MarkdownArticle {
  const tree = fromMarkdown(source, {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
  const lines: string[] = [];
  blocks(tree, lines, '');
  return { text: lines.join('\n'), frontMatter: frontMatterOf(tree) };
}

function frontMatterOf(tree: Root): FrontMatter {
  const yaml = tree.children.find((n) => n.type === 'yaml');
  if (!yaml) return {};
  let data: unknown;
  try {
    data = parseYaml(yaml.value);
  } catch {
    return {}; // Front matter that is not YAML is still not article text; there is just no metadata in it.
  }
  if (!data || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  const scalar = (key: string): string | undefined => {
    const v = record[key];
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined;
  };
  const listOf = (key: string): string[] | undefined => {
    const v = record[key];
    return Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String) : undefined;
  };
  const out: FrontMatter = {};
  const title = scalar('title');
  const url = scalar('url') ?? scalar('link') ?? scalar('source');
  const date = scalar('date') ?? scalar('published');
  const author = scalar('author') ?? scalar('byline') ?? listOf('author')?.join(', ') ?? listOf('authors')?.join(', ');
  const outlet = scalar('outlet') ?? scalar('publisher') ?? scalar('site');
  const lang = scalar('lang') ?? scalar('language');
  const tags = listOf('tags') ?? listOf('keywords') ?? (scalar('tags') ?? scalar('keywords'))?.split(',');
  if (title) out.title = title;
  if (url) out.url = url;
  if (date) out.date = date;
  if (author) out.author = author;
  if (outlet) out.outlet = outlet;
  if (lang) out.lang = lang;
  if (tags) out.tags = tags.map((t) => t.trim()).filter(Boolean);
  return out;
}

/** Appends the lines of a block container; `marker` goes before the first line (a list bullet). */
function blocks(parent: Parents, lines: string[], marker: string): void {
  let first = true;
  const push = (line: string) => {
    if (line.trim() === '') return;
    lines.push(first ? marker + line : line);
    first = false;
  };
  for (const node of parent.children) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        for (const line of inline(node).split('\n')) push(line.trim());
        break;
      case 'blockquote':
      case 'footnoteDefinition': {
        const inner: string[] = [];
        blocks(node, inner, '');
        inner.forEach(push);
        break;
      }
      case 'list': {
        let n = node.start ?? 1;
        for (const item of node.children) {
          const inner: string[] = [];
          blocks(item, inner, node.ordered ? `${n++}. ` : '• ');
          inner.forEach(push);
        }
        break;
      }
      case 'code':
        node.value.split(/\r?\n/).forEach((line) => push(line.trimEnd()));
        break;
      case 'html':
        for (const line of htmlText(node.value).split('\n')) push(line.trim());
        break;
      case 'table':
        for (const row of node.children)
          push(
            row.children
              .map((cell) =>
                inline(cell)
                  .replace(/\s*\n\s*/g, ' ')
                  .trim(),
              )
              .join(' | '),
          );
        break;
      default:
        // thematicBreak, definition, yaml: not article text.
        break;
    }
  }
}

/** The text of inline content; hard line breaks stay line breaks, soft ones become spaces. */
function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return htmlText(node.value);
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((c) => inline(c as Nodes)).join('') : '';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Raw HTML in Markdown: its text without the tags (`<br>` and block ends start a new line). */
function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}
