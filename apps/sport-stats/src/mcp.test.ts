import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specTools } from '@repo/mcp';
import {
  CLIENTS,
  EXPECTED_REVISION,
  connect,
  expectScriptAgrees,
  listen,
  postToolsList,
  type Step,
  type TestClient,
} from '@repo/mcp/testing';
import { loadSpec } from '@repo/openapi';
import { createApp } from './app';

const tools = specTools(await loadSpec(new URL('../openapi.yaml', import.meta.url)));

// A tiny balldontlie: one answer per list, valid against the spec's schemas. A player search for
// `boom` answers 500 (the plugin's 502), for `slow` too late (the plugin's 504).
const team = {
  id: 14,
  abbreviation: 'LAL',
  city: 'Los Angeles',
  name: 'Lakers',
  full_name: 'Los Angeles Lakers',
};
const game = {
  id: 1752,
  date: '2025-01-02',
  season: 2024,
  home_team_score: 110,
  visitor_team_score: 99,
};
const player = { id: 198, first_name: 'Anthony', last_name: 'Davis', position: null };
const lists: Record<string, unknown[]> = {
  '/v1/players': [{ ...player, team }],
  '/v1/teams': [team],
  '/v1/games': [{ ...game, home_team: team, visitor_team: team }],
  '/v1/stats': [{ id: 1, pts: 31, player, team, game }],
  '/v1/season_averages': [{ player_id: 198, season: 2024, games_played: 60, pts: 24.7 }],
};
function fakeUpstream(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    const search = url.searchParams.get('search');
    if (search === 'boom') return void res.writeHead(500).end();
    if (search === 'slow') return void setTimeout(() => res.end('{}'), 1_000);
    const data = lists[url.pathname];
    if (!data) return void res.writeHead(404).end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data, meta: { per_page: 25 } }));
  });
}

const script: Step[] = [
  ['getPlayers', { query: 'davis' }],
  ['getTeams', {}],
  ['getGames', { seasons: [2024], team_ids: [14], limit: 5 }],
  ['getStats', { player_ids: [198], start_date: '2025-01-01', end_date: '2025-01-31' }],
  ['getSeasonAverages', { season: 2024, player_ids: [198] }],
  ['getSeasonAverages', { season: 2024 }],
  ['getGames', { seasons: [1900] }],
  ['getStats', { start_date: '2025-02-01', end_date: '2025-01-01' }],
  ['getPlayers', { query: 'boom' }],
  ['getPlayers', { query: 'slow' }],
];

describe.each(CLIENTS)('sport-stats over MCP with the %s client', (kind) => {
  let upstream: Server;
  let mcpSide: Awaited<ReturnType<typeof listen>>;
  let restSide: Awaited<ReturnType<typeof listen>>;
  let client: TestClient;
  beforeAll(async () => {
    upstream = fakeUpstream();
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
    const app = () =>
      createApp({ upstream: { baseUrl, timeoutMs: 300, cacheTtlMs: 0 }, log: () => {} });
    mcpSide = await listen(await app());
    restSide = await listen(await app());
    client = await connect(kind, `${mcpSide.url}/mcp`);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([mcpSide.close(), restSide.close()]);
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('negotiates its revision and lists open-world, read-only tools', async () => {
    expect(client.protocolVersion).toBe(EXPECTED_REVISION[kind]);
    const listed = (await client.listTools()).tools;
    expect(listed.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    for (const tool of listed) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
    }
  });

  it('answers every tool as the REST API answers the same request', async () => {
    await expectScriptAgrees(client, restSide.url, tools, script);
  }, 30_000);

  it.each([
    ['boom', '502 Bad Gateway'],
    ['slow', '504 Gateway Timeout'],
  ])('says an upstream failure (%s) in words, as a tool error', async (query, words) => {
    const result = await client.callTool({ name: 'getPlayers', arguments: { query } });
    expect(result).toMatchObject({ isError: true });
    expect(JSON.stringify(result)).toContain(words);
  });

  it('refuses an origin outside the CORS allow-list with a 403', async () => {
    const res = await postToolsList(`${mcpSide.url}/mcp`, { origin: 'https://attacker.example' });
    expect(res.status).toBe(403);
  });
});
