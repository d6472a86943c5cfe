/** How long a value lives: `ttlMs` milliseconds from the write, or forever when it is left out. */
export interface PutOptions {
  ttlMs?: number;
}

/** A cap on a list's length: `listAppend` appends nothing once the list holds `maxItems`. */
export interface ListAppendOptions {
  maxItems?: number;
}

/** A cap on a map's size: `mapAdd` adds no field once the map holds `maxFields`. */
export interface MapAddOptions {
  maxFields?: number;
}

/** What `mapAdd` did: added the field, found it already there, or found the map full. */
export type MapAddResult = 'added' | 'exists' | 'full';

/**
 * Where an app's state lives: ordered lists, ordered sets, ordered maps and values that may
 * expire, each under a string key. Every method is async and atomic; a write has taken effect
 * (and, on a durable implementation, is durable) once its promise resolves. Lists, sets, maps and
 * values are four separate key spaces: the list `a` and the value `a` are unrelated. Bad arguments
 * reject with a `TypeError` that names the argument.
 */
export interface Store {
  /** Appends `value` to the list at `key` and resolves to its 0-based index. */
  listAppend(key: string, value: string): Promise<number>;
  /**
   * Appends `value` unless the list already holds `maxItems` items (`'full'`, nothing written),
   * the check and the write in one step, so concurrent appends never overshoot the cap.
   */
  listAppend(key: string, value: string, options: ListAppendOptions): Promise<number | 'full'>;
  /** The list at `key`, oldest first; an empty array for a key never written. */
  listItems(key: string): Promise<string[]>;
  /**
   * Removes the item at `index` (the items after it shift down) and resolves to it, or to
   * `undefined` when there is none: an unknown key, or an index that is negative, not an integer or
   * past the end.
   */
  listRemoveAt(key: string, index: number): Promise<string | undefined>;

  /** Adds `member` to the set at `key`; resolves to `true` if it was not there before. */
  setAdd(key: string, member: string): Promise<boolean>;
  /** Removes `member` from the set at `key`; resolves to `true` if it was there. */
  setRemove(key: string, member: string): Promise<boolean>;
  /** The members of the set at `key` in the order they were added; empty for an unknown key. */
  setMembers(key: string): Promise<string[]>;

  /**
   * Adds `field` with `value` to the map at `key`, in one step, unless the field is there
   * (`'exists'`, its value unchanged) or the map already holds `maxFields` fields (`'full'`).
   */
  mapAdd(key: string, field: string, value: string, options?: MapAddOptions): Promise<MapAddResult>;
  /** Removes `field` from the map at `key` and resolves to its value, or `undefined` if absent. */
  mapRemove(key: string, field: string): Promise<string | undefined>;
  /** The values of the map at `key` in the order their fields were added; empty if unknown. */
  mapValues(key: string): Promise<string[]>;

  /** Stores `value` at `key`, replacing any value and any expiry it had. */
  put(key: string, value: string, options?: PutOptions): Promise<void>;
  /** The value at `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<string | undefined>;
  /** Gets and deletes the value at `key` in one step: of many concurrent calls, one gets it. */
  take(key: string): Promise<string | undefined>;
  /** Deletes the value at `key`; resolves to `true` if there was a live one. */
  delete(key: string): Promise<boolean>;

  /**
   * Resolves once the store has answered and can write (for a readiness check): it rejects when
   * the store is closed, unreachable, or can no longer make writes durable.
   */
  probe(): Promise<void>;

  /** Releases the connection or file; later calls reject. Calling it twice is harmless. */
  close(): Promise<void>;
}
