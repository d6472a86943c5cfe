import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

/** The semantics of `listAppend`, `listItems` and `listRemoveAt`. */
export function listTests(harness: Harness) {
  describe('lists', () => {
    const stores = storesFor(harness);

    it('reads an unknown key as an empty list, and removes nothing from it', async () => {
      const store = await stores.open();
      expect(await store.listItems('todos:nobody')).toEqual([]);
      expect(await store.listRemoveAt('todos:nobody', 0)).toBeUndefined();
    });

    it('appends in order and resolves to each index', async () => {
      const store = await stores.open();
      expect(await store.listAppend('todos:ann', 'a')).toBe(0);
      expect(await store.listAppend('todos:ann', 'b')).toBe(1);
      expect(await store.listAppend('todos:ann', 'a')).toBe(2);
      expect(await store.listItems('todos:ann')).toEqual(['a', 'b', 'a']);
    });

    it('appends up to maxItems, then answers full and writes nothing, until an item goes', async () => {
      const store = await stores.open();
      const cap = { maxItems: 2 };
      expect(await store.listAppend('todos:ann', 'a', cap)).toBe(0);
      expect(await store.listAppend('todos:ann', 'b', cap)).toBe(1);
      expect(await store.listAppend('todos:ann', 'c', cap)).toBe('full');
      expect(await store.listAppend('todos:bob', 'c', cap)).toBe(0); // per list
      expect(await store.listItems('todos:ann')).toEqual(['a', 'b']);
      expect(await store.listRemoveAt('todos:ann', 0)).toBe('a');
      expect(await store.listAppend('todos:ann', 'c', cap)).toBe(1);
      expect(await store.listAppend('todos:ann', 'd', { maxItems: 3 })).toBe(2);
      expect(await store.listItems('todos:ann')).toEqual(['b', 'c', 'd']);
    });

    it('removes at an index, resolves to the item, and shifts the rest down', async () => {
      const store = await stores.open();
      for (const item of ['a', 'b', 'c']) await store.listAppend('todos:ann', item);
      expect(await store.listRemoveAt('todos:ann', 1)).toBe('b');
      expect(await store.listItems('todos:ann')).toEqual(['a', 'c']);
      expect(await store.listRemoveAt('todos:ann', 1)).toBe('c');
      expect(await store.listRemoveAt('todos:ann', 0)).toBe('a');
      expect(await store.listItems('todos:ann')).toEqual([]);
      expect(await store.listAppend('todos:ann', 'again')).toBe(0);
    });

    it('removes exactly one of several equal items, the one at the index', async () => {
      const store = await stores.open();
      for (const item of ['x', 'y', 'x', 'x']) await store.listAppend('todos:ann', item);
      expect(await store.listRemoveAt('todos:ann', 2)).toBe('x');
      expect(await store.listItems('todos:ann')).toEqual(['x', 'y', 'x']);
    });

    it.each([-1, 3, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e300, -0.5])(
      'resolves to undefined for the index %s and changes nothing',
      async (index) => {
        const store = await stores.open();
        for (const item of ['a', 'b', 'c']) await store.listAppend('todos:ann', item);
        expect(await store.listRemoveAt('todos:ann', index)).toBeUndefined();
        expect(await store.listItems('todos:ann')).toEqual(['a', 'b', 'c']);
      },
    );

    it('keeps keys apart, including __proto__ and keys with spaces, colons and emoji', async () => {
      const store = await stores.open();
      const keys = ['todos:ann', '__proto__', 'todos:bob smith', 'todos:李雷 🎉', 'constructor'];
      for (const key of keys) await store.listAppend(key, `for ${key}`);
      for (const key of keys) expect(await store.listItems(key)).toEqual([`for ${key}`]);
      expect(await store.listItems('todos:ann:')).toEqual([]);
    });

    it('returns every value exactly as written', async () => {
      const store = await stores.open();
      const values = [
        '',
        ' ',
        '待办 ✓ 🎉',
        'line\nbreak\ttab',
        'nul\u0000byte',
        '"json"',
        'x'.repeat(100_000),
      ];
      for (const value of values) await store.listAppend('odd', value);
      expect(await store.listItems('odd')).toEqual(values);
      expect(await store.listRemoveAt('odd', 0)).toBe('');
    });

    it('hands out copies, so a caller cannot change the stored list', async () => {
      const store = await stores.open();
      await store.listAppend('todos:ann', 'a');
      (await store.listItems('todos:ann')).push('sneaked in');
      expect(await store.listItems('todos:ann')).toEqual(['a']);
    });
  });
}
