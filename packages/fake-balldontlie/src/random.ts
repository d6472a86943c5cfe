// mulberry32: a small, well-mixed 32-bit PRNG; the same seed gives the same sequence anywhere.
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Successes in `n` tries at probability `p`: counted for small `n`, otherwise drawn from the
  // normal approximation (Box–Muller), which keeps building the whole dataset fast.
  const binomial = (n: number, p: number) => {
    if (n <= 8) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    }
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.min(n, Math.max(0, Math.round(n * p + normal * Math.sqrt(n * p * (1 - p)))));
  };
  return { next, int, pick, binomial };
}

export type Random = ReturnType<typeof prng>;
