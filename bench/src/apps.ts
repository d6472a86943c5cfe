import { MAX_TODOS } from '@repo/todos';
import type { LoadCase } from './load';
import { spawnFakeUpstream, type Running } from './processes';

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
  /** Starts a server the app needs (its upstream) before it; the app gets `env` besides its own. */
  upstream?(root: string): Promise<{ running: Running; env: Record<string, string> }>;
  /** Puts data in through the API before anything is measured. */
  seed?(url: string): Promise<void>;
  cases: BenchCase[];
}

/** POSTs `count` JSON bodies, 16 at a time. */
export async function post(
  url: string,
  count: number,
  body: (i: number) => unknown,
  headers: Record<string, string> = {},
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
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

/** A word of letters only, different for every `i`: a, b, …, z, ba, bb, … */
function letters(i: number): string {
  let word = '';
  do {
    word = String.fromCharCode(97 + (i % 26)) + word;
    i = Math.floor(i / 26);
  } while (i > 0);
  return word;
}

/** A list holds 50 todos (`MAX_TODOS`), then a 409 answers: each 50 adds go to a new list. */
const writerList = (i: number) => `/todos/writer-${Math.floor(i / MAX_TODOS)}`;

const SERVICE_TOKEN = 'bench-service-token-0123456789abcdef0123';
const bearer = { authorization: `Bearer ${SERVICE_TOKEN}` };
const WORDS = [
  'apple',
  'river',
  'bright',
  'quiet',
  'harbor',
  'lantern',
  'meadow',
  'orbit',
  'velvet',
  'willow',
];

export const APPS: BenchApp[] = [
  {
    // Offline: its upstream is the fake balldontlie, in a process of its own.
    name: 'sport-stats (offline)',
    entry: 'apps/sport-stats/dist/server.js',
    upstream: spawnFakeUpstream,
    cases: [
      // The recording call fills the cache; the load then reads from it (TTL 60 s by default).
      { name: 'teams, from cache', kind: 'cached', load: { method: 'GET', path: '/teams' } },
      ...pluginFiles(),
    ],
  },
  {
    name: 'sport-stats (offline, cache off)',
    entry: 'apps/sport-stats/dist/server.js',
    upstream: spawnFakeUpstream,
    env: { UPSTREAM_CACHE_TTL_MS: '0' },
    cases: [
      {
        name: 'players, upstream every time',
        kind: 'upstream',
        load: { method: 'GET', path: '/players?query=a' },
      },
    ],
  },
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
        load: {
          method: 'POST',
          path: '/todos/writer',
          body: { todo: 'Buy milk' },
          vary: (i) => ({ path: writerList(i) }),
        },
      },
      ...pluginFiles(),
    ],
  },
  {
    name: 'todo-service',
    entry: 'apps/todo-service/dist/server.js',
    env: { SERVICE_TOKEN, OPENAI_VERIFICATION_TOKEN: 'bench-verification-token' },
    seed: (url) => post(`${url}/todos/reader`, 10, (i) => ({ todo: `Todo number ${i}` }), bearer),
    cases: [
      {
        name: 'todo read (10 items)',
        kind: 'read',
        load: { method: 'GET', path: '/todos/reader', headers: bearer },
      },
      {
        name: 'todo add',
        kind: 'write',
        load: {
          method: 'POST',
          path: '/todos/writer',
          body: { todo: 'Buy milk' },
          headers: bearer,
          vary: (i) => ({ path: writerList(i) }),
        },
      },
      ...pluginFiles(),
    ],
  },
  {
    // Its API needs a signed-in user; the plugin files are what hosts read at full rate.
    name: 'todo-oauth',
    entry: 'apps/todo-oauth/dist/server.js',
    env: { NODE_ENV: 'development' },
    cases: pluginFiles(),
  },
  {
    name: 'wordbook',
    entry: 'apps/wordbook/dist/server.js',
    seed: (url) => post(`${url}/add_word`, WORDS.length, (i) => ({ word: WORDS[i] })),
    cases: [
      {
        name: 'wordbook read (10 words)',
        kind: 'read',
        load: { method: 'GET', path: '/get_wordbook' },
      },
      {
        name: 'word add',
        kind: 'write',
        // A new word every time (a repeated one is answered without a write), 1,000 to a book:
        // a book holds 1,000 (`MAX_WORDS`), then a 409 would answer.
        load: {
          method: 'POST',
          path: '/add_word',
          body: { word: 'apple' },
          vary: (i) => ({
            body: { word: letters(i) },
            headers: { 'x-wordbook-user': `bench-${Math.floor(i / 1000)}` },
          }),
        },
      },
      ...pluginFiles('/.well-known/openapi.yaml'),
    ],
  },
];

/** How the todo read grows with the list: sizes of the list to measure, up to its cap. */
export const GROWTH_SIZES = [10, 25, MAX_TODOS];
