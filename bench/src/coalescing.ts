import { join } from 'node:path';
import { rssMiB, start, stop } from './processes';
import type { Settings } from './measure-app';
import { startSlowUpstream, type SlowUpstream } from './slow-upstream';
import { table } from './report';

export const UPSTREAM_DELAY_MS = 500;
export const CONCURRENT = 8;
/** "About 0.5 s": the upstream's delay plus half of it for everything else. */
const MAX_WALL_MS = UPSTREAM_DELAY_MS * 1.5;

export interface CoalescingRow {
  client: string;
  requests: number;
  wallMs: number;
  upstreamCalls: number;
  /** Answers that were not 200. */
  failed: number;
}

async function timed(
  upstream: SlowUpstream,
  run: () => Promise<number[]>,
): Promise<Omit<CoalescingRow, 'client'>> {
  upstream.reset();
  const began = performance.now();
  const statuses = await run();
  return {
    requests: statuses.length,
    wallMs: performance.now() - began,
    upstreamCalls: upstream.calls,
    failed: statuses.filter((s) => s !== 200).length,
  };
}

const get = (url: string) => fetch(url).then(async (r) => (await r.arrayBuffer(), r.status));
const times = <T>(n: number, fn: () => T) => Array.from({ length: n }, fn);

/** The verdict on the shipped app's row: the wall time and the single upstream call. */
export function coalescingMisses(row: CoalescingRow): string[] {
  const out: string[] = [];
  if (row.wallMs > MAX_WALL_MS) out.push(`${row.wallMs.toFixed(0)} ms > ${MAX_WALL_MS} ms`);
  if (row.upstreamCalls !== 1) out.push(`${row.upstreamCalls} upstream calls, not 1`);
  if (row.failed) out.push(`${row.failed} answers not 200`);
  return out;
}

/**
 * 8 identical requests at once to the shipped sport-stats, over an upstream that takes 500 ms,
 * beside what a client without coalescing gets from the same upstream: the same 8 one after the
 * other (the 4 s the issue names) and all at once (fast, but 8 upstream calls).
 */
export async function measureCoalescing(
  s: Settings,
): Promise<{ rows: CoalescingRow[]; appRssMiB: number; markdown: string }> {
  const upstream = await startSlowUpstream(UPSTREAM_DELAY_MS);
  const app = await start(
    [join(s.root, 'apps/sport-stats/dist/server.js')],
    { UPSTREAM_URL: upstream.url },
    '/.well-known/ai-plugin.json',
  );
  const rows: CoalescingRow[] = [];
  let appRssMiB: number;
  try {
    // A fresh query per run, so the app's cache cannot answer it.
    const appUrl = (run: string) => `${app.url}/players?query=coalesce-${run}`;
    await get(appUrl('warm-up')); // one slow call first, so start-up work is not in the timing
    rows.push({
      client: `sport-stats as shipped, ${CONCURRENT} at once`,
      ...(await timed(upstream, () => Promise.all(times(CONCURRENT, () => get(appUrl('a')))))),
    });
    // sport-stats with a loopback upstream in another process: the plugin's own memory.
    await new Promise((r) => setTimeout(r, 300));
    appRssMiB = rssMiB(app.child);
    const direct = `${upstream.url}/players?search=coalesce`;
    rows.push({
      client: `no coalescing, ${CONCURRENT} one after another`,
      ...(await timed(upstream, async () => {
        const statuses: number[] = [];
        for (let i = 0; i < CONCURRENT; i++) statuses.push(await get(direct));
        return statuses;
      })),
    });
    rows.push({
      client: `no coalescing, ${CONCURRENT} at once`,
      ...(await timed(upstream, () => Promise.all(times(CONCURRENT, () => get(direct))))),
    });
  } finally {
    await stop(app);
    await upstream.close();
  }
  for (const row of rows) {
    console.log(
      `  coalescing · ${row.client}: ${row.wallMs.toFixed(0)} ms, ${row.upstreamCalls} upstream calls`,
    );
  }
  const table_ = table(
    ['client', 'requests', 'wall ms', 'upstream calls', 'target'],
    rows.map((r, i) => [
      r.client,
      r.requests,
      r.wallMs.toFixed(0),
      r.upstreamCalls,
      i === 0 ? coalescingMisses(r).join('; ') || 'met' : 'baseline',
    ]),
  );
  const markdown = `${table_}\n\nsport-stats with \`UPSTREAM_URL\` set to this upstream: idle RSS ${appRssMiB.toFixed(1)} MiB after these requests.`;
  return { rows, appRssMiB, markdown };
}
