import {
  fdatasync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from './sqlite-connection';

const dir = mkdtempSync(join(tmpdir(), 'store-connection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openConnection', () => {
  it('keeps the file and its log readable by the owner only, whatever the umask', async () => {
    const file = join(dir, 'private.sqlite');
    const umask = process.umask(0o000);
    try {
      const connection = openConnection(file);
      connection.db.prepare('CREATE TABLE IF NOT EXISTS t (x)').run();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
      await connection.close();
    } finally {
      process.umask(umask);
    }
  });

  it('commits without waiting for the disk, and syncs the write-ahead log itself', async () => {
    const file = join(dir, 'synced.sqlite');
    const synced: number[] = [];
    const connection = openConnection(file, {
      syncFile: (fd, done) => {
        synced.push(fstatSync(fd).ino);
        fdatasync(fd, done);
      },
    });
    // NORMAL (1): a commit leaves the log to GroupCommit's sync, which follows every commit.
    expect(connection.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(connection.db.pragma('journal_mode', { simple: true })).toBe('wal');
    connection.db.exec('CREATE TABLE t (v TEXT)');
    const insert = connection.db.prepare('INSERT INTO t (v) VALUES (?)');
    await Promise.all([1, 2, 3].map((i) => connection.commits.write(() => insert.run(`${i}`))));
    expect(synced).toEqual([statSync(`${file}-wal`).ino]);
    await connection.close();
    expect(connection.db.open).toBe(false);
  });

  it('syncs the log SQLite writes, beside the real file, when the file is a symlink', async () => {
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'store.sqlite');
    const link = join(dir, 'link.sqlite');
    symlinkSync(target, link);
    const synced: number[] = [];
    const connection = openConnection(link, {
      syncFile: (fd, done) => {
        synced.push(fstatSync(fd).ino);
        fdatasync(fd, done);
      },
    });
    connection.db.exec('CREATE TABLE t (v TEXT)');
    await connection.commits.write(() => connection.db.prepare("INSERT INTO t VALUES ('x')").run());
    expect(synced).toEqual([statSync(`${target}-wal`).ino]);
    await connection.close();
  });
});
