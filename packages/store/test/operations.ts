import fc from 'fast-check';
import type { Store } from '../src/index';

/** One call to a `Store`, as data, so fast-check can generate, shrink and print it. */
export type Operation =
  | { call: 'listAppend' | 'put'; key: string; value: string }
  | { call: 'listItems' | 'setMembers' | 'get' | 'take' | 'delete'; key: string }
  | { call: 'listRemoveAt'; key: string; index: number }
  | { call: 'setAdd' | 'setRemove'; key: string; member: string };

// Few keys and values, so operations keep landing on the same lists, members and values.
export const KEYS = ['a', 'b', '__proto__'];
const key = fc.constantFrom(...KEYS);
const text = fc.oneof(fc.constantFrom('x', 'y', ''), fc.string({ unit: 'grapheme', maxLength: 6 }));
const index = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(1.5, Number.NaN));

/** Any sequence of up to 40 operations on lists, sets and values (TTLs aside: no clock here). */
export const operations = fc.array(
  fc.oneof(
    fc.record({ call: fc.constantFrom('listAppend', 'put'), key, value: text }),
    fc.record({
      call: fc.constantFrom('listItems', 'setMembers', 'get', 'take', 'delete'),
      key,
    }),
    fc.record({ call: fc.constant('listRemoveAt'), key, index }),
    fc.record({ call: fc.constantFrom('setAdd', 'setRemove'), key, member: text }),
  ) as fc.Arbitrary<Operation>,
  { maxLength: 40 },
);

/** Performs `op` on `store` and resolves to what it answered. */
export function perform(store: Store, op: Operation): Promise<unknown> {
  switch (op.call) {
    case 'listAppend':
    case 'put':
      return store[op.call](op.key, op.value);
    case 'listRemoveAt':
      return store.listRemoveAt(op.key, op.index);
    case 'setAdd':
    case 'setRemove':
      return store[op.call](op.key, op.member);
    default:
      return store[op.call](op.key);
  }
}

/** Everything `store` holds under `KEYS`, to compare two stores after a run. */
export async function snapshot(store: Store) {
  return Promise.all(
    KEYS.map(async (k) => [
      await store.listItems(k),
      await store.setMembers(k),
      await store.get(k),
    ]),
  );
}
