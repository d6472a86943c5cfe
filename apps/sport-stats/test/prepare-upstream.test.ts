import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config';
import { connectUpstream, type ConnectedUpstream } from '../src/connect-upstream';
import { makeOfflineDataset } from '../src/fake-upstream/build-in-worker';

// What is counted is how often the data is made.
vi.mock('../src/fake-upstream/build-in-worker', async () => {
  const { dataset } = await import('../src/fake-upstream/dataset');
  return { makeOfflineDataset: vi.fn(async () => dataset()) };
});
const build = vi.mocked(makeOfflineDataset);

let upstream: ConnectedUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  build.mockClear();
});
const teams = async () => (await fetch(`${upstream!.options.baseUrl}/teams`)).status;

describe("the offline upstream's data", () => {
  it('is not made before the plugin listens, then made once by prepare for every request', async () => {
    upstream = await connectUpstream(loadConfig({}));
    expect(build).not.toHaveBeenCalled();
    upstream.prepare();
    upstream.prepare();
    expect(build).toHaveBeenCalledTimes(1);
    expect(await teams()).toBe(200);
    expect(await teams()).toBe(200);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('is made once when a request comes before prepare', async () => {
    upstream = await connectUpstream(loadConfig({}));
    expect(await teams()).toBe(200);
    upstream.prepare();
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('is made again by the next request when the early making failed', async () => {
    build.mockRejectedValueOnce(new Error('the worker died'));
    upstream = await connectUpstream(loadConfig({}));
    upstream.prepare();
    expect(await teams()).toBe(500); // the bundled upstream says it could not make its data
    expect(await teams()).toBe(200);
    expect(build).toHaveBeenCalledTimes(2);
  });
});
