import type { SportStatsConfig } from './config';
import { makeOfflineDataset } from './fake-upstream/build-in-worker';
import type { Dataset } from './fake-upstream/dataset-types';
import { startFakeUpstream } from './fake-upstream/server';
import type { UpstreamClientOptions } from './upstream/upstream-client';

export interface ConnectedUpstream {
  /** What `createApp` needs to reach it. */
  options: UpstreamClientOptions;
  /** One line for the start-up log: where the stats come from (never the key). */
  description: string;
  offline: boolean;
  /** Starts making the bundled upstream's data in the background, when there is one. */
  prepare(): void;
  /** Stops the bundled upstream, when one was started. */
  close(): Promise<void>;
}

/**
 * The upstream the configuration names: the real API when `UPSTREAM_URL` is set, otherwise the
 * bundled offline one, started on loopback. Either way the plugin reaches it over HTTP by URL.
 */
export async function connectUpstream(config: SportStatsConfig): Promise<ConnectedUpstream> {
  const { url, apiKey, timeoutMs, cacheTtlMs } = config.upstream;
  const tuning = { timeoutMs, cacheTtlMs };
  if (url) {
    return {
      options: { baseUrl: url, apiKey, ...tuning },
      description: apiKey
        ? `upstream ${url}, API key set`
        : `upstream ${url}, no API key (set UPSTREAM_API_KEY if it needs one)`,
      offline: false,
      prepare: () => undefined,
      close: async () => undefined,
    };
  }
  // The data is not made before the plugin can answer (that was a third of offline start-up,
  // issue 7): `prepare`, called once the plugin listens, starts making it, so a first call
  // rarely waits for all of it; a call that comes before `prepare` makes it itself, once. A
  // failed early making is answered to the first request, and the next one tries again. The
  // built server makes it in a worker thread (`makeOfflineDataset` says why).
  let early: Promise<Dataset> | undefined;
  let asked = false;
  const fake = await startFakeUpstream({
    port: config.fakeUpstreamPort,
    dataset: () => {
      asked = true;
      const data = early ?? makeOfflineDataset();
      early = undefined;
      return data;
    },
  });
  const prepare = () => {
    if (asked || early) return;
    early = makeOfflineDataset();
    early.catch(() => undefined);
  };
  return {
    options: { baseUrl: fake.url, ...tuning },
    description: `offline: the bundled upstream answers at ${fake.url} (set UPSTREAM_URL and UPSTREAM_API_KEY for the real one)`,
    offline: true,
    prepare,
    close: () => fake.close(),
  };
}
