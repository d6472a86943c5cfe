import type Database from 'better-sqlite3';

// Bumped, with a migration, whenever the tables below change shape.
const SCHEMA_VERSION = 1;

// Rows keep their insertion order in `seq` (the rowid): a new row gets a rowid above every
// row present, so ordering by it is ordering by insertion.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS list_items (
    seq INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS list_items_by_key ON list_items (key, seq);
  CREATE TABLE IF NOT EXISTS set_members (
    seq INTEGER PRIMARY KEY, key TEXT NOT NULL, member TEXT NOT NULL, UNIQUE (key, member));
  CREATE INDEX IF NOT EXISTS set_members_by_key ON set_members (key, seq);
  CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER);
  CREATE INDEX IF NOT EXISTS kv_by_expiry ON kv (expires_at) WHERE expires_at IS NOT NULL;
`;

/**
 * Sets a connection up for durability and creates the tables; throws when the file was written
 * by a newer schema than this code knows.
 */
export function prepareDatabase(db: Database.Database): void {
  // WAL: readers never block the writer, and a commit is one append to the log. FULL: the log is
  // fsynced at every commit, so an acknowledged write survives a crash or power loss, not only
  // the death of the process.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`the store file has schema ${version}; this code knows ${SCHEMA_VERSION}`);
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
