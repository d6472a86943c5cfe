export type { MapAddOptions, MapAddResult, PutOptions, Store } from './store';
export { MAX_KEY_LENGTH } from './validate';
export { MemoryStore, type MemoryStoreOptions } from './memory-store';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { RedisStore } from './redis-store';
export type { RedisStoreOptions } from './redis-connect';
export {
  describeStore,
  openStore,
  readStoreConfig,
  SQLITE_FILE,
  type StoreConfig,
} from './open-store';
