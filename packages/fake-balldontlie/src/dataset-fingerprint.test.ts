import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from './dataset';
import type { Dataset } from './dataset-types';
import { startFakeBalldontlie, type FakeBalldontlie } from './fake-balldontlie';

// The fake's data must not change by accident: sport-stats' spec examples, its README and whoever
// wrote down an id rely on it. Any change to an id, a number or the order of a key changes these
// digests.
const DATA_DIGEST = '4014135f9c02dedf9b0de9a478a173d90d5f319880660208a9a44047e8518965';
const ANSWERS_DIGEST = 'a89e058ff287d1874b8a9b6a7ed75d3307669549d0b7d6d7a3a3c953530945a3';

const sha256 = (parts: Iterable<string>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\n');
  return hash.digest('hex');
};

/** Every team, player, game and box-score line, as the upstream would answer them. */
function* everything(data: Dataset): Generator<string> {
  yield JSON.stringify([data.currentSeason, data.teams, data.players, data.games]);
  for (const line of data.stats) yield JSON.stringify(line);
}

// One path per list the plugin relays, each with the filters it sends, and single items.
const PATHS = [
  '/teams',
  '/players?search=a&per_page=100',
  '/players?search=davis&per_page=100',
  '/games?per_page=100&seasons[]=2024&team_ids[]=14&start_date=2025-01-01&end_date=2025-03-31',
  '/stats?per_page=100&player_ids[]=198&game_ids[]=1752',
  '/stats?per_page=100&player_ids[]=1&player_ids[]=450&seasons[]=2023&cursor=20000',
  '/season_averages?season=2023&player_ids[]=1&player_ids[]=198&player_ids[]=450',
  '/season_averages?player_ids[]=17',
  '/stats/60303',
  '/games/1752',
  '/games?per_page=100&cursor=2400',
  '/players/450',
];

describe("the fake's dataset", () => {
  it('is, number for number, the one the tests and docs were written against', () => {
    expect(sha256(everything(buildDataset()))).toBe(DATA_DIGEST);
  });

  describe('over HTTP', () => {
    let upstream: FakeBalldontlie;
    beforeAll(async () => {
      upstream = await startFakeBalldontlie();
    });
    afterAll(() => upstream.close());

    it('answers each list exactly as before', async () => {
      const bodies: string[] = [];
      for (const path of PATHS) bodies.push(await (await fetch(`${upstream.url}${path}`)).text());
      expect(sha256(bodies)).toBe(ANSWERS_DIGEST);
    });
  });
});
