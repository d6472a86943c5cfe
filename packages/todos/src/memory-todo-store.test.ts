import { describe, expect, it } from 'vitest';
import { MemoryTodoStore } from './memory-todo-store';

describe('MemoryTodoStore', () => {
  it('lists an unknown user as empty', async () => {
    expect(await new MemoryTodoStore().list('nobody')).toEqual([]);
  });

  it('appends in order and returns each index', async () => {
    const store = new MemoryTodoStore();
    expect(await store.add('ann', 'a')).toBe(0);
    expect(await store.add('ann', 'b')).toBe(1);
    expect(await store.list('ann')).toEqual(['a', 'b']);
  });

  it('keeps users apart, including one called __proto__', async () => {
    const store = new MemoryTodoStore();
    await store.add('ann', 'hers');
    await store.add('__proto__', 'odd');
    expect(await store.list('bob')).toEqual([]);
    expect(await store.list('__proto__')).toEqual(['odd']);
    expect(await store.list('ann')).toEqual(['hers']);
  });

  it('removes by index and shifts the rest down', async () => {
    const store = new MemoryTodoStore();
    for (const todo of ['a', 'b', 'c']) await store.add('ann', todo);
    expect(await store.remove('ann', 1)).toBe('b');
    expect(await store.list('ann')).toEqual(['a', 'c']);
  });

  it.each([-1, 3, 1.5, Number.NaN])(
    'returns undefined for the index %s and changes nothing',
    async (index) => {
      const store = new MemoryTodoStore();
      for (const todo of ['a', 'b', 'c']) await store.add('ann', todo);
      expect(await store.remove('ann', index)).toBeUndefined();
      expect(await store.list('ann')).toEqual(['a', 'b', 'c']);
    },
  );

  it('returns undefined when removing from an unknown user', async () => {
    expect(await new MemoryTodoStore().remove('nobody', 0)).toBeUndefined();
  });

  it('hands out copies, so a caller cannot change the stored list', async () => {
    const store = new MemoryTodoStore();
    await store.add('ann', 'a');
    (await store.list('ann')).push('sneaked in');
    expect(await store.list('ann')).toEqual(['a']);
  });
});
