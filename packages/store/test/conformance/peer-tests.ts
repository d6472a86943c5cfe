import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

/** Two stores on the same data (two connections, two clients) see each other's writes. */
export function peerTests(harness: Harness) {
  describe('two stores on the same data', () => {
    const stores = storesFor(harness);

    it('shares lists, sets and values both ways', async () => {
      const [one, two] = await stores.openAll();
      expect(two, 'this harness must open a peer').toBeDefined();
      await one!.listAppend('todos:ann', 'from one');
      expect(await two!.listAppend('todos:ann', 'from two')).toBe(1);
      expect(await one!.listItems('todos:ann')).toEqual(['from one', 'from two']);
      expect(await two!.listRemoveAt('todos:ann', 0)).toBe('from one');
      expect(await one!.listItems('todos:ann')).toEqual(['from two']);

      expect(await one!.setAdd('words:ann', 'apple')).toBe(true);
      expect(await two!.setAdd('words:ann', 'apple')).toBe(false);
      expect(await two!.setMembers('words:ann')).toEqual(['apple']);

      await one!.put('token:t', 'ann', { ttlMs: 60_000 });
      expect(await two!.get('token:t')).toBe('ann');
      expect(await two!.delete('token:t')).toBe(true);
      expect(await one!.get('token:t')).toBeUndefined();
    });

    it("shares maps both ways, the cap counting both stores' fields", async () => {
      const [one, two] = await stores.openAll();
      const cap = { maxFields: 2 };
      expect(await one!.mapAdd('words:ann', 'apple', 'Apple', cap)).toBe('added');
      expect(await two!.mapAdd('words:ann', 'apple', 'APPLE', cap)).toBe('exists');
      expect(await two!.mapAdd('words:ann', 'pear', 'pear', cap)).toBe('added');
      expect(await one!.mapAdd('words:ann', 'plum', 'plum', cap)).toBe('full');
      expect(await one!.mapValues('words:ann')).toEqual(['Apple', 'pear']);
      expect(await two!.mapRemove('words:ann', 'apple')).toBe('Apple');
      expect(await one!.mapValues('words:ann')).toEqual(['pear']);
    });

    it('redeems a code issued through one store through the other, once', async () => {
      const [one, two] = await stores.openAll();
      await one!.put('code:abc', 'ann', { ttlMs: 60_000 });
      expect(await two!.take('code:abc')).toBe('ann');
      expect(await one!.take('code:abc')).toBeUndefined();
    });
  });
}
