import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/core/model/ids';

describe('newId', () => {
  it('is the prefix and 20 lowercase hex digits', () => {
    for (let i = 0; i < 3000; i++) expect(newId('ann')).toMatch(/^ann_[0-9a-f]{20}$/);
    expect(newId('rel')).toMatch(/^rel_[0-9a-f]{20}$/);
  });

  it('never repeats across many refills of its random pool', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(newId('x'));
    expect(ids.size).toBe(50_000);
  });

  it('uses every hex digit in every position (the bits are random, not patterned)', () => {
    const seen = Array.from({ length: 20 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) [...newId('a').slice(2)].forEach((d, k) => seen[k]!.add(d));
    for (const digits of seen) expect(digits.size).toBe(16);
  });
});
