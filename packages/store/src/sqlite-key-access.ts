import type { GroupCommit } from './sqlite-group-commit';
import type { ReadCache } from './sqlite-read-cache';

/**
 * A `SqliteStore`'s reads and writes by key (`list:<key>`, `map:<key>`, …): writes go through the
 * group commit and drop the key's cached answers, reads come from the cache when there is one.
 *
 * A write is visible to readers once committed, a moment before its log is synced. So while a
 * write to a key is committed but not yet synced, a read of that key waits for it: nobody is
 * shown what a power cut could still undo. It waits for the writes made before it only, not
 * again for those made meanwhile, so a key written without a pause cannot hold its readers.
 */
export class KeyAccess {
  readonly #commits: GroupCommit;
  readonly #cache: ReadCache | undefined;
  /** Per key, its last write while that write is not yet durable. */
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
    this.#unsynced.set(key, written);
    const settled = () => {
      if (this.#unsynced.get(key) === written) this.#unsynced.delete(key);
    };
    written.then(settled, settled);
    return written;
  }

  /** Forgets every cached answer. */
  clear(): void {
    this.#cache?.clear();
  }
}
