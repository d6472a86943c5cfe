/** A source of numbers in [0, 1), like `Math.random`; tests pass a fixed sequence. */
export type Random = () => number;

/**
 * Up to `count` different words of `words`, chosen uniformly at random: all of them, shuffled,
 * when `count` is larger than the book. A partial Fisher–Yates shuffle, so every subset and order
 * is equally likely and `words` is left as it was.
 */
export function sampleWords(words: readonly string[], count: number, random: Random): string[] {
  const pool = [...words];
  const take = Math.min(Math.max(0, Math.floor(count)), pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}
