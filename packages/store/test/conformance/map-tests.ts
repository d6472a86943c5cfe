import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

/** The semantics of `mapAdd`, `mapRemove` and `mapValues`, the cap included. */
export function mapTests(harness: Harness) {
  describe('maps', () => {
    const stores = storesFor(harness);

    it('reads an unknown key as an empty map, and removes nothing from it', async () => {
      const store = await stores.open();
      expect(await store.mapValues('words:nobody')).toEqual([]);
      expect(await store.mapRemove('words:nobody', 'apple')).toBeUndefined();
    });

    it('adds a field once and keeps the first value', async () => {
      const store = await stores.open();
      expect(await store.mapAdd('words:ann', 'hello', 'Hello')).toBe('added');
      expect(await store.mapAdd('words:ann', 'hello', 'HELLO')).toBe('exists');
      expect(await store.mapValues('words:ann')).toEqual(['Hello']);
    });

    it('lists values in the order their fields were added, a re-added field last', async () => {
      const store = await stores.open();
      for (const word of ['pear', 'apple', 'zebra']) await store.mapAdd('w', word, `${word}!`);
      expect(await store.mapRemove('w', 'pear')).toBe('pear!');
      expect(await store.mapRemove('w', 'pear')).toBeUndefined();
      await store.mapAdd('w', 'mango', 'mango!');
      expect(await store.mapAdd('w', 'pear', 'PEAR')).toBe('added');
      expect(await store.mapValues('w')).toEqual(['apple!', 'zebra!', 'mango!', 'PEAR']);
    });

    it('removes the last field of the one most recently added and re-adds it last', async () => {
      const store = await stores.open();
      for (const word of ['a', 'b', 'c']) await store.mapAdd('w', word, word);
      await store.mapRemove('w', 'c');
      await store.mapAdd('w', 'c', 'c again');
      await store.mapRemove('w', 'a');
      await store.mapAdd('w', 'a', 'a again');
      expect(await store.mapValues('w')).toEqual(['b', 'c again', 'a again']);
    });

    it('keeps the fields of an emptied map from coming back', async () => {
      const store = await stores.open();
      await store.mapAdd('w', 'a', 'A');
      expect(await store.mapRemove('w', 'a')).toBe('A');
      expect(await store.mapValues('w')).toEqual([]);
      await store.mapAdd('w', 'b', 'B');
      expect(await store.mapValues('w')).toEqual(['B']);
    });

    it('answers full once the map holds maxFields, but exists for a field it has', async () => {
      const store = await stores.open();
      const cap = { maxFields: 2 };
      expect(await store.mapAdd('w', 'a', 'A', cap)).toBe('added');
      expect(await store.mapAdd('w', 'b', 'B', cap)).toBe('added');
      expect(await store.mapAdd('w', 'c', 'C', cap)).toBe('full');
      expect(await store.mapAdd('w', 'a', 'again', cap)).toBe('exists');
      expect(await store.mapAdd('other', 'c', 'C', cap)).toBe('added');
      expect(await store.mapValues('w')).toEqual(['A', 'B']);
      await store.mapRemove('w', 'a');
      expect(await store.mapAdd('w', 'c', 'C', cap)).toBe('added');
      expect(await store.mapValues('w')).toEqual(['B', 'C']);
    });

    it('applies the cap of each call: a larger one adds more, a smaller one adds nothing', async () => {
      const store = await stores.open();
      await store.mapAdd('w', 'a', 'A', { maxFields: 1 });
      expect(await store.mapAdd('w', 'b', 'B', { maxFields: 1 })).toBe('full');
      expect(await store.mapAdd('w', 'b', 'B', { maxFields: 3 })).toBe('added');
      expect(await store.mapAdd('w', 'c', 'C')).toBe('added');
      expect(await store.mapAdd('w', 'd', 'D', { maxFields: 2 })).toBe('full');
      expect(await store.mapAdd('w', 'd', 'D', {})).toBe('added');
      expect(await store.mapValues('w')).toEqual(['A', 'B', 'C', 'D']);
    });

    it('keeps keys apart and fields and values exactly as written', async () => {
      const store = await stores.open();
      const fields = [
        '',
        'Apple',
        'apple',
        ' apple',
        '__proto__',
        'constructor',
        '单词',
        'nul\u0000',
      ];
      for (const field of fields)
        expect(await store.mapAdd('w', field, `[${field}]`)).toBe('added');
      const values = ['', 'line\nbreak', '"json"', '🎉', 'x'.repeat(100_000)];
      for (const [i, value] of values.entries()) await store.mapAdd('__proto__', `${i}`, value);
      expect(await store.mapValues('w')).toEqual(fields.map((field) => `[${field}]`));
      expect(await store.mapValues('__proto__')).toEqual(values);
      expect(await store.mapRemove('w', '')).toBe('[]');
      expect(await store.mapRemove('w', 'APPLE')).toBeUndefined();
      expect(await store.mapValues('w:')).toEqual([]);
    });

    it('keeps maps apart from lists, sets and values of the same key', async () => {
      const store = await stores.open();
      await store.listAppend('same', 'in the list');
      await store.setAdd('same', 'in the set');
      await store.put('same', 'the value');
      expect(await store.mapValues('same')).toEqual([]);
      await store.mapAdd('same', 'f', 'in the map');
      expect(await store.mapValues('same')).toEqual(['in the map']);
      expect(await store.listItems('same')).toEqual(['in the list']);
      expect(await store.setMembers('same')).toEqual(['in the set']);
      expect(await store.get('same')).toBe('the value');
    });

    it('hands out copies, so a caller cannot change the stored map', async () => {
      const store = await stores.open();
      await store.mapAdd('w', 'a', 'A');
      (await store.mapValues('w')).push('sneaked in');
      expect(await store.mapValues('w')).toEqual(['A']);
    });
  });
}
