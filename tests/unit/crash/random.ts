/** A small seeded PRNG (mulberry32), so a crash or fuzz run can be replayed from its printed seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed `npm test` runs with: any fixed number would do; this one is the date the rule was made. */
export const FIXED_SEED = 20_261_202;

/**
 * The seed from `variable` in the environment (to replay a run); else a fresh one when exploring
 * (`npm run fuzz` sets FUZZ_EXPLORE), else the fixed seed, so `npm test` runs the same cases every
 * time. Always printed.
 */
export function seedFrom(variable: string): number {
  const given = process.env[variable];
  const seed = given !== undefined && given !== '' ? Number(given) >>> 0 : process.env.FUZZ_EXPLORE ? (Math.random() * 2 ** 32) >>> 0 : FIXED_SEED;
  console.log(`${variable}=${seed} (set it to replay this run)`);
  return seed;
}
