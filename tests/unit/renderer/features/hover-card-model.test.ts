import { describe, expect, it } from 'vitest';
import { hoverEntries } from '../../../../src/renderer/features/editor/hover-card-model';
import { DEFAULT_LABEL_SCHEMA } from '../../../../src/core/model/label-schema';
import type { Annotation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { lineStyleOf, barDash, LINE_STYLES } from '../../../../src/renderer/styles/label-cues';

const T = '2026-01-01T00:00:00.000Z';
const ann = (id: string, label: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  label,
  fragments: [{ start, end }],
  quote: TEXT.slice(start, end),
  prefix: '',
  suffix: '',
  attributes: {},
  note: '',
  author: 'Ana',
  created: T,
  modified: T,
  ...extra,
});
const TEXT = 'Trump said: "It takes two to tango." Then he left.';
const quote = ann('q', 'quote', 12, 36, { note: 'A long note '.repeat(20), attributes: { type: 'direct' } });
const actor = ann('a', 'actor', 0, 5, { author: 'Ben' });
const doc: ArticleDoc = {
  article: { id: 'x', title: 't', source: 's', importedAt: T, hash: '0'.repeat(64), text: TEXT },
  annotations: [actor, quote],
  relations: [{ id: 'r', type: 'speaker', from: 'q', to: 'a', author: 'Ana', created: T, modified: T }],
};

describe('the hover card says what the spans are', () => {
  it('names label, author, note excerpt, attributes by their schema names, and links both ways', () => {
    const [q] = hoverEntries(doc, DEFAULT_LABEL_SCHEMA, [quote]);
    expect(q).toMatchObject({ label: 'Quote', author: 'Ana', quote: '"It takes two to tango."', attributes: [{ name: 'Type', value: 'direct' }] });
    expect(q!.note.length).toBeLessThanOrEqual(120);
    expect(q!.note.endsWith('…')).toBe(true);
    expect(q!.links).toEqual([expect.stringMatching(/^Speaker → “Trump”$/i)]);
    const [a] = hoverEntries(doc, DEFAULT_LABEL_SCHEMA, [actor]);
    expect(a).toMatchObject({ label: 'Actor', author: 'Ben', note: '' });
    expect(a!.links).toEqual([expect.stringMatching(/^“"It takes two to tango\."” → Speaker of this$/i)]);
  });
  it('keeps an unknown label by its id, and yes/no attributes in words', () => {
    const odd = ann('o', 'frame', 0, 5, { attributes: { checkWorthy: true } });
    expect(hoverEntries(doc, DEFAULT_LABEL_SCHEMA, [odd])[0]).toMatchObject({
      label: 'frame',
      labelIndex: -1,
      attributes: [{ name: 'checkWorthy', value: 'yes' }],
    });
  });
});

describe('labels differ by more than colour', () => {
  it('gives neighbouring labels different line styles, and draws each as a distinct bar', () => {
    const styles = DEFAULT_LABEL_SCHEMA.labels.map((_, i) => lineStyleOf(i));
    expect(new Set(styles).size).toBe(Math.min(styles.length, LINE_STYLES.length));
    const bars = LINE_STYLES.map((_, i) => barDash(i));
    expect(new Set(bars).size).toBe(LINE_STYLES.length);
    expect(lineStyleOf(-1)).toBe(lineStyleOf(LINE_STYLES.length - 1));
  });
});
