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
  // The data is made in a worker thread, whose heap ends with it: made here, its garbage left
  // this heap's young generation grown from 8 to 16 MiB and 47 more heap pages resident (idle RSS
  // 87 MiB against 68 with a real upstream). It is not made before the plugin can answer (that
  // was a third of offline start-up, issue 7): `prepare`, once the plugin listens, starts it, so
  // the first call need not wait for all of it (from source, under tsx, the worker takes
  // seconds, which a first call could not wait for within the plugin's upstream timeout). A
  // failed making is left to the first request, which tries again.
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
