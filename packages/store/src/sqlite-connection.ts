import { closeSync, fdatasync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { GroupCommit } from './sqlite-group-commit';
import { prepareDatabase } from './sqlite-schema';

/** How a connection makes its log durable: `fs.fdatasync` of the `-wal` file unless told. */
export type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

/** An open store file: its connection, its group commit, and how to close both. */
export interface SqliteConnection {
  db: Database.Database;
  commits: GroupCommit;
  /** Waits for every write made so far to be durable, then closes the file. */
  close(): Promise<void>;
}

/**
 * Opens `file` (creating it and its tables when missing) for a `SqliteStore`; throws when it
 * cannot be opened or was written by a newer schema.
 *
 * The connection commits with `synchronous=NORMAL`, which leaves the write-ahead log unsynced,
 * and `GroupCommit` syncs the log itself off the event loop before it answers: together that is
 * what `synchronous=FULL` promises (every commit in the log on disk before it is acknowledged),
 * without stopping every request for the fsync. NORMAL still syncs the log before a checkpoint
 * copies it into the database (https://sqlite.org/pragma.html#pragma_synchronous).
 */
export function openConnection(
  file: string,
  busyTimeoutMs: number,
  syncFile: SyncFile = fdatasync,
): SqliteConnection {
  const db = new Database(file, { timeout: busyTimeoutMs });
  let logFd: number;
  try {
    prepareDatabase(db);
    // The log exists once WAL mode is on and the tables are prepared, and SQLite keeps it (the
    // same file, reused from its start after a checkpoint) while any connection has it open. Its
    // path is the one SQLite resolved (a symlinked file's log sits beside the link's target).
    const [main] = db.pragma('database_list') as { name: string; file: string }[];
    logFd = openSync(`${main!.file}-wal`, 'r+');
  } catch (error) {
    db.close();
    throw error;
  }
  const commits = new GroupCommit(db, (done) => syncFile(logFd, done));
  return {
    db,
    commits,
    async close() {
      await commits.settled();
      try {
        db.close();
      } finally {
        closeSync(logFd);
      }
    },
  };
}
