// A separate process that writes to a SqliteStore, for the tests that need a real second process:
//   write <file>   writes forever, printing `ack <i>` after each write of round i resolves; the
//                  test kills it with SIGKILL and checks every acknowledged write. Started on a
//                  file the test holds open, it must fail to open it instead.
import { SqliteStore } from '../src/sqlite-store';

const [mode, file] = process.argv.slice(2);
if (mode !== 'write' || !file) throw new Error('usage: sqlite-worker.ts write <file>');
const store = new SqliteStore({ file, busyTimeoutMs: 500 });

for (let i = 0; ; i++) {
  await store.listAppend('todos:ann', `todo ${i}`);
  await store.setAdd('words:ann', `word ${i}`);
  await store.mapAdd('book:ann', `word ${i}`, `Word ${i}`);
  await store.put(`code:${i}`, `value ${i}`, { ttlMs: 3_600_000 });
  // stdout to a pipe is synchronous on Linux: the line has left when the write has committed.
  console.log(`ack ${i}`);
}
