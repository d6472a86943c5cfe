import { describe, expect, it } from 'vitest';
import { describeStoreConformance } from '../test/conformance/index';
import { fakeClock } from '../test/fake-clock';
import { MemoryStore } from './memory-store';

const clock = fakeClock();
describeStoreConformance('MemoryStore', {
  open: async () => new MemoryStore({ now: clock.now }),
  advance: clock.advance,
  ttlMs: 60_000,
});

describe('MemoryStore', () => {
  it('expires a value exactly when its TTL has passed, not a millisecond before', async () => {
    const { now, advance } = fakeClock();
    const store = new MemoryStore({ now });
    await store.put('code:a', 'ann', { ttlMs: 1000 });
    await advance(999);
    expect(await store.get('code:a')).toBe('ann');
    await advance(1);
    expect(await store.get('code:a')).toBeUndefined();
  });

  it('keeps separate instances apart: memory is not shared', async () => {
    const one = new MemoryStore();
    await one.put('k', 'v');
    expect(await new MemoryStore().get('k')).toBeUndefined();
  });
});
