import type { GroupCommit } from './sqlite-group-commit';
import type { ReadCache } from './sqlite-read-cache';

/**
 * A `SqliteStore`'s reads and writes by key (`list:<key>`, `map:<key>`, …): writes go through the
 * group commit and drop the key's cached answers, reads come from the cache when there is one.
 *
 * A write is visible to readers once committed, a moment before its log is synced. So a read of
 * a key waits for the writes to it that are pending when the read is made, and is not shown
 * one of those while a power cut could still undo it. It does not wait again for writes made
 * while it waited (so a key written without a pause cannot hold its readers): it may show one
 * of those, committed but with its sync still running.
 */
export class KeyAccess {
  readonly #commits: GroupCommit;
  readonly #cache: ReadCache | undefined;
  /** Per key, while a write to it is not yet durable: settles once every such write has. */
  readonly #unsynced = new Map<string, Promise<unknown>>();

  constructor(commits: GroupCommit, cache: ReadCache | undefined) {
    this.#commits = commits;
    this.#cache = cache;
  }

  /** `load()`'s answer, or the cached one; once the key's pending write is durable, if any. */
  read<T>(key: string, load: () => T): T | Promise<T> {
    const read = () => (this.#cache ? this.#cache.read(key, load) : load());
    const pending = this.#unsynced.get(key);
    return pending ? pending.then(read, read) : read();
  }

  /** Runs `work` in the next group commit, the answers cached for `key` dropped first. */
  write<T>(key: string, work: () => T): Promise<T> {
    const written = this.#commits.write(() => {
      this.#cache?.drop(key);
      return work();
    });
    // Settles once this write and every earlier one to the key still pending have: a write that
    // fails at once (its commit failed) must not free readers of one that is still syncing.
    const before = this.#unsynced.get(key);
    const gate = before ? Promise.allSettled([before, written]) : written;
    this.#unsynced.set(key, gate);
    const settled = () => {
      if (this.#unsynced.get(key) === gate) this.#unsynced.delete(key);
    };
    gate.then(settled, settled);
    return written;
  }

  /** Forgets every cached answer. */
  clear(): void {
    this.#cache?.clear();
  }
}
