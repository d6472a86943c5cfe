import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

/** The semantics of `setAdd`, `setRemove` and `setMembers`. */
export function setTests(harness: Harness) {
  describe('sets', () => {
    const stores = storesFor(harness);

    it('reads an unknown key as an empty set, and removes nothing from it', async () => {
      const store = await stores.open();
      expect(await store.setMembers('words:nobody')).toEqual([]);
      expect(await store.setRemove('words:nobody', 'apple')).toBe(false);
    });

    it('adds a member once and says whether it was new', async () => {
      const store = await stores.open();
      expect(await store.setAdd('words:ann', 'apple')).toBe(true);
      expect(await store.setAdd('words:ann', 'apple')).toBe(false);
      expect(await store.setMembers('words:ann')).toEqual(['apple']);
    });

    it('lists members in the order they were first added', async () => {
      const store = await stores.open();
      for (const word of ['pear', 'apple', 'zebra', 'apple', 'mango']) {
        await store.setAdd('words:ann', word);
      }
      expect(await store.setMembers('words:ann')).toEqual(['pear', 'apple', 'zebra', 'mango']);
    });

    it('removes a member, says whether it was there, and re-adds it at the end', async () => {
      const store = await stores.open();
      for (const word of ['a', 'b', 'c']) await store.setAdd('words:ann', word);
      expect(await store.setRemove('words:ann', 'a')).toBe(true);
      expect(await store.setRemove('words:ann', 'a')).toBe(false);
      expect(await store.setAdd('words:ann', 'a')).toBe(true);
      expect(await store.setMembers('words:ann')).toEqual(['b', 'c', 'a']);
    });

    it('keeps members of an emptied set from coming back', async () => {
      const store = await stores.open();
      await store.setAdd('words:ann', 'a');
      await store.setRemove('words:ann', 'a');
      expect(await store.setMembers('words:ann')).toEqual([]);
      await store.setAdd('words:ann', 'b');
      expect(await store.setMembers('words:ann')).toEqual(['b']);
    });

    it('keeps keys apart and members exactly as written, the empty string too', async () => {
      const store = await stores.open();
      const members = ['', 'Apple', 'apple', ' apple', '单词', '🎉'];
      for (const member of members) expect(await store.setAdd('words:ann', member)).toBe(true);
      await store.setAdd('__proto__', 'odd');
      expect(await store.setMembers('words:ann')).toEqual(members);
      expect(await store.setMembers('__proto__')).toEqual(['odd']);
      expect(await store.setMembers('words:bob')).toEqual([]);
    });
  });
}
