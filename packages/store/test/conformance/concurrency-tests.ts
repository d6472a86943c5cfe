import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Many writes at once lose nothing and duplicate nothing. Where the implementation shares data,
 * the calls alternate between two stores (two connections, two clients).
 */
export function concurrencyTests(harness: Harness) {
  describe('concurrency', () => {
    const stores = storesFor(harness);

    it('keeps all of 300 concurrent appends to one list, each at the index it was given', async () => {
      const all = await stores.openAll();
      const items = range(300).map((i) => `item ${i}`);
      const indexes = await Promise.all(
        items.map((item, i) => all[i % all.length]!.listAppend('todos:busy', item)),
      );
      expect([...indexes].sort((a, b) => a - b)).toEqual(range(300));
      const stored = await all[0]!.listItems('todos:busy');
      expect(stored).toHaveLength(300);
      expect([...stored].sort()).toEqual([...items].sort());
      items.forEach((item, i) => expect(stored[indexes[i]!]).toBe(item));
    });

    it('gives a value to exactly one of 50 concurrent takes', async () => {
      const all = await stores.openAll();
      await all[0]!.put('code:once', 'ann');
      const taken = await Promise.all(range(50).map((i) => all[i % all.length]!.take('code:once')));
      expect(taken.filter((value) => value !== undefined)).toEqual(['ann']);
      expect(await all[0]!.get('code:once')).toBeUndefined();
    });

    it('removes each item once when 20 removals of index 0 race', async () => {
      const all = await stores.openAll();
      const items = range(20).map((i) => `item ${i}`);
      for (const item of items) await all[0]!.listAppend('todos:race', item);
      const removed = await Promise.all(
        range(20).map((i) => all[i % all.length]!.listRemoveAt('todos:race', 0)),
      );
      expect([...removed].sort()).toEqual([...items].sort());
      expect(await all[0]!.listItems('todos:race')).toEqual([]);
    });

    it('says "new" to exactly one of 50 concurrent adds of one member', async () => {
      const all = await stores.openAll();
      const added = await Promise.all(
        range(50).map((i) => all[i % all.length]!.setAdd('words:busy', 'apple')),
      );
      expect(added.filter(Boolean)).toHaveLength(1);
      expect(await all[0]!.setMembers('words:busy')).toEqual(['apple']);
    });

    it('lets calls already made finish when closed, for a clean shutdown', async () => {
      const [store, peer] = await stores.openAll();
      const appends = range(100).map((i) => store!.listAppend('todos:closing', `item ${i}`));
      await store!.close();
      expect((await Promise.all(appends)).sort((a, b) => a - b)).toEqual(range(100));
      // Where data is shared, the writes are there for the next process too.
      if (peer) expect(await peer.listItems('todos:closing')).toHaveLength(100);
    });

    it('keeps every member of 300 concurrent adds of different words', async () => {
      const all = await stores.openAll();
      const words = range(300).map((i) => `word ${i}`);
      const added = await Promise.all(
        words.map((word, i) => all[i % all.length]!.setAdd('words:many', word)),
      );
      expect(added.every(Boolean)).toBe(true);
      expect([...(await all[0]!.setMembers('words:many'))].sort()).toEqual([...words].sort());
    });

    it('keeps every field of 300 concurrent map adds of different fields', async () => {
      const all = await stores.openAll();
      const words = range(300).map((i) => `word ${i}`);
      const added = await Promise.all(
        words.map((word, i) => all[i % all.length]!.mapAdd('words:map', word, word.toUpperCase())),
      );
      expect(added.every((result) => result === 'added')).toBe(true);
      const values = await all[0]!.mapValues('words:map');
      expect(values).toHaveLength(300);
      expect([...values].sort()).toEqual(words.map((word) => word.toUpperCase()).sort());
    });

    it('adds exactly one of 50 concurrent map adds of one field, and keeps its value', async () => {
      const all = await stores.openAll();
      const results = await Promise.all(
        range(50).map((i) => all[i % all.length]!.mapAdd('words:one', 'apple', `spelling ${i}`)),
      );
      expect(results.filter((result) => result === 'added')).toHaveLength(1);
      expect(results.filter((result) => result === 'exists')).toHaveLength(49);
      const winner = results.indexOf('added');
      expect(await all[0]!.mapValues('words:one')).toEqual([`spelling ${winner}`]);
    });

    it('never lets 50 concurrent map adds overshoot the cap', async () => {
      const all = await stores.openAll();
      const cap = { maxFields: 10 };
      const results = await Promise.all(
        range(50).map((i) => all[i % all.length]!.mapAdd('words:capped', `w${i}`, `v${i}`, cap)),
      );
      const added = range(50).filter((i) => results[i] === 'added');
      expect(added).toHaveLength(10);
      expect(results.filter((result) => result === 'full')).toHaveLength(40);
      const values = await all[0]!.mapValues('words:capped');
      expect([...values].sort()).toEqual(added.map((i) => `v${i}`).sort());
    });

    it('never lets 50 concurrent capped appends overshoot the cap', async () => {
      const all = await stores.openAll();
      const cap = { maxItems: 10 };
      const results = await Promise.all(
        range(50).map((i) => all[i % all.length]!.listAppend('todos:capped', `t${i}`, cap)),
      );
      const appended = range(50).filter((i) => results[i] !== 'full');
      expect(appended).toHaveLength(10);
      expect(appended.map((i) => results[i]).sort((a, b) => Number(a) - Number(b))).toEqual(
        range(10),
      );
      const items = await all[0]!.listItems('todos:capped');
      expect([...items].sort()).toEqual(appended.map((i) => `t${i}`).sort());
    });

    it('gives a field to exactly one of 20 concurrent removes', async () => {
      const all = await stores.openAll();
      await all[0]!.mapAdd('words:gone', 'apple', 'Apple');
      const removed = await Promise.all(
        range(20).map((i) => all[i % all.length]!.mapRemove('words:gone', 'apple')),
      );
      expect(removed.filter((value) => value !== undefined)).toEqual(['Apple']);
      expect(await all[0]!.mapValues('words:gone')).toEqual([]);
    });
  });
}
