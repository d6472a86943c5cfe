import { afterAll, describe, expect, it } from 'vitest';
import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { startFakeBalldontlie, type FakeBalldontlie } from '@repo/fake-balldontlie';
import { loadSpec } from '@repo/openapi';
import { createApp } from './app';

let upstream: FakeBalldontlie | undefined;
let mcpUpstream: FakeBalldontlie | undefined;
afterAll(() => Promise.all([upstream?.close(), mcpUpstream?.close()]));

// The contract suite calls every operation with its spec's examples, through the plugin, to the
// fake balldontlie over real HTTP, and checks each answer against the spec's response schema.
describePluginContract('sport-stats', {
  createApp: async () => {
    upstream = await startFakeBalldontlie();
    return createApp({ upstream: { baseUrl: upstream.url } });
  },
});

// The same operations as MCP tools: each accepts what the REST route accepts, refuses what it
// refuses, and names the field.
describeMcpContract('sport-stats', {
  createApp: async () =>
    createApp({ upstream: { baseUrl: (mcpUpstream ??= await startFakeBalldontlie()).url } }),
});

describe("the spec's examples", () => {
  it('find data on the fake, so the contract suite checks real answers', async () => {
    // An empty list would pass the suite's schema checks, so check each example finds something.
    upstream ??= await startFakeBalldontlie();
    const { document } = await loadSpec(new URL('../openapi.yaml', import.meta.url));
    type Parameter = { name: string; $ref?: string; schema: { example: unknown } };
    const shared = document.components!.parameters as Record<string, Parameter>;
    // The example of the `name` parameter of GET `path`, inline or shared (`$ref`).
    const example = (path: string, name: string): string => {
      const { parameters } = document.paths![path]!.get as unknown as { parameters: Parameter[] };
      const resolved = parameters.map((p) => (p.$ref ? shared[p.$ref.split('/').pop()!]! : p));
      const value = resolved.find((p) => p.name === name)!.schema.example;
      return String(Array.isArray(value) ? value[0] : value);
    };
    const dates = (path: string) =>
      `start_date=${example(path, 'start_date')}&end_date=${example(path, 'end_date')}`;
    const found = async (path: string) => {
      const res = await fetch(`${upstream!.url}${path}`);
      return ((await res.json()) as { data: unknown[] }).data.length;
    };
    expect(await found(`/players?search=${example('/players', 'query')}`)).toBeGreaterThan(0);
    const [season, team] = [example('/games', 'seasons'), example('/games', 'team_ids')];
    const games = `/games?seasons[]=${season}&team_ids[]=${team}&${dates('/games')}`;
    expect(await found(games)).toBeGreaterThan(0);
    const [player, game] = [example('/stats', 'player_ids'), example('/stats', 'game_ids')];
    const stats = `/stats?player_ids[]=${player}&game_ids[]=${game}&${dates('/stats')}`;
    expect(await found(stats)).toBe(1);
    const [averaged, of] = [
      example('/season_averages', 'player_ids'),
      example('/season_averages', 'season'),
    ];
    expect(await found(`/season_averages?season=${of}&player_ids[]=${averaged}`)).toBe(1);
  });
});
