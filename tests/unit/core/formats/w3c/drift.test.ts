import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseW3c } from '../../../../../src/core/formats/w3c';

/**
 * A W3C file made by another tool against the same article, whose positions are three characters
 * short (it counted the text without a three-character heading marker). The quotes are right: the
 * import re-anchors each one with the matcher update-article uses, and says so.
 */
const TEXT = readFileSync('seeds/000_d052c3cef2812ef5.txt', 'utf8');
const URL = 'https://news.example.org/2025/08/trump-zelenskyy-putin-meeting';
const fixture = (name: string) => readFileSync(`tests/fixtures/w3c/${name}`, 'utf8');
const parse = (input: string) => parseW3c(input, { author: 'colleague', file: 'w.jsonld', resolveText: (source) => (source === URL ? TEXT : undefined) });

describe('W3C positions that drifted from their quotes', () => {
  it('re-anchors every annotation on its quote, three characters later, with a note each', () => {
    const r = parse(fixture('drifted-by-three.jsonld'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [doc] = r.value.documents;
    expect(doc!.annotations.map((a) => a.quote).sort()).toEqual(['Putin', 'Trump', 'Volodymyr Zelenskyy', '“I don’t know that they’ll meet,”'].sort());
    // "Putin" occurs 6 times and "Trump" 9 times: each lands on the occurrence the file meant, the first.
    for (const a of doc!.annotations) expect(a.fragments[0]!.start).toBe(TEXT.indexOf(a.quote));
    expect(r.value.report.filter((n) => /re-anchored on the quote, 3 characters later/.test(n))).toHaveLength(4);
    expect(doc!.annotations.find((a) => a.label === 'quote')!.note).toBe('drifted with the rest');
  });

  it('refuses a quote the text does not hold, naming it, and imports nothing in its place', () => {
    const r = parse(fixture('quote-not-found.jsonld'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'w.jsonld', field: 'first.items[1].target.selector', annotation: 'https://annotations.example.org/anno/99' });
    expect(r.errors[0]!.message).toMatch(/"We will meet in Geneva next week" does not match .* not in the text/);
  });

  it('never moves a short quote onto another occurrence far from its position', () => {
    // "Putin" stated where the text is furthest from every "Putin", with a context found nowhere.
    const putins = [...TEXT.matchAll(/Putin/g)].map((m) => m.index);
    const distance = (at: number) => Math.min(...putins.map((p) => Math.abs(p - at)));
    const far = [...TEXT.matchAll(/\bTrump\b/g)].map((m) => m.index).reduce((a, b) => (distance(b) > distance(a) ? b : a));
    const input = JSON.stringify({
      type: 'Annotation',
      id: 'urn:x:far',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
      target: {
        source: URL,
        selector: [
          { type: 'TextPositionSelector', start: far, end: far + 5 },
          { type: 'TextQuoteSelector', exact: 'Putin', prefix: 'nothing like this text ', suffix: ' said nothing' },
        ],
      },
    });
    expect(distance(far)).toBeGreaterThan(100);
    const r = parse(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/"Putin" does not match the text at the position, "Trump", and is not in the text near/);
  });
});
