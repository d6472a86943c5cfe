import { MemoryStore } from '@repo/store';
import { describe, expect, it } from 'vitest';
import { MAX_BOOKS, MAX_WORDS, wordStore } from './store-word-store';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
// Distinct words of letters only, as parseWord lets through: `a`, `b`, … `z`, `ba`, `bb`, …
const wordNumber = (i: number) =>
  i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));

describe('wordStore', () => {
  it('keeps each book apart, in the order words were added', async () => {
    const words = wordStore(new MemoryStore());
    expect(await words.add('ann', 'brave')).toBe('added');
    expect(await words.add('ann', 'apple')).toBe('added');
    expect(await words.add('bob', 'cloud')).toBe('added');
    expect(await words.list('ann')).toEqual(['brave', 'apple']);
    expect(await words.list('bob')).toEqual(['cloud']);
    expect(await words.list('nobody')).toEqual([]);
  });

  it('holds a word once, whatever its case, keeping the first spelling', async () => {
    const words = wordStore(new MemoryStore());
    await words.add('ann', 'Hello');
    expect(await words.add('ann', 'hello')).toBe('exists');
    expect(await words.list('ann')).toEqual(['Hello']);
    expect(await words.remove('ann', 'HELLO')).toBe('Hello');
    expect(await words.list('ann')).toEqual([]);
  });

  it('answers undefined when removing a word the book lacks', async () => {
    const words = wordStore(new MemoryStore());
    await words.add('ann', 'apple');
    expect(await words.remove('ann', 'pear')).toBeUndefined();
    expect(await words.remove('nobody', 'apple')).toBeUndefined();
  });

  it('refuses a word once the book is full, but still says a word already there exists', async () => {
    const words = wordStore(new MemoryStore(), { maxWords: 2 });
    await words.add('ann', 'a');
    await words.add('ann', 'b');
    expect(await words.add('ann', 'c')).toBe('full');
    expect(await words.add('ann', 'A')).toBe('exists');
    expect(await words.add('bob', 'c')).toBe('added');
    await words.remove('ann', 'a');
    expect(await words.add('ann', 'c')).toBe('added');
    expect(await words.list('ann')).toEqual(['b', 'c']);
  });

  it(`holds ${MAX_WORDS} words a book unless told otherwise`, async () => {
    const words = wordStore(new MemoryStore());
    for (const i of range(MAX_WORDS)) expect(await words.add('ann', wordNumber(i))).toBe('added');
    expect(await words.add('ann', 'overflow')).toBe('full');
  });

  it('treats `__proto__` as an ordinary book and word', async () => {
    const words = wordStore(new MemoryStore());
    expect(await words.add('__proto__', '__proto__')).toBe('added');
    expect(await words.list('__proto__')).toEqual(['__proto__']);
  });

  it('keeps each book in the store under wordbook:words:<book>, word keys lowercase', async () => {
    const store = new MemoryStore();
    await wordStore(store).add('ann', 'Hello');
    expect(await store.mapValues('wordbook:words:ann')).toEqual(['Hello']);
    expect(await store.mapRemove('wordbook:words:ann', 'hello')).toBe('Hello');
  });

  it('loses nothing under 300 concurrent adds, and adds a word raced in many cases once', async () => {
    const words = wordStore(new MemoryStore());
    const many = range(300).map(wordNumber);
    const added = await Promise.all(many.map((word) => words.add('ann', word)));
    expect(added.every((result) => result === 'added')).toBe(true);
    const spellings = ['apple', 'Apple', 'APPLE', 'aPPle'];
    const raced = await Promise.all(spellings.map((word) => words.add('bob', word)));
    expect(raced.filter((result) => result === 'added')).toHaveLength(1);
    expect([...(await words.list('ann'))].sort()).toEqual([...many].sort());
    expect(await words.list('bob')).toHaveLength(1);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxWords %s, naming it', (maxWords) => {
    expect(() => wordStore(new MemoryStore(), { maxWords })).toThrow(/`maxWords`/);
  });

  it('holds at most maxBooks books, counted from their first add, across instances', async () => {
    const shared = new MemoryStore();
    const [one, two] = [wordStore(shared, { maxBooks: 2 }), wordStore(shared, { maxBooks: 2 })];
    expect(await one.add('ann', 'apple')).toBe('added');
    expect(await one.list('bob')).toEqual([]); // reading makes no book
    expect(await two.add('bob', 'apple')).toBe('added');
    expect(await one.add('cy', 'apple')).toBe('too-many-books');
    expect(await two.add('cy', 'apple')).toBe('too-many-books');
    expect(await one.list('cy')).toEqual([]);
    expect(await two.add('ann', 'brave')).toBe('added');
    await one.remove('ann', 'apple');
    await one.remove('ann', 'brave');
    expect(await one.add('cy', 'apple')).toBe('too-many-books'); // an emptied book keeps its place
  });

  it('holds MAX_BOOKS books by default', async () => {
    const words = wordStore(new MemoryStore());
    for (const i of range(MAX_BOOKS)) expect(await words.add(`u${i}`, 'apple')).toBe('added');
    expect(await words.add('one-more', 'apple')).toBe('too-many-books');
  });
});
