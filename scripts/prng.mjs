// mulberry32: the small seeded PRNG every data generator and test fixture of the repository uses (scripts/,
// examples/data/generate.mjs, the chart fixtures), so generated files are the same on every run and Node
// version.
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
