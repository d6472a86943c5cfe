import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadCase, LoadResult } from './load';
import { interleavedRounds, type Settings } from './measure-app';
import { mcpRequest, mcpResult } from './mcp-request';
import type { McpRead } from './mcp-reads';
import { median, medianRun } from './median';
import { start, stop } from './processes';
import { fixed, table } from './report';

const PEER = new URL('./baselines/mcp-sdk.mjs', import.meta.url).pathname;
// Issue 15: our `tools/call` ≥ 0.9× the SDK alone, its p99 ≤ 2× the REST read's.
export const MCP_TARGETS = { peerRatio: 0.9, p99ToRest: 2 };

export interface McpRow {
  app: string;
  tool: string;
  /** Each server's median round by req/s (errors summed over rounds). */
  mcp: LoadResult;
  peer: LoadResult;
  rest: LoadResult;
  /** Medians of the rounds' ratios of req/s. */
  peerRatio: number;
  restRatio: number;
  rounds: { mcp: LoadResult; peer: LoadResult; rest: LoadResult }[];
}

/**
 * The app's main read as an MCP `tools/call`, its REST read and the SDK-alone peer answering the
 * app's own result, in interleaved rounds. Throws when the app's tool is missing or fails.
 */
export async function measureMcp(
  app: string,
  url: string,
  read: McpRead,
  rest: LoadCase,
  s: Settings,
): Promise<McpRow> {
  const headers = rest.headers ?? {};
  const { tools } = await mcpResult(url, mcpRequest('tools/list', {}, headers));
  const tool = (tools as { name: string }[]).find((t) => t.name === read.tool);
  if (!tool) throw new Error(`${app} has no tool \`${read.tool}\` at /mcp`);
  const call = mcpRequest('tools/call', { name: read.tool, arguments: read.arguments }, headers);
  const result = await mcpResult(url, call);
  if (result.isError) throw new Error(`${app} · ${read.tool}: ${JSON.stringify(result.content)}`);
  const file = join(mkdtempSync(join(tmpdir(), 'bench-mcp-')), 'mcp-call.json');
  writeFileSync(file, JSON.stringify({ tool, result }));
  const peer = await start([PEER, file], {}, '/ready');
  try {
    // The peer must give the app's answer; and it starts cold where the app has served the
    // other cases, so both answer some calls first (quick mode has no warm-up of its own).
    const same = await mcpResult(peer.url, call);
    if (JSON.stringify(same.structuredContent) !== JSON.stringify(result.structuredContent))
      throw new Error(`the SDK peer's answer differs from ${app}'s`);
    for (let i = 0; i < 50; i++)
      await Promise.all([mcpResult(url, call), mcpResult(peer.url, call)]);
    const runs = await interleavedRounds([url, peer.url, url], [call, call, rest], s);
    const rounds = runs.map(([mcp, peer, rest]) => ({ mcp: mcp!, peer: peer!, rest: rest! }));
    return {
      app,
      tool: read.tool,
      mcp: medianRun(rounds.map((r) => r.mcp)),
      peer: medianRun(rounds.map((r) => r.peer)),
      rest: medianRun(rounds.map((r) => r.rest)),
      peerRatio: median(rounds.map((r) => r.mcp.rps / r.peer.rps)),
      restRatio: median(rounds.map((r) => r.mcp.rps / r.rest.rps)),
      rounds,
    };
  } finally {
    await stop(peer);
  }
}

/** The verdict on one app's MCP read: every miss, in words. */
export function mcpMisses(row: McpRow): string[] {
  const out: string[] = [];
  if (row.peerRatio < MCP_TARGETS.peerRatio)
    out.push(`${fixed(row.peerRatio, 2)}× the SDK alone < ${MCP_TARGETS.peerRatio}×`);
  if (row.mcp.p99 > MCP_TARGETS.p99ToRest * row.rest.p99)
    out.push(
      `p99 ${row.mcp.p99} ms > ${MCP_TARGETS.p99ToRest}× the REST read's ${row.rest.p99} ms`,
    );
  for (const [name, r] of [
    ['MCP', row.mcp],
    ['peer', row.peer],
  ] as const)
    if (r.errors || r.non2xx) out.push(`${name}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  return out;
}

export function mcpTable(rows: McpRow[]): string {
  return table(
    [
      'app',
      'tool',
      'MCP req/s',
      'MCP p99 ms',
      'SDK alone req/s',
      '× SDK alone',
      'REST read req/s',
      '× REST',
      'REST p99 ms',
      'target',
    ],
    rows.map((r) => [
      r.app,
      r.tool,
      fixed(r.mcp.rps),
      r.mcp.p99,
      fixed(r.peer.rps),
      fixed(r.peerRatio, 2),
      fixed(r.rest.rps),
      fixed(r.restRatio, 2),
      r.rest.p99,
      mcpMisses(r).join('; ') || 'met',
    ]),
  );
}
