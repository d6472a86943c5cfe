import { join } from 'node:path';
import { post } from './apps';
import { load } from './load';
import { start, stop } from './processes';
import type { Settings } from './measure-app';
import { table } from './report';

/**
 * How todo-noauth's costs grow with a list: the read at each size (linear in the list: it copies
 * and serialises it) and the add at each size (constant: an append).
 */
export async function measureGrowth(
  sizes: number[],
  s: Settings,
): Promise<{ rows: object[]; markdown: string }> {
  const running = await start(
    [join(s.root, 'apps/todo-noauth/dist/server.js')],
    {},
    '/.well-known/ai-plugin.json',
  );
  const rows: {
    items: number;
    readRps: number;
    readP99: number;
    addRps: number;
    addP99: number;
  }[] = [];
  try {
    let have = 0;
    for (const size of sizes) {
      await post(`${running.url}/todos/grow`, size - have, (i) => ({
        todo: `Todo number ${have + i}`,
      }));
      have = size;
      const read = await load(running.url, { method: 'GET', path: '/todos/grow' }, s.seconds);
      // Adds go to a list of the same size that is reset per size, so the add is measured at it.
      await post(`${running.url}/todos/grow-add-${size}`, size, (i) => ({
        todo: `Todo number ${i}`,
      }));
      const add = await load(
        running.url,
        { method: 'POST', path: `/todos/grow-add-${size}`, body: { todo: 'Buy milk' } },
        s.seconds,
      );
      rows.push({
        items: size,
        readRps: read.rps,
        readP99: read.p99,
        addRps: add.rps,
        addP99: add.p99,
      });
      console.log(
        `  growth · ${size} items: read ${read.rps.toFixed(0)} req/s, add ${add.rps.toFixed(0)} req/s`,
      );
    }
  } finally {
    await stop(running);
  }
  const markdown = table(
    ['items in the list', 'read req/s', 'read p99 ms', 'add req/s', 'add p99 ms'],
    rows.map((r) => [r.items, r.readRps.toFixed(0), r.readP99, r.addRps.toFixed(0), r.addP99]),
  );
  return { rows, markdown };
}
