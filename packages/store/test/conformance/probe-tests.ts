import { describe, expect, it } from 'vitest';
import { storesFor, type Harness } from './harness';

/** `probe`, for a readiness check: it resolves while the store works, and rejects once closed. */
export function probeTests(harness: Harness) {
  describe('probe', () => {
    const stores = storesFor(harness);

    it('resolves on an open store, and leaves its data as it was', async () => {
      const store = await stores.open();
      await store.listAppend('todos:ann', 'a');
      await expect(store.probe()).resolves.toBeUndefined();
      await expect(store.probe()).resolves.toBeUndefined();
      expect(await store.listItems('todos:ann')).toEqual(['a']);
      expect(await store.get('probe')).toBeUndefined();
    });

    it('rejects once the store is closed', async () => {
      const store = await stores.open();
      await store.close();
      await expect(store.probe()).rejects.toThrow(/closed/);
    });
  });
}
