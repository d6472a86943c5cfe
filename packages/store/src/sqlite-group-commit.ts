import type Database from 'better-sqlite3';
import { countCommit } from './sqlite-read-cache';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one SQLite connection: the writes made in one turn of the event loop (say, 32
 * requests whose bodies arrived together) are committed as one transaction, so they share one
 * fsync instead of paying one each (0.03 ms a write in a batch of 32 against 0.4 ms alone, on
 * this repo's CI machine). Each write still runs in a savepoint of its own, so one that throws is
 * rolled back alone, and no promise resolves before the commit that makes its write durable.
 */
export class GroupCommit {
  readonly #db: Database.Database;
  readonly #queue: Pending[] = [];

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Runs `work` in the next batch's transaction; resolves once that batch is committed. */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#queue.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits the writes waiting now (close calls it, so writes made before close still land). */
  flush(): void {
    const batch = this.#queue.splice(0);
    if (batch.length === 0) return;
    const outcomes: ({ value: unknown } | { error: unknown })[] = [];
    try {
      // IMMEDIATE takes the write lock before the first read, so a read-then-write cannot be
      // interleaved with another connection's write (a DEFERRED one would fail with SQLITE_BUSY).
      this.#db
        .transaction(() => {
          for (const { work } of batch) {
            try {
              // A transaction inside a transaction is a savepoint: a throw undoes this write only.
              outcomes.push({ value: this.#db.transaction(work)() });
            } catch (error) {
              outcomes.push({ error });
            }
          }
        })
        .immediate();
      countCommit();
    } catch (error) {
      // The commit itself failed (the file stayed locked past the busy timeout, the disk is
      // full): nothing of the batch was written, and every write in it says so.
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.value);
    });
  }
}
