// A separate process that writes to a SqliteStore, for the tests that need a real second process:
//   write <file>          writes forever, printing `ack <i>` after each write of round i resolves;
//                         the test kills it with SIGKILL and checks every acknowledged write.
//   race <file> <name>    prints `ready`, waits for a line on stdin, then appends 150 items, taking
//                         turns with the other process, adds 150 fields to a map capped at 200, and
//                         takes the codes `code:0`…`code:49`; prints the results as JSON.
//   cap <file>            prints `ready`, waits for a line on stdin, then adds a field to the map
//                         `book:capped` capped at 10 fields and prints what `mapAdd` answered.
import { createInterface } from 'node:readline';
import { SqliteStore } from '../src/sqlite-store';

const [mode, file, name = 'worker'] = process.argv.slice(2);
if (!file) throw new Error('usage: sqlite-worker.ts write|race|cap <file> [name]');
const store = new SqliteStore({ file, busyTimeoutMs: 20_000 });

async function write() {
  for (let i = 0; ; i++) {
    await store.listAppend('todos:ann', `todo ${i}`);
    await store.setAdd('words:ann', `word ${i}`);
    await store.mapAdd('book:ann', `word ${i}`, `Word ${i}`);
    await store.put(`code:${i}`, `value ${i}`, { ttlMs: 3_600_000 });
    // stdout to a pipe is synchronous on Linux: the line has left when the write has committed.
    console.log(`ack ${i}`);
  }
}

async function ready() {
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once('line', resolve));
  lines.close();
  process.stdin.destroy(); // else the open pipe keeps this process alive after its work
}

async function race() {
  await ready();
  const indexes: number[] = [];
  const taken: (string | undefined)[] = [];
  const added: string[] = [];
  for (let i = 0; i < 150; i++) {
    indexes.push(await store.listAppend('todos:race', `${name} ${i}`));
    const result = await store.mapAdd('book:race', `${name} ${i}`, `${i}`, { maxFields: 200 });
    if (result === 'added') added.push(`${name} ${i}`);
    if (i < 50) taken.push(await store.take(`code:${i}`));
    // Yield, so the two processes take turns on the lock instead of one running to the end.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  console.log(JSON.stringify({ indexes, taken, added }));
  await store.close();
}

async function cap() {
  await ready();
  console.log(await store.mapAdd('book:capped', 'late', 'late', { maxFields: 10 }));
  await store.close();
}

const modes = { write, race, cap };
await modes[mode as keyof typeof modes]();
