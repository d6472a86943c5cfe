import { MemoryStore } from '@repo/store';
import { describe, expect, it } from 'vitest';
import { MAX_TODOS, todoStore } from './store-todo-store';

describe('todoStore', () => {
  it('lists an unknown user as empty', async () => {
    expect(await todoStore(new MemoryStore(), 'app').list('nobody')).toEqual([]);
  });

  it('appends in order and returns each index', async () => {
    const todos = todoStore(new MemoryStore(), 'app');
    expect(await todos.add('ann', 'a')).toBe(0);
    expect(await todos.add('ann', 'b')).toBe(1);
    expect(await todos.list('ann')).toEqual(['a', 'b']);
  });

  it('keeps users apart, including one called __proto__', async () => {
    const todos = todoStore(new MemoryStore(), 'app');
    await todos.add('ann', 'hers');
    await todos.add('__proto__', 'odd');
    expect(await todos.list('bob')).toEqual([]);
    expect(await todos.list('__proto__')).toEqual(['odd']);
    expect(await todos.list('ann')).toEqual(['hers']);
  });

  it('keeps two apps on one store apart', async () => {
    const store = new MemoryStore();
    await todoStore(store, 'one').add('ann', 'in one');
    expect(await todoStore(store, 'two').list('ann')).toEqual([]);
    expect(await store.listItems('one:todos:ann')).toEqual(['in one']);
  });

  it('removes by index and shifts the rest down', async () => {
    const todos = todoStore(new MemoryStore(), 'app');
    for (const todo of ['a', 'b', 'c']) await todos.add('ann', todo);
    expect(await todos.remove('ann', 1)).toBe('b');
    expect(await todos.list('ann')).toEqual(['a', 'c']);
  });

  it.each([-1, 3, 1.5, Number.NaN])(
    'returns undefined for the index %s and changes nothing',
    async (index) => {
      const todos = todoStore(new MemoryStore(), 'app');
      for (const todo of ['a', 'b', 'c']) await todos.add('ann', todo);
      expect(await todos.remove('ann', index)).toBeUndefined();
      expect(await todos.list('ann')).toEqual(['a', 'b', 'c']);
    },
  );

  it('returns undefined when removing from an unknown user', async () => {
    expect(await todoStore(new MemoryStore(), 'app').remove('nobody', 0)).toBeUndefined();
  });

  it('loses nothing under 300 concurrent adds', async () => {
    const todos = todoStore(new MemoryStore(), 'app', { maxTodos: 300 });
    const items = Array.from({ length: 300 }, (_, i) => `todo ${i}`);
    const indexes = await Promise.all(items.map((todo) => todos.add('ann', todo)));
    expect(new Set(indexes).size).toBe(300);
    expect((await todos.list('ann')).sort()).toEqual([...items].sort());
  });

  it('hands out copies, so a caller cannot change the stored list', async () => {
    const todos = todoStore(new MemoryStore(), 'app');
    await todos.add('ann', 'a');
    (await todos.list('ann')).push('sneaked in');
    expect(await todos.list('ann')).toEqual(['a']);
  });
});

describe('todoStore caps', () => {
  it('adds up to maxTodos per list, then answers full until one is removed', async () => {
    const todos = todoStore(new MemoryStore(), 'app', { maxTodos: 2 });
    expect(await todos.add('ann', 'a')).toBe(0);
    expect(await todos.add('ann', 'b')).toBe(1);
    expect(await todos.add('ann', 'c')).toBe('full');
    expect(await todos.add('bob', 'c')).toBe(0);
    await todos.remove('ann', 0);
    expect(await todos.add('ann', 'c')).toBe(1);
    expect(await todos.list('ann')).toEqual(['b', 'c']);
  });

  it('holds MAX_TODOS by default, a full list of the longest todos answering under 100,000 characters', async () => {
    const todos = todoStore(new MemoryStore(), 'app');
    // The spec's longest todo, 500 code points, in its longest JSON: astral characters (two
    // UTF-16 units each) and quotes (escaped as two characters).
    const longest = ['🎉'.repeat(250) + '"'.repeat(250)];
    for (let i = 0; i < MAX_TODOS; i++) expect(await todos.add('ann', longest[0]!)).toBe(i);
    expect(await todos.add('ann', 'one more')).toBe('full');
    const answer = JSON.stringify({ todos: await todos.list('ann') });
    expect(answer.length).toBeGreaterThan(50_000);
    expect(answer.length).toBeLessThan(60_000);
  });

  it('refuses a cap that is not a whole number of 1 or more, naming it', () => {
    for (const maxTodos of [0, 1.5, Number.NaN]) {
      expect(() => todoStore(new MemoryStore(), 'app', { maxTodos })).toThrow(/`maxTodos`/);
    }
  });
});
