import type { LoadCase } from './load';

/** What a case is held to: a main read, a write, a plugin file, a cached proxy read. */
export type Kind = 'read' | 'write' | 'plugin-file' | 'cached' | 'upstream';

export interface BenchCase {
  name: string;
  kind: Kind;
  load: LoadCase;
}

export interface BenchApp {
  name: string;
  /** The app's built server, relative to the repo root. */
  entry: string;
  env?: Record<string, string>;
  /** Puts data in through the API before anything is measured. */
  seed?(url: string): Promise<void>;
  cases: BenchCase[];
}

/** POSTs `count` JSON bodies, 16 at a time. */
export async function post(
  url: string,
  count: number,
  body: (i: number) => unknown,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(i)),
      });
      if (!res.ok) throw new Error(`seeding ${url} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const pluginFiles = (specPath = '/openapi.yaml'): BenchCase[] => [
  {
    name: 'manifest',
    kind: 'plugin-file',
    load: { method: 'GET', path: '/.well-known/ai-plugin.json' },
  },
  { name: 'spec', kind: 'plugin-file', load: { method: 'GET', path: specPath } },
];

export const APPS: BenchApp[] = [
  {
    name: 'todo-noauth',
    entry: 'apps/todo-noauth/dist/server.js',
    seed: (url) => post(`${url}/todos/reader`, 10, (i) => ({ todo: `Todo number ${i}` })),
    cases: [
      {
        name: 'todo read (10 items)',
        kind: 'read',
        load: { method: 'GET', path: '/todos/reader' },
      },
      {
        name: 'todo add',
        kind: 'write',
        load: { method: 'POST', path: '/todos/writer', body: { todo: 'Buy milk' } },
      },
      ...pluginFiles(),
    ],
  },
];

/** How the todo read grows with the list, and the add with it: sizes of the list to measure. */
export const GROWTH_SIZES = [10, 1_000, 10_000];
