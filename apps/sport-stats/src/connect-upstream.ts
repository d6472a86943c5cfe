import type { SportStatsConfig } from './config';
import { buildDatasetInWorker } from './fake-upstream/build-in-worker';
import { startFakeUpstream } from './fake-upstream/server';
import type { UpstreamClientOptions } from './upstream/upstream-client';

export interface ConnectedUpstream {
  /** What `createApp` needs to reach it. */
  options: UpstreamClientOptions;
  /** One line for the start-up log: where the stats come from (never the key). */
  description: string;
  offline: boolean;
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
      close: async () => undefined,
    };
  }
  // The data is made on the first call, not before the plugin can answer: it stands in for a
  // service that is already running, and making it was a third of offline start-up (issue 7).
  // It is made in a worker thread, whose heap ends with it: made here, its garbage left this
  // heap's young generation grown from 8 to 16 MiB and 47 more heap pages resident (idle RSS
  // 87 MiB against 68 with a real upstream).
  const fake = await startFakeUpstream({
    port: config.fakeUpstreamPort,
    dataset: buildDatasetInWorker,
  });
  return {
    options: { baseUrl: fake.url, ...tuning },
    description: `offline: the bundled upstream answers at ${fake.url} (set UPSTREAM_URL and UPSTREAM_API_KEY for the real one)`,
    offline: true,
    close: () => fake.close(),
  };
}
