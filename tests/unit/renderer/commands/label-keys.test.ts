import { describe, expect, it } from 'vitest';
import { labelKeys, labelKeysText } from '../../../../src/renderer/commands/label-keys';

describe('label key hints follow the schema', () => {
  it('names every keyed label, however many there are', () => {
    const labels = [
      { key: '1', name: 'Claim' },
      { key: '2', name: 'Quote' },
      { key: '', name: 'Unkeyed' },
      { key: '3', name: 'Actor' },
      { key: '4', name: 'Event' },
      { key: '5', name: 'Frame' },
      { key: 'q', name: 'Question' },
    ];
    expect(labelKeys(labels).map((l) => l.key)).toEqual(['1', '2', '3', '4', '5', 'q']);
    expect(labelKeysText(labels)).toBe('1 Claim · 2 Quote · 3 Actor · 4 Event · 5 Frame · q Question');
  });
  it('says how to get keys when no label has one, and never promises 1–4', () => {
    expect(labelKeys([{ key: '', name: 'Claim' }])).toEqual([]);
    expect(labelKeysText([])).toBe('none (set them in Settings)');
    expect(
      labelKeysText([
        { key: '1', name: 'Claim' },
        { key: '2', name: 'Source' },
      ]),
    ).toBe('1 Claim · 2 Source');
  });
});
