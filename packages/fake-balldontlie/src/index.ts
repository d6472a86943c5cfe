export {
  startFakeBalldontlie,
  type FakeBalldontlie,
  type FakeBalldontlieOptions,
  type FakeRequest,
} from './fake-balldontlie';
export { buildDataset, dataset, PLAYERS_PER_TEAM, SEASONS } from './dataset';
export type { Dataset, Game, Player, SeasonAverage, StatLine } from './dataset-types';
export type { Team } from './teams';
