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
    // One transaction, and no savepoint: no write threw.
    expect(outer).toHaveBeenCalledTimes(1);
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
    const transactions = vi.spyOn(db, 'transaction');
    const results = await Promise.allSettled([
      commits.write(() => insert.run('kept')),
      commits.write(() => {
        insert.run('undone');
        throw new Error('half-way');
      }),
      commits.write(() => insert.run('kept too')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // Run once without savepoints, rolled back, then again with a savepoint for each write.
    expect(transactions).toHaveBeenCalledTimes(5);
    expect(connect().prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual([
      'kept',
      'kept too',
    ]);
  });

  it('rejects every write of a batch when one ends the whole transaction, and keeps none', async () => {
    const db = connect();
    // A full disk, made small: the large row fails with SQLITE_FULL, which ends the transaction.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const commits = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      commits.write(() => insert.run('one')),
      commits.write(() => insert.run('x'.repeat(100_000))),
      commits.write(() => insert.run('three')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(count(connect())).toBe(0);
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

describe('GroupCommit with a log synced off the event loop', () => {
  /** A `SyncLog` that syncs only when the test says so. */
  function manualSync() {
    const calls: ((error: Error | null) => void)[] = [];
    return { calls, sync: (done: (error: Error | null) => void) => void calls.push(done) };
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const state = (promise: Promise<unknown>) => {
    const seen = { settled: false };
    promise.then(
      () => (seen.settled = true),
      () => (seen.settled = true),
    );
    return seen;
  };

  it('resolves a write only once the log is synced after its commit', async () => {
    const db = connect();
    const log = manualSync();
    const commits = new GroupCommit(db, log.sync);
    const write = commits.write(() => db.prepare("INSERT INTO t (v) VALUES ('x')").run());
    const seen = state(write);
    await turn();
    await turn();
    expect(count(connect())).toBe(1); // committed
    expect(log.calls).toHaveLength(1);
    expect(seen.settled).toBe(false); // but not acknowledged before the sync
    log.calls[0]!(null);
    await write;
  });

  it('starts a sync for each batch once it is committed, and answers each after its own', async () => {
    const db = connect();
    const log = manualSync();
    const commits = new GroupCommit(db, log.sync);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const first = commits.write(() => insert.run('1'));
    await turn();
    expect(log.calls).toHaveLength(1);
    const second = commits.write(() => insert.run('2'));
    const third = commits.write(() => insert.run('3'));
    await turn();
    await turn();
    expect(count(connect())).toBe(3);
    // The first sync may have started before the later commits: they get one of their own.
    expect(log.calls).toHaveLength(2);
    const early = [state(first), state(second), state(third)];
    log.calls[0]!(null);
    await first;
    expect(early.map((s) => s.settled)).toEqual([true, false, false]);
    log.calls[1]!(null);
    await Promise.all([second, third]);
  });

  it('fails the writes of a failed sync, and every write after it', async () => {
    const db = connect();
    const log = manualSync();
    const commits = new GroupCommit(db, log.sync);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const write = commits.write(() => insert.run('lost?'));
    await turn();
    await turn();
    const during = commits.write(() => insert.run('committed during the sync'));
    await turn();
    await turn();
    log.calls[0]!(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(write).rejects.toThrow(/could not make its writes durable: EIO/);
    await expect(commits.write(() => insert.run('later'))).rejects.toThrow(/durable: EIO/);
    // Committed while the failing sync ran: its own sync succeeds, but after a failed fsync
    // that proves nothing, so it fails too.
    log.calls[1]!(null);
    await expect(during).rejects.toThrow(/durable: EIO/);
    expect(log.calls).toHaveLength(2);
  });

  it('settles once every write made so far is committed and synced', async () => {
    const db = connect();
    const log = manualSync();
    const commits = new GroupCommit(db, log.sync);
    const write = commits.write(() => db.prepare("INSERT INTO t (v) VALUES ('x')").run());
    const settled = state(commits.settled());
    await turn();
    expect(count(connect())).toBe(1);
    expect(settled.settled).toBe(false);
    log.calls[0]!(null);
    await write;
    await turn();
    expect(settled.settled).toBe(true);
  });
});
