import { describe, expect, it } from 'vitest';
import { sampleWords } from './sample-words';

/** A fixed sequence of "random" numbers, repeated. */
const fixed = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('sampleWords', () => {
  const book = ['apple', 'brave', 'cloud', 'dream'];

  it('picks by the random numbers it is given, so a test can predict it', () => {
    // 0.99 picks the last of the 4 left, then 0 the first of the 3 left.
    expect(sampleWords(book, 2, fixed(0.99, 0))).toEqual(['dream', 'brave']);
    expect(sampleWords(book, 2, fixed(0, 0))).toEqual(['apple', 'brave']);
  });

  it('never picks a word twice, nor more words than the book holds', () => {
    const all = sampleWords(book, 10, fixed(0.5));
    expect(all).toHaveLength(4);
    expect(new Set(all)).toEqual(new Set(book));
  });

  it('picks nothing from an empty book or for a count below 1, and leaves the book alone', () => {
    expect(sampleWords([], 3, Math.random)).toEqual([]);
    expect(sampleWords(book, 0, Math.random)).toEqual([]);
    sampleWords(book, 4, Math.random);
    expect(book).toEqual(['apple', 'brave', 'cloud', 'dream']);
  });

  it('gives every word the same chance', () => {
    const counts = new Map<string, number>();
    let seed = 1;
    // A small linear congruential generator: deterministic, and spread enough for this check.
    const lcg = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 4000; i++) {
      for (const word of sampleWords(book, 1, lcg)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    for (const word of book) expect(counts.get(word)).toBeGreaterThan(900);
  });
});
