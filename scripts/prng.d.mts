/** A seeded PRNG (mulberry32): each call returns the next number in [0, 1). */
export function prng(seed: number): () => number;
