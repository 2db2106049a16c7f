import fc from 'fast-check';
import { FIXED_SEED } from '../crash/random';

/**
 * Property tests run on a fixed seed, so `npm test` gives the same answer every time (fast-check
 * otherwise draws a new seed per run, and a counterexample found by chance would block an
 * unrelated change). FC_SEED=S replays a seed fast-check printed; `npm run fuzz` (FUZZ_EXPLORE)
 * runs every property on a fresh seed, printed, to keep exploring.
 */
const given = process.env.FC_SEED;
const seed = given ? Number(given) | 0 : process.env.FUZZ_EXPLORE ? (Math.random() * 2 ** 31) | 0 : FIXED_SEED;
if (given || process.env.FUZZ_EXPLORE) console.log(`FC_SEED=${seed} (fast-check seed of this run)`);
fc.configureGlobal({ seed });
