import { beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../src/core/suggest';
import { suggestionAt, suggestionsPending, useSuggest, visibleSuggestions } from '../../../../src/renderer/state/suggest-store';
import { article, connectTo, FakeBackend } from './fake-backend';

const TEXT = '“We will not back down,” the minister said.';

beforeEach(() => {
  connectTo(new FakeBackend([article('a', TEXT)]), 'a');
  useSuggest.setState({ shown: false, computing: false, text: null, all: [], currentId: null, error: null });
});

describe('whether the suggestions shown are those of the open text (state/suggest-store)', () => {
  it('is pending while shown but not yet computed for this text: an empty list then is no "0 suggestions"', () => {
    // Shown, the workspace's names still loading: nothing computed yet.
    useSuggest.setState({ shown: true });
    expect(visibleSuggestions()).toEqual([]);
    expect(suggestionsPending()).toBe(true);
    // Computing for this text.
    useSuggest.setState({ text: TEXT, computing: true });
    expect(suggestionsPending()).toBe(true);
    // Computed: the list is the answer, even an empty one.
    useSuggest.setState({ computing: false });
    expect(suggestionsPending()).toBe(false);
  });

  it('is pending when what was computed is another text (another article, or before Update text)', () => {
    useSuggest.setState({ shown: true, text: 'an older version', computing: false });
    expect(suggestionsPending()).toBe(true);
  });

  it('is not pending while hidden', () => {
    expect(suggestionsPending()).toBe(false);
  });
});

describe('which suggestion a click means (state/suggest-store)', () => {
  const quote: Suggestion = { id: 'quote@0-24', kind: 'quote', fragments: [{ start: 0, end: 24 }], text: TEXT.slice(0, 24), score: 0.9, rule: 'direct-quote' };
  const inner: Suggestion = { id: 'actor@3-5', kind: 'actor', fragments: [{ start: 3, end: 5 }], text: TEXT.slice(3, 5), score: 0.5, rule: 'known-name' };

  it('takes the innermost suggestion first, the one around it on a second click, and nothing where none is', () => {
    useSuggest.setState({ shown: true, text: TEXT, all: [quote, inner] });
    expect(suggestionAt(4)?.id).toBe(inner.id);
    useSuggest.setState({ currentId: inner.id });
    expect(suggestionAt(4)?.id).toBe(quote.id);
    useSuggest.setState({ currentId: quote.id });
    expect(suggestionAt(4)?.id).toBe(inner.id);
    expect(suggestionAt(10)?.id).toBe(quote.id);
    expect(suggestionAt(30)).toBeUndefined();
  });
});
