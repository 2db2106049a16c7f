import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseFormat, serializeFormat, parseBrat } from '../../../../src/core/formats';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { selectorsFor } from '../../../../src/core/text/selectors';
import { schema } from './arbitraries';

/**
 * An article with emoji (including a ZWJ sequence and a flag) and astral letters before and
 * inside the tagged spans: in UTF-16 every one of them shifts offsets, so each format's
 * exported offsets must be code points that select exactly the tagged text.
 */
const TEXT = '🇫🇷 Paris 👩‍👩‍👧: the 𝒳-party leader 😀 said “we 🎉 won”, then 𠜎 left.';
const tagged = ['Paris', '𝒳-party leader', 'we 🎉 won', '😀', '𠜎'];
const doc: ArticleDoc = {
  article: { id: 'a_emoji', title: 'Emoji', source: 'emoji.txt', importedAt: '2026-01-01T00:00:00.000Z', hash: 'e'.repeat(64), text: TEXT },
  annotations: tagged.map((t, i) => {
    const start = TEXT.indexOf(t);
    const fragments = [{ start, end: start + t.length }];
    return {
      id: `x${i}`,
      label: i === 2 ? 'quote' : 'actor',
      fragments,
      ...selectorsFor(TEXT, fragments),
      attributes: {},
      note: '',
      author: 'me',
      created: 'c',
      modified: 'm',
    };
  }),
  relations: [{ id: 'r1', type: 'speaker', from: 'x2', to: 'x1', author: 'me', created: 'c', modified: 'm' }],
};
const chars = Array.from(TEXT);
const byCodePoints = (start: number, end: number) => chars.slice(start, end).join('');
const only = (files: { path: string; content: string }[], end: string) => files.find((f) => f.path.endsWith(end))!.content;

describe('emoji and other astral characters, in every format', () => {
  it('the fixture really shifts UTF-16 offsets', () => {
    expect(TEXT.indexOf('Paris')).not.toBe(chars.indexOf('P'));
  });

  it('Lede JSON and JSONL give back the same offsets', () => {
    for (const format of ['lede', 'jsonl'] as const) {
      const back = parseFormat(format, only(serializeFormat(format, [doc], schema()).files, format === 'lede' ? '.json' : '.jsonl'), { author: 'x' });
      if (!back.ok) throw new Error(format);
      expect(back.value.documents[0]!.annotations.map((a) => TEXT.slice(a.fragments[0]!.start, a.fragments[0]!.end)).sort()).toEqual([...tagged].sort());
    }
  });

  it('JSONL spans count code points', () => {
    const line = JSON.parse(only(serializeFormat('jsonl', [doc], schema()).files, '.jsonl')) as { label: [number, number, string][] };
    expect(line.label.map(([s, e]) => byCodePoints(s, e))).toEqual(tagged);
  });

  it('W3C positions count code points and agree with the quotes', () => {
    const items = (
      JSON.parse(only(serializeFormat('w3c', [doc], schema()).files, '.jsonld')) as {
        first: { items: { motivation: string; target: { selector: { exact?: string; start?: number; end?: number }[] }[] }[] };
      }
    ).first.items;
    const spans = items.filter((i) => i.motivation === 'tagging');
    expect(spans.map((i) => byCodePoints(i.target[0]!.selector[1]!.start!, i.target[0]!.selector[1]!.end!))).toEqual(tagged);
    expect(spans.map((i) => i.target[0]!.selector[0]!.exact)).toEqual(tagged);
    const back = parseFormat('w3c', only(serializeFormat('w3c', [doc], schema()).files, '.jsonld'), { author: 'x' });
    expect(back.ok && back.value.documents[0]!.annotations.map((a) => a.quote).sort()).toEqual([...tagged].sort());
  });

  it('brat T lines count code points and their text column is the tagged text', () => {
    const files = serializeFormat('brat', [doc], schema()).files;
    const ann = only(files, '.ann');
    const tLines = ann
      .split('\n')
      .filter((l) => l.startsWith('T'))
      .map((l) => l.split('\t'));
    expect(tLines.map(([, head]) => byCodePoints(Number(head!.split(' ')[1]), Number(head!.split(' ')[2])))).toEqual(tagged);
    expect(tLines.map(([, , text]) => text)).toEqual(tagged);
    const back = parseBrat({ txt: only(files, '.txt'), ann, author: 'x' });
    expect(back.ok && back.value.documents[0]!.annotations.map((a) => a.quote).sort()).toEqual([...tagged].sort());
  });

  it('CSV offsets count code points and the text cell is the tagged text', () => {
    const rows = Papa.parse<Record<string, string>>(only(serializeFormat('csv', [doc], schema()).files, '.csv').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.text)).toEqual(tagged);
    expect(rows.map((r) => byCodePoints(Number(r.start), Number(r.end)))).toEqual(tagged);
  });

  it('CoNLL tokens of each tagged span spell exactly the tagged text', () => {
    const lines = only(serializeFormat('conll', [doc], schema()).files, '.conll')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    const actorRuns: string[] = [];
    for (const line of lines) {
      const [token, , quote, actor] = line.split('\t');
      if (actor!.startsWith('B-')) actorRuns.push(token!);
      else if (actor!.startsWith('I-')) actorRuns[actorRuns.length - 1] += token!;
      if (quote!.startsWith('B-')) actorRuns.push(`quote:${token}`);
      else if (quote!.startsWith('I-')) actorRuns[actorRuns.length - 1] += token!;
    }
    expect(actorRuns).toEqual(['Paris', '𝒳-partyleader', '😀', 'quote:we🎉won', '𠜎']);
    expect(lines.some((l) => l.startsWith('👩‍👩‍👧\t'))).toBe(true);
    expect(lines.some((l) => l.startsWith('🇫🇷\t'))).toBe(true);
  });
});
