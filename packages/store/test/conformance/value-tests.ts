import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

/** The semantics of `put`, `get`, `take` and `delete`, TTLs included. */
export function valueTests(harness: Harness) {
  describe('values', () => {
    const stores = storesFor(harness);

    it('reads, takes and deletes an unknown key as nothing', async () => {
      const store = await stores.open();
      expect(await store.get('code:none')).toBeUndefined();
      expect(await store.take('code:none')).toBeUndefined();
      expect(await store.delete('code:none')).toBe(false);
    });

    it('puts, gets and replaces a value, the empty string included', async () => {
      const store = await stores.open();
      await store.put('cache:a', '{"n":1}');
      expect(await store.get('cache:a')).toBe('{"n":1}');
      await store.put('cache:a', '');
      expect(await store.get('cache:a')).toBe('');
    });

    it('takes a value once: the second take and a get find nothing', async () => {
      const store = await stores.open();
      await store.put('code:abc', 'ann');
      expect(await store.take('code:abc')).toBe('ann');
      expect(await store.take('code:abc')).toBeUndefined();
      expect(await store.get('code:abc')).toBeUndefined();
    });

    it('deletes a value and says whether it was there', async () => {
      const store = await stores.open();
      await store.put('token:t', 'ann');
      expect(await store.delete('token:t')).toBe(true);
      expect(await store.delete('token:t')).toBe(false);
      expect(await store.get('token:t')).toBeUndefined();
    });

    it('serves a value until its TTL, then never again', async () => {
      const store = await stores.open();
      await store.put('code:ttl', 'ann', { ttlMs: harness.ttlMs });
      await store.put('code:ttl-take', 'ann', { ttlMs: harness.ttlMs });
      await store.put('code:ttl-delete', 'ann', { ttlMs: harness.ttlMs });
      await store.put('code:forever', 'ann');
      expect(await store.get('code:ttl')).toBe('ann');
      await harness.advance(harness.ttlMs + 100);
      expect(await store.get('code:ttl')).toBeUndefined();
      expect(await store.take('code:ttl-take')).toBeUndefined();
      expect(await store.delete('code:ttl-delete')).toBe(false);
      expect(await store.get('code:forever')).toBe('ann');
    });

    it('replaces the expiry on every put: a put without a TTL keeps the value', async () => {
      const store = await stores.open();
      await store.put('cache:a', 'old', { ttlMs: harness.ttlMs });
      await store.put('cache:a', 'new');
      await store.put('cache:b', 'new', { ttlMs: harness.ttlMs });
      await harness.advance(harness.ttlMs + 100);
      expect(await store.get('cache:a')).toBe('new');
      expect(await store.get('cache:b')).toBeUndefined();
      await store.put('cache:b', 'back');
      expect(await store.get('cache:b')).toBe('back');
    });

    it('keeps lists, sets and values in separate key spaces', async () => {
      const store = await stores.open();
      await store.listAppend('same', 'in the list');
      await store.setAdd('same', 'in the set');
      await store.put('same', 'the value');
      expect(await store.listItems('same')).toEqual(['in the list']);
      expect(await store.setMembers('same')).toEqual(['in the set']);
      expect(await store.take('same')).toBe('the value');
      expect(await store.listItems('same')).toEqual(['in the list']);
    });
  });
}
