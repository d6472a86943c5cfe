import type { ListAppendOptions, MapAddOptions, MapAddResult, PutOptions, Store } from './store';
import {
  assertIndexType,
  assertKey,
  assertValue,
  closedError,
  isIndex,
  maxFieldsOf,
  maxItemsOf,
  ttlOf,
} from './validate';

/** What an implementation answers: a value at once (say, from a cache) or a promise of one. */
type Awaitable<T> = T | Promise<T>;

/**
 * The checks every `Store` makes before it acts, in one place: each method rejects when the store
 * is closed, and with a `TypeError` naming a bad argument, then calls the implementation's own
 * method with the arguments checked and the options read. `listRemoveAt` with an index that
 * cannot point at an item resolves to `undefined` here, without asking the implementation.
 */
export abstract class CheckedStore implements Store {
  /** Whether `close` has been called: every later operation rejects. */
  protected abstract get closed(): boolean;

  protected abstract appendItem(
    key: string,
    value: string,
    maxItems?: number,
  ): Awaitable<number | 'full'>;
  protected abstract items(key: string): Awaitable<string[]>;
  /** `index` is a safe integer, 0 or more. */
  protected abstract removeItemAt(key: string, index: number): Awaitable<string | undefined>;
  protected abstract addMember(key: string, member: string): Awaitable<boolean>;
  protected abstract removeMember(key: string, member: string): Awaitable<boolean>;
  protected abstract members(key: string): Awaitable<string[]>;
  protected abstract addField(
    key: string,
    field: string,
    value: string,
    maxFields?: number,
  ): Awaitable<MapAddResult>;
  protected abstract removeField(key: string, field: string): Awaitable<string | undefined>;
  protected abstract fieldValues(key: string): Awaitable<string[]>;
  protected abstract putValue(key: string, value: string, ttlMs?: number): Awaitable<void>;
  protected abstract getValue(key: string): Awaitable<string | undefined>;
  protected abstract takeValue(key: string): Awaitable<string | undefined>;
  protected abstract deleteValue(key: string): Awaitable<boolean>;
  abstract probe(): Promise<void>;
  abstract close(): Promise<void>;

  listAppend(key: string, value: string): Promise<number>;
  listAppend(key: string, value: string, options: ListAppendOptions): Promise<number | 'full'>;
  async listAppend(key: string, value: string, options?: ListAppendOptions) {
    this.#check(key);
    assertValue(value);
    return this.appendItem(key, value, maxItemsOf(options));
  }

  async listItems(key: string): Promise<string[]> {
    this.#check(key);
    return this.items(key);
  }

  async listRemoveAt(key: string, index: number): Promise<string | undefined> {
    this.#check(key);
    assertIndexType(index);
    return isIndex(index) ? this.removeItemAt(key, index) : undefined;
  }

  async setAdd(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    return this.addMember(key, member);
  }

  async setRemove(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    return this.removeMember(key, member);
  }

  async setMembers(key: string): Promise<string[]> {
    this.#check(key);
    return this.members(key);
  }

  async mapAdd(
    key: string,
    field: string,
    value: string,
    options?: MapAddOptions,
  ): Promise<MapAddResult> {
    this.#check(key);
    assertValue(field, 'field');
    assertValue(value);
    return this.addField(key, field, value, maxFieldsOf(options));
  }

  async mapRemove(key: string, field: string): Promise<string | undefined> {
    this.#check(key);
    assertValue(field, 'field');
    return this.removeField(key, field);
  }

  async mapValues(key: string): Promise<string[]> {
    this.#check(key);
    return this.fieldValues(key);
  }

  async put(key: string, value: string, options?: PutOptions): Promise<void> {
    this.#check(key);
    assertValue(value);
    return this.putValue(key, value, ttlOf(options));
  }

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    return this.getValue(key);
  }

  async take(key: string): Promise<string | undefined> {
    this.#check(key);
    return this.takeValue(key);
  }

  async delete(key: string): Promise<boolean> {
    this.#check(key);
    return this.deleteValue(key);
  }

  #check(key: unknown): asserts key is string {
    if (this.closed) throw closedError();
    assertKey(key);
  }
}
