import { afterEach, describe, expect, it } from 'vitest';
import { dataset } from '../src/fake-upstream/dataset';
import type { Dataset } from '../src/fake-upstream/dataset-types';
import { startFakeUpstream, type FakeUpstream } from '../src/fake-upstream/server';
import { until } from './helpers';

// The offline server makes its data on the first request, in a worker thread, so asynchronously:
// what requests see while that is under way, and when it fails.

let upstream: FakeUpstream | undefined;
afterEach(() => upstream?.close());

const status = async (path: string) => (await fetch(`${upstream!.url}${path}`)).status;

describe('an offline upstream whose data is made on demand', () => {
  it('makes it once for all the requests that arrive while it is being made', async () => {
    let calls = 0;
    let finish!: (data: Dataset) => void;
    upstream = await startFakeUpstream({
      dataset: () => {
        calls += 1;
        return new Promise<Dataset>((resolve) => (finish = resolve));
      },
    });
    const answers = Promise.all(['/teams', '/players/198', '/games?per_page=1'].map(status));
    // All three are in (a request asks for the data as it arrives) before the data is ready.
    await until(() => upstream!.hits === 3);
    expect(calls).toBe(1);
    finish(dataset());
    expect(await answers).toEqual([200, 200, 200]);
    expect(await status('/teams/14')).toBe(200);
    expect(calls).toBe(1);
  });

  it('answers 500 while making it fails, and tries again on the next request', async () => {
    let calls = 0;
    upstream = await startFakeUpstream({
      dataset: async () => {
        calls += 1;
        if (calls === 1) throw new Error('the worker died');
        return dataset();
      },
    });
    expect(await status('/teams')).toBe(500);
    expect(await status('/teams')).toBe(200);
    expect(calls).toBe(2);
  });

  it('still answers a bad path 404 without making the data', async () => {
    let calls = 0;
    upstream = await startFakeUpstream({ dataset: () => (calls++, dataset()) });
    expect(await status('/nothing')).toBe(404);
    expect(calls).toBe(0);
  });
});
