import { join } from 'node:path';
import { post } from './apps';
import { load, type LoadCase, type LoadResult } from './load';
import { medianRun } from './median';
import { start, stop } from './processes';
import type { Settings } from './measure-app';
import { table } from './report';

/**
 * How todo-noauth's read grows with a list, up to the list's cap: linear in the list (it copies
 * and serialises it). The add is not measured here: a list at its cap refuses it.
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
  }[] = [];
  // `s.rounds` runs of `s.seconds` and the median run, as for the cases (no baselines here).
  const rounds = async (c: LoadCase) => {
    const runs: LoadResult[] = [];
    for (let r = 0; r < s.rounds; r++) runs.push(await load(running.url, c, s.seconds));
    return medianRun(runs);
  };
  try {
    let have = 0;
    for (const size of sizes) {
      await post(`${running.url}/todos/grow`, size - have, (i) => ({
        todo: `Todo number ${have + i}`,
      }));
      have = size;
      const read = await rounds({ method: 'GET', path: '/todos/grow' });
      rows.push({ items: size, readRps: read.rps, readP99: read.p99 });
      console.log(`  growth · ${size} items: read ${read.rps.toFixed(0)} req/s`);
    }
  } finally {
    await stop(running);
  }
  const markdown = table(
    ['items in the list', 'read req/s', 'read p99 ms'],
    rows.map((r) => [r.items, r.readRps.toFixed(0), r.readP99]),
  );
  return { rows, markdown };
}
