export type { MapAddOptions, MapAddResult, PutOptions, Store } from './store';
export { MAX_KEY_LENGTH } from './validate';
export { MemoryStore, type MemoryStoreOptions } from './memory-store';
// SqliteStore and RedisStore are reached through `openStore`, which loads each only when it is
// chosen. Exporting the classes here would put ioredis on every app's start-up path (bundlers
// give a module imported both statically and dynamically to the static side): todo-noauth idled
// at 84.8 MiB with them exported, 78.0 MiB without. Tests import them from their files.
export type { SqliteStoreOptions } from './sqlite-store';
export type { RedisStoreOptions } from './redis-connect';
export { redisClientOf } from './redis-client';
export {
  describeStore,
  openStore,
  readStoreConfig,
  SQLITE_FILE,
  type StoreConfig,
} from './open-store';
