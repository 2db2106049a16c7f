import { describe, expect, it } from 'vitest';
import { sharedAvailable, SHARED_MISSING_REASON } from '../../support/shared';
import { FIXED_SEED } from '../crash/random';
import { seedFiles } from './support/article-cases';
import { formatSeeds } from './support/format-seeds';
import { fuzzRuns, runFuzz } from './support/runs';

if (!sharedAvailable) console.warn(SHARED_MISSING_REASON);

const regression = { seed: 7, caseNumber: 3, found: 'an example' };

describe('the fuzz tests’ seeds', () => {
  it('npm test runs the fixed seed and each regression case; FUZZ_SEED replays; FUZZ_EXPLORE draws fresh ones', () => {
    expect(fuzzRuns([regression], {})).toEqual([{ seed: FIXED_SEED }, { seed: 7, only: [3], found: 'an example' }]);
    expect(fuzzRuns([regression], { FUZZ_SEED: '42' })).toEqual([{ seed: 42 }]);
    const explored = fuzzRuns([regression], { FUZZ_EXPLORE: '3' });
    expect(explored).toHaveLength(3);
    expect(explored.every((r) => r.only === undefined && r.seed !== FIXED_SEED)).toBe(true);
  });

  it('a regression replays exactly the case its seed produced in a full run', async () => {
    const full: number[] = [];
    const generate = (random: () => number) => random();
    await runFuzz([{ seed: 7 }], 5, generate, (value) => (full.push(value), { problems: [], checks: 1 }));
    const replayed: number[] = [];
    const totals = await runFuzz(fuzzRuns([regression], {}).slice(1), 5, generate, (value) => (replayed.push(value), { problems: ['x'], checks: 1 }));
    expect(replayed).toEqual([full[3]]);
    expect(totals.failed).toEqual(['seed 7 case 3 (regression: an example): x']);
  });

  // Regression: the exported seed files carried the time of the run and random ids, so the same
  // seed made different cases in every run (8,773 checks in one run, 8,772 in the next).
  it.skipIf(!sharedAvailable)('start from the same inputs in every run', async () => {
    const first = formatSeeds();
    await new Promise((r) => setTimeout(r, 5)); // a later time, as in another run
    expect(formatSeeds()).toEqual(first);
    expect(seedFiles()).toEqual(seedFiles());
  });
});
