import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './sqlite-group-commit';

let dir: string;
let file: string;
const open: Database.Database[] = [];
const connect = (timeout = 5000) => {
  const db = new Database(file, { timeout });
  db.pragma('journal_mode = WAL');
  open.push(db);
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  file = join(dir, 'test.sqlite');
  connect().exec('CREATE TABLE t (v TEXT NOT NULL)');
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: Database.Database) => db.prepare('SELECT count(*) FROM t').pluck().get();

describe('GroupCommit', () => {
  it('commits the writes of one event-loop turn in one transaction', async () => {
    const db = connect();
    const commits = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const outer = vi.spyOn(db, 'transaction');
    const writes = Array.from({ length: 32 }, (_, i) => commits.write(() => insert.run(`${i}`)));
    await Promise.all(writes);
    // One outer transaction, plus one savepoint for each write.
    expect(outer).toHaveBeenCalledTimes(33);
    expect(count(connect())).toBe(32);
  });

  it('resolves a write only once another connection can read it', async () => {
    const db = connect();
    const other = connect();
    const commits = new GroupCommit(db);
    const write = commits.write(() => db.prepare("INSERT INTO t (v) VALUES ('x')").run());
    expect(count(other)).toBe(0);
    await write;
    expect(count(other)).toBe(1);
  });

  it('rolls back a write that throws alone, and commits the rest of its batch', async () => {
    const db = connect();
    const commits = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      commits.write(() => insert.run('kept')),
      commits.write(() => {
        insert.run('undone');
        throw new Error('half-way');
      }),
      commits.write(() => insert.run('kept too')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(connect().prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual([
      'kept',
      'kept too',
    ]);
  });

  it('rejects every write of a batch whose commit fails, and writes none of them', async () => {
    const locker = connect();
    const db = connect(50);
    locker.exec('BEGIN IMMEDIATE');
    const commits = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      commits.write(() => insert.run('a')),
      commits.write(() => insert.run('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    locker.exec('ROLLBACK');
    expect(count(connect())).toBe(0);
  });

  it('commits what is waiting when flushed, as close does', async () => {
    const db = connect();
    const commits = new GroupCommit(db);
    const write = commits.write(() => db.prepare("INSERT INTO t (v) VALUES ('last')").run());
    commits.flush();
    db.close();
    await write;
    expect(count(connect())).toBe(1);
  });
});
