import type Database from 'better-sqlite3';

/** Compiles, once per connection, every statement a `SqliteStore` runs. */
export function prepareStatements(db: Database.Database) {
  const s = (sql: string) => db.prepare(sql);
  return {
    append: s('INSERT INTO list_items (key, value) VALUES (?, ?)'),
    grow: s(
      'INSERT INTO list_lengths (key, length) VALUES (?, 1) ' +
        'ON CONFLICT (key) DO UPDATE SET length = length + 1 RETURNING length',
    ).pluck(),
    shrink: s('UPDATE list_lengths SET length = length - 1 WHERE key = ? RETURNING length').pluck(),
    dropLength: s('DELETE FROM list_lengths WHERE key = ?'),
    length: s('SELECT coalesce((SELECT length FROM list_lengths WHERE key = ?), 0)').pluck(),
    items: s('SELECT value FROM list_items WHERE key = ? ORDER BY seq').pluck(),
    at: s('SELECT seq, value FROM list_items WHERE key = ? ORDER BY seq LIMIT 1 OFFSET ?'),
    removeSeq: s('DELETE FROM list_items WHERE seq = ?'),
    add: s('INSERT OR IGNORE INTO set_members (key, member) VALUES (?, ?)'),
    remove: s('DELETE FROM set_members WHERE key = ? AND member = ?'),
    members: s('SELECT member FROM set_members WHERE key = ? ORDER BY seq').pluck(),
    mapGet: s('SELECT value FROM map_fields WHERE key = ? AND field = ?').pluck(),
    // Kept by triggers on map_fields (`sqlite-schema.ts`).
    mapSize: s('SELECT size FROM map_sizes WHERE key = ?').pluck(),
    mapInsert: s('INSERT INTO map_fields (key, field, value) VALUES (?, ?, ?)'),
    mapDelete: s('DELETE FROM map_fields WHERE key = ? AND field = ?'),
    mapValues: s('SELECT value FROM map_fields WHERE key = ? ORDER BY seq').pluck(),
    put: s('INSERT OR REPLACE INTO kv (key, value, expires_at) VALUES (?, ?, ?)'),
    purge: s('DELETE FROM kv WHERE expires_at <= ?'),
    get: s('SELECT value FROM kv WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)').pluck(),
    entry: s('SELECT value, expires_at FROM kv WHERE key = ?'),
    delete: s('DELETE FROM kv WHERE key = ?'),
  };
}
