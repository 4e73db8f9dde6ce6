/**
 * "Did you mean …?" for a mistyped name (a config key, a flag, a command): the known name equal to it
 * ignoring case, else the one sharing the longest run of letters in order (a common subsequence) when that
 * covers most of both (`staleAfterDay` → `staleAfterDays`, `lead` → `leads`, `kpi` → `kpis`).
 *
 * @example
 * ```ts
 * suggestion('staleAfterDay', ['staleAfterDays', 'warnAfterDays']); // 'staleAfterDays'
 * suggestion('xyz', ['leads']); // undefined
 * ```
 */
export function suggestion(name: string, known: readonly string[]): string | undefined {
  const renamed = RENAMED[name];
  if (renamed !== undefined && known.includes(renamed)) return renamed;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = 0.7;
  for (const k of known) {
    const candidate = k.toLowerCase();
    if (candidate === lower) return k;
    const common = commonSubsequence(lower, candidate);
    const score = Math.min(common / lower.length, (2 * common) / (lower.length + candidate.length) + 0.15);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/**
 * Names renamed after 0.1.0 (listed in CHANGELOG.md): the old spelling points at the new one, however far
 * apart the letters are. The heatmap's "bucket" became "slot", the word the rest of the project uses.
 */
const RENAMED: Readonly<Record<string, string>> = { bucket: 'slot', bucketMinutes: 'slotMinutes' };

/** ` (did you mean "x"?)`, or nothing when no known name is close. */
export function didYouMean(name: string, known: readonly string[], quote = (s: string) => `"${s}"`): string {
  const hint = suggestion(name, known);
  return hint === undefined ? '' : ` (did you mean ${quote(hint)}?)`;
}

function commonSubsequence(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}
