import { describe, expect, it } from 'vitest';
import { MemoryWordStore } from './memory-word-store';

describe('MemoryWordStore', () => {
  it('keeps each book apart, in the order words were added', async () => {
    const store = new MemoryWordStore();
    expect(await store.add('ann', 'brave')).toBe('added');
    expect(await store.add('ann', 'apple')).toBe('added');
    expect(await store.add('bob', 'cloud')).toBe('added');
    expect(await store.list('ann')).toEqual(['brave', 'apple']);
    expect(await store.list('bob')).toEqual(['cloud']);
    expect(await store.list('nobody')).toEqual([]);
  });

  it('holds a word once, whatever its case, keeping the first spelling', async () => {
    const store = new MemoryWordStore();
    await store.add('ann', 'Hello');
    expect(await store.add('ann', 'hello')).toBe('exists');
    expect(await store.list('ann')).toEqual(['Hello']);
    expect(await store.remove('ann', 'HELLO')).toBe('Hello');
    expect(await store.list('ann')).toEqual([]);
  });

  it('answers undefined when removing a word the book lacks', async () => {
    const store = new MemoryWordStore();
    await store.add('ann', 'apple');
    expect(await store.remove('ann', 'pear')).toBeUndefined();
    expect(await store.remove('nobody', 'apple')).toBeUndefined();
  });

  it('refuses a word once the book is full, but still says a word already there exists', async () => {
    const store = new MemoryWordStore({ maxWords: 2 });
    await store.add('ann', 'a');
    await store.add('ann', 'b');
    expect(await store.add('ann', 'c')).toBe('full');
    expect(await store.add('ann', 'a')).toBe('exists');
    expect(await store.add('bob', 'c')).toBe('added');
  });

  it('treats `__proto__` as an ordinary book and word', async () => {
    const store = new MemoryWordStore();
    expect(await store.add('__proto__', '__proto__')).toBe('added');
    expect(await store.list('__proto__')).toEqual(['__proto__']);
  });
});
