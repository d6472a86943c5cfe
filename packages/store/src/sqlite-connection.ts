import { chmodSync, closeSync, fdatasync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { GroupCommit } from './sqlite-group-commit';
import { prepareDatabase } from './sqlite-schema';

/** How a connection makes its log durable: `fs.fdatasync` of the `-wal` file unless told. */
export type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

/** How a connection opens its file and syncs its log. */
export interface ConnectionOptions {
  /**
   * How long opening waits for another connection or process to let go of the file, in ms
   * (default 5000); then it throws, naming `REDIS_URL`.
   */
  busyTimeoutMs?: number;
  /** How the log is synced (`fs.fdatasync` of the `-wal` file); tests pass a slow one. */
  syncFile?: SyncFile;
  /**
   * Called once when a sync of the log fails: from then on every write fails, and only a restart
   * can tell what the file holds. Servers exit here (`exitOnFatal`) so a supervisor restarts them.
   */
  onFatal?: (error: Error) => void;
}

/** An open store file: its connection, its group commit, and how to close both. */
export interface SqliteConnection {
  db: Database.Database;
  commits: GroupCommit;
  /** Waits for every write made so far to be durable, then closes the file. */
  close(): Promise<void>;
}

/**
 * Opens `file` (creating it and its tables when missing) for a `SqliteStore`, holding it for this
 * connection alone; throws when it cannot be opened, another connection or process holds it (past
 * `busyTimeoutMs`), or it was written by a newer schema.
 *
 * EXCLUSIVE locking mode, set before the first access in WAL mode, takes the file's lock at the
 * first transaction and keeps it until the connection closes, and keeps the WAL index in this
 * process's memory instead of a `-shm` file (https://sqlite.org/wal.html#noshm). So no other
 * connection can change the file behind this one's back, and its reads need no check for that.
 * Instances that share data share Redis.
 *
 * The connection commits with `synchronous=NORMAL`, which leaves the write-ahead log unsynced,
 * and `GroupCommit` syncs the log itself off the event loop before it answers: together that is
 * what `synchronous=FULL` promises (every commit in the log on disk before it is acknowledged),
 * without stopping every request for the fsync. NORMAL still syncs the log before a checkpoint
 * copies it into the database (https://sqlite.org/pragma.html#pragma_synchronous).
 */
export function openConnection(
  file: string,
  { busyTimeoutMs = 5000, syncFile = fdatasync, onFatal }: ConnectionOptions = {},
): SqliteConnection {
  // The data is the app's alone: owner read and write only, whatever the umask (SQLite gives its
  // write-ahead log the database file's permissions).
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file, { timeout: busyTimeoutMs });
  let logFd: number;
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    prepareDatabase(db);
    // The log exists once WAL mode is on and the tables are prepared, and SQLite keeps it (the
    // same file, reused from its start after a checkpoint) while any connection has it open. Its
    // path is the one SQLite resolved (a symlinked file's log sits beside the link's target).
    const [main] = db.pragma('database_list') as { name: string; file: string }[];
    logFd = openSync(`${main!.file}-wal`, 'r+');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    throw new Error(
      `the store file ${file} is in use by another process; one process owns a SQLite file, ` +
        'so to share data between instances set REDIS_URL',
      { cause: error },
    );
  }
  const commits = new GroupCommit(db, (done) => syncFile(logFd, done), onFatal);
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
