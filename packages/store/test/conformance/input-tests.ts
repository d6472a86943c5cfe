import { describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, type Store } from '../../src/index';
import { storesFor, type Harness } from './harness';

// Every operation, called with `key` as its key and good other arguments.
const calls: [string, (store: Store, key: string) => Promise<unknown>][] = [
  ['listAppend', (s, k) => s.listAppend(k, 'v')],
  ['listAppend capped', (s, k) => s.listAppend(k, 'v', { maxItems: 10 })],
  ['listItems', (s, k) => s.listItems(k)],
  ['listRemoveAt', (s, k) => s.listRemoveAt(k, 0)],
  ['setAdd', (s, k) => s.setAdd(k, 'm')],
  ['setRemove', (s, k) => s.setRemove(k, 'm')],
  ['setMembers', (s, k) => s.setMembers(k)],
  ['mapAdd', (s, k) => s.mapAdd(k, 'f', 'v', { maxFields: 10 })],
  ['mapRemove', (s, k) => s.mapRemove(k, 'f')],
  ['mapValues', (s, k) => s.mapValues(k)],
  ['put', (s, k) => s.put(k, 'v')],
  ['get', (s, k) => s.get(k)],
  ['take', (s, k) => s.take(k)],
  ['delete', (s, k) => s.delete(k)],
];

// Callers are TypeScript, but their input comes from JSON: the store checks at run time too.
const loose = (value: unknown) => value as string;

/** Bad arguments reject with a `TypeError` naming the argument; a closed store rejects. */
export function inputTests(harness: Harness) {
  describe('bad input', () => {
    const stores = storesFor(harness);

    it.each(calls)(
      '%s rejects a key that is empty, too long, not a string or broken',
      async (_, call) => {
        const store = await stores.open();
        const bad = [
          '',
          'k'.repeat(MAX_KEY_LENGTH + 1),
          loose(42),
          loose(undefined),
          'half \uD83C',
        ];
        for (const key of bad) await expect(call(store, key)).rejects.toThrow(/`key`/);
        await call(store, 'k'.repeat(MAX_KEY_LENGTH)); // the longest key is fine
      },
    );

    it('rejects values and members that are not well-formed strings, naming them', async () => {
      const store = await stores.open();
      for (const bad of [loose(1), loose(null), loose({}), 'lone \uDC00']) {
        await expect(store.listAppend('k', bad)).rejects.toThrow(TypeError);
        await expect(store.put('k', bad)).rejects.toThrow(/`value`/);
        await expect(store.setAdd('k', bad)).rejects.toThrow(/`member`/);
        await expect(store.setRemove('k', bad)).rejects.toThrow(/`member`/);
      }
      expect(await store.listItems('k')).toEqual([]);
      expect(await store.get('k')).toBeUndefined();
    });

    it('rejects map fields and values that are not well-formed strings, naming them', async () => {
      const store = await stores.open();
      await store.mapAdd('k', 'f', 'kept');
      for (const bad of [loose(1), loose(null), loose({}), 'lone \uDC00']) {
        await expect(store.mapAdd('k', bad, 'v')).rejects.toThrow(/`field`/);
        await expect(store.mapAdd('k', 'g', bad)).rejects.toThrow(/`value`/);
        await expect(store.mapRemove('k', bad)).rejects.toThrow(/`field`/);
      }
      expect(await store.mapValues('k')).toEqual(['kept']);
    });

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '10', null])(
      'rejects the cap %s, naming `maxFields`, and adds nothing',
      async (maxFields) => {
        const store = await stores.open();
        const options = { maxFields: maxFields as number };
        await expect(store.mapAdd('k', 'f', 'v', options)).rejects.toThrow(/`maxFields`/);
        await expect(store.mapAdd('k', 'f', 'v', loose(5) as never)).rejects.toThrow(/`options`/);
        expect(await store.mapValues('k')).toEqual([]);
      },
    );

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '10', null])(
      'rejects the cap %s, naming `maxItems`, and appends nothing',
      async (maxItems) => {
        const store = await stores.open();
        const options = { maxItems: maxItems as number };
        await expect(store.listAppend('k', 'v', options)).rejects.toThrow(/`maxItems`/);
        await expect(store.listAppend('k', 'v', loose(5) as never)).rejects.toThrow(/`options`/);
        expect(await store.listItems('k')).toEqual([]);
      },
    );

    it('rejects an index that is not a number, naming it', async () => {
      const store = await stores.open();
      await store.listAppend('k', 'v');
      await expect(store.listRemoveAt('k', loose('0') as never)).rejects.toThrow(/`index`/);
      expect(await store.listItems('k')).toEqual(['v']);
    });

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100', null])(
      'rejects the TTL %s, naming `ttlMs`, and stores nothing',
      async (ttlMs) => {
        const store = await stores.open();
        await expect(store.put('k', 'v', { ttlMs: ttlMs as number })).rejects.toThrow(/`ttlMs`/);
        expect(await store.get('k')).toBeUndefined();
      },
    );

    it('rejects options that are not an object', async () => {
      const store = await stores.open();
      await expect(store.put('k', 'v', loose(60) as never)).rejects.toThrow(/`options`/);
    });

    it.each(calls)(
      '%s rejects once the store is closed; closing twice is harmless',
      async (_, call) => {
        const store = await stores.open();
        await store.close();
        await expect(call(store, 'k')).rejects.toThrow(/closed/);
        await expect(store.close()).resolves.toBeUndefined();
      },
    );
  });
}
