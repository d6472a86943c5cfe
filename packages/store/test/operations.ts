import fc from 'fast-check';
import type { Store } from '../src/index';

/** One call to a `Store`, as data, so fast-check can generate, shrink and print it. */
export type Operation =
  | { call: 'listAppend' | 'put'; key: string; value: string }
  | { call: 'listAppendCapped'; key: string; value: string; maxItems: number }
  | { call: 'listItems' | 'setMembers' | 'mapValues' | 'get' | 'take' | 'delete'; key: string }
  | { call: 'listRemoveAt'; key: string; index: number }
  | { call: 'setAdd' | 'setRemove'; key: string; member: string }
  | { call: 'mapAdd'; key: string; field: string; value: string; maxFields: number | undefined }
  | { call: 'mapRemove'; key: string; field: string };

// Few keys and values, so operations keep landing on the same lists, members and values.
export const KEYS = ['a', 'b', '__proto__'];
const key = fc.constantFrom(...KEYS);
const text = fc.oneof(fc.constantFrom('x', 'y', ''), fc.string({ unit: 'grapheme', maxLength: 6 }));
const index = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(1.5, Number.NaN));
// Small caps, so that sequences reach a full map or list and then make room in it.
const maxFields = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
const maxItems = fc.integer({ min: 1, max: 3 });

/** Any sequence of up to 40 operations on lists, sets, maps and values (TTLs aside: no clock). */
export const operations = fc.array(
  fc.oneof(
    fc.record({ call: fc.constantFrom('listAppend', 'put'), key, value: text }),
    fc.record({
      call: fc.constantFrom('listItems', 'setMembers', 'mapValues', 'get', 'take', 'delete'),
      key,
    }),
    fc.record({ call: fc.constant('listAppendCapped'), key, value: text, maxItems }),
    fc.record({ call: fc.constant('listRemoveAt'), key, index }),
    fc.record({ call: fc.constantFrom('setAdd', 'setRemove'), key, member: text }),
    fc.record({ call: fc.constant('mapAdd'), key, field: text, value: text, maxFields }),
    fc.record({ call: fc.constant('mapRemove'), key, field: text }),
  ) as fc.Arbitrary<Operation>,
  { maxLength: 40 },
);

/** Performs `op` on `store` and resolves to what it answered. */
export function perform(store: Store, op: Operation): Promise<unknown> {
  switch (op.call) {
    case 'listAppend':
    case 'put':
      return store[op.call](op.key, op.value);
    case 'listAppendCapped':
      return store.listAppend(op.key, op.value, { maxItems: op.maxItems });
    case 'listRemoveAt':
      return store.listRemoveAt(op.key, op.index);
    case 'setAdd':
    case 'setRemove':
      return store[op.call](op.key, op.member);
    case 'mapAdd':
      return store.mapAdd(op.key, op.field, op.value, { maxFields: op.maxFields });
    case 'mapRemove':
      return store.mapRemove(op.key, op.field);
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
      await store.mapValues(k),
      await store.get(k),
    ]),
  );
}
