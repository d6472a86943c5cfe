import { afterAll, describe, expect, it } from 'vitest';
import { describePluginContract } from '@repo/contract-testing';
import { startFakeBalldontlie, type FakeBalldontlie } from '@repo/fake-balldontlie';
import { loadSpec } from '@repo/openapi';
import { createApp } from './app';

let upstream: FakeBalldontlie | undefined;
afterAll(() => upstream?.close());

// The contract suite calls every operation with its spec's examples, through the plugin, to the
// fake balldontlie over real HTTP, and checks each answer against the spec's response schema.
describePluginContract('sport-stats', {
  createApp: async () => {
    upstream = await startFakeBalldontlie();
    return createApp({ upstream: { baseUrl: upstream.url } });
  },
});

describe("the spec's examples", () => {
  it('find data on the fake, so the contract suite checks real answers', async () => {
    // An empty list would pass the suite's schema checks, so check each example finds something.
    upstream ??= await startFakeBalldontlie();
    const { document } = await loadSpec(new URL('../openapi.yaml', import.meta.url));
    const parameters = document.components!.parameters as Record<
      string,
      { schema: { example: unknown } }
    >;
    const example = (name: string) => parameters[name]!.schema.example;
    const [player] = example('player_ids') as number[];
    const dates = `start_date=${String(example('start_date'))}&end_date=${String(example('end_date'))}`;
    const found = async (path: string) => {
      const res = await fetch(`${upstream!.url}${path}`);
      return ((await res.json()) as { data: unknown[] }).data.length;
    };
    expect(await found('/players?search=davis')).toBeGreaterThan(0);
    expect(await found(`/games?seasons[]=2024&team_ids[]=14&${dates}`)).toBeGreaterThan(0);
    expect(await found(`/stats?player_ids[]=${player}&game_ids[]=1752&${dates}`)).toBe(1);
    expect(await found(`/season_averages?season=2024&player_ids[]=${player}`)).toBe(1);
  });
});
