import type Database from 'better-sqlite3';

// Rows keep their insertion order in `seq` (the rowid): a new row gets a rowid above every
// row present, so ordering by it is ordering by insertion.
//
// MIGRATIONS[v] takes a file from schema v to v + 1; the file records its version in
// `user_version`. Append a step to change the tables, never edit one that has shipped: files
// written by it exist (`test/fixtures/schema-1.sqlite` is one, kept to test that it still opens).
const MIGRATIONS = [
  // 1: lists, sets and values.
  `CREATE TABLE IF NOT EXISTS list_items (
     seq INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS list_items_by_key ON list_items (key, seq);
   CREATE TABLE IF NOT EXISTS set_members (
     seq INTEGER PRIMARY KEY, key TEXT NOT NULL, member TEXT NOT NULL, UNIQUE (key, member));
   CREATE INDEX IF NOT EXISTS set_members_by_key ON set_members (key, seq);
   CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER);
   CREATE INDEX IF NOT EXISTS kv_by_expiry ON kv (expires_at) WHERE expires_at IS NOT NULL;`,
  // 2: maps.
  `CREATE TABLE IF NOT EXISTS map_fields (
     seq INTEGER PRIMARY KEY, key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
     UNIQUE (key, field));
   CREATE INDEX IF NOT EXISTS map_fields_by_key ON map_fields (key, seq);`,
  // 3: each list's length, so an append learns its index without counting the list (constant
  // time, not linear in the list's length).
  `CREATE TABLE IF NOT EXISTS list_lengths (
     key TEXT PRIMARY KEY, length INTEGER NOT NULL) WITHOUT ROWID;
   INSERT INTO list_lengths (key, length) SELECT key, count(*) FROM list_items GROUP BY key;`,
  // 4: each map's size, so `mapAdd` checks its cap without counting the map (linear in the
  // map, more than the rest of the add). Triggers keep it, so it stays right even
  // when a process of an older build, which opened the file before this migration, still writes.
  `CREATE TABLE IF NOT EXISTS map_sizes (
     key TEXT PRIMARY KEY, size INTEGER NOT NULL) WITHOUT ROWID;
   INSERT INTO map_sizes (key, size) SELECT key, count(*) FROM map_fields GROUP BY key;
   CREATE TRIGGER IF NOT EXISTS map_field_added AFTER INSERT ON map_fields BEGIN
     INSERT INTO map_sizes (key, size) VALUES (NEW.key, 1)
       ON CONFLICT (key) DO UPDATE SET size = size + 1;
   END;
   CREATE TRIGGER IF NOT EXISTS map_field_removed AFTER DELETE ON map_fields BEGIN
     UPDATE map_sizes SET size = size - 1 WHERE key = OLD.key;
     DELETE FROM map_sizes WHERE key = OLD.key AND size <= 0;
   END;`,
];

/** The schema this code writes; a file from an older one is migrated when opened. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Sets a connection up for durability and brings the tables up to `SCHEMA_VERSION`; throws when
 * the file was written by a newer schema than this code knows.
 */
export function prepareDatabase(db: Database.Database): void {
  // WAL: readers never block the writer, and a commit is one append to the log. NORMAL: a commit
  // does not wait for the disk; `GroupCommit` fsyncs the log before any write is acknowledged
  // (`openConnection` says why), so an acknowledged write survives a power loss, not only the
  // death of the process.
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`the store file cannot use a write-ahead log (mode ${mode})`);
  db.pragma('synchronous = NORMAL');
  // One IMMEDIATE transaction: of two processes opening an old file at once, one migrates it and
  // the other then finds it current; a crash midway leaves the file as it was.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`the store file has schema ${version}; this code knows ${SCHEMA_VERSION}`);
    }
    for (const migration of MIGRATIONS.slice(version)) db.exec(migration);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
