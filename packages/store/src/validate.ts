/** The longest key accepted, in UTF-16 code units: keys are names, not data. */
export const MAX_KEY_LENGTH = 1024;

// A lone surrogate cannot be encoded as UTF-8: SQLite and Redis would store U+FFFD instead, and
// the value read back would differ from the one written.
const loneSurrogate = /\p{Cs}/u;

/** Throws a `TypeError` unless `key` is a non-empty, well-formed string of at most 1024 units. */
export function assertKey(key: unknown, name = 'key'): asserts key is string {
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) {
    throw new TypeError(
      `\`${name}\` must be a non-empty string of at most ${MAX_KEY_LENGTH} characters`,
    );
  }
  if (loneSurrogate.test(key)) throw new TypeError(`\`${name}\` must be well-formed Unicode`);
}

/** Throws a `TypeError` unless `value` is a well-formed string (empty is fine). */
export function assertValue(value: unknown, name = 'value'): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`\`${name}\` must be a string`);
  if (loneSurrogate.test(value)) throw new TypeError(`\`${name}\` must be well-formed Unicode`);
}

/** Throws a `TypeError` unless `index` is a number (whether it points at an item is not checked). */
export function assertIndexType(index: unknown): asserts index is number {
  if (typeof index !== 'number') throw new TypeError('`index` must be a number');
}

/** Whether `index` can point at a list item: a safe integer of 0 or more. */
export function isIndex(index: number): boolean {
  return Number.isSafeInteger(index) && index >= 0;
}

/** The expiry of a `put`: `undefined` for none; throws a `TypeError` on a bad `ttlMs`. */
export function ttlOf(options: unknown): number | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('`options` must be an object such as `{ ttlMs: 60000 }`');
  }
  const { ttlMs } = options as { ttlMs?: unknown };
  if (ttlMs === undefined) return undefined;
  if (typeof ttlMs !== 'number' || !Number.isSafeInteger(ttlMs) || ttlMs < 1) {
    throw new TypeError('`ttlMs` must be a whole number of milliseconds, 1 or more');
  }
  return ttlMs;
}

/** The cap of a `mapAdd`: `undefined` for none; throws a `TypeError` on a bad `maxFields`. */
export function maxFieldsOf(options: unknown): number | undefined {
  return capOf(options, 'maxFields');
}

/** The cap of a `listAppend`: `undefined` for none; throws a `TypeError` on a bad `maxItems`. */
export function maxItemsOf(options: unknown): number | undefined {
  return capOf(options, 'maxItems');
}

function capOf(options: unknown, name: string): number | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`\`options\` must be an object such as \`{ ${name}: 1000 }\``);
  }
  const cap = (options as Record<string, unknown>)[name];
  if (cap === undefined) return undefined;
  if (typeof cap !== 'number' || !Number.isSafeInteger(cap) || cap < 1) {
    throw new TypeError(`\`${name}\` must be a whole number, 1 or more`);
  }
  return cap;
}

/** The error every operation on a closed store rejects with. */
export function closedError(): Error {
  return new Error('the store is closed');
}
