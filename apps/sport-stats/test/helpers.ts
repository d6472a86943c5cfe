import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import {
  startFakeBalldontlie,
  type FakeBalldontlie,
  type FakeBalldontlieOptions,
} from '@repo/fake-balldontlie';
import { afterEach, expect } from 'vitest';
import request from 'supertest';
import { createApp } from '../src/app';
import { checkListBody } from '../src/stats-handlers';
import { UpstreamClient, type UpstreamClientOptions } from '../src/upstream/upstream-client';

// Every server a helper starts is closed after the test that started it.
const open = new Set<{ close(): Promise<void> }>();
afterEach(async () => {
  const servers = [...open];
  open.clear();
  await Promise.all(servers.map((server) => server.close()));
});

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The fake balldontlie on a free loopback port, for one test. */
export async function fakeUpstream(options: FakeBalldontlieOptions = {}): Promise<FakeBalldontlie> {
  const fake = await startFakeBalldontlie(options);
  open.add(fake);
  return fake;
}

/** A stand-in upstream whose every answer the test writes; it counts and keeps what it got. */
export interface ScriptedUpstream {
  url: string;
  hits: number;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function scriptedUpstream(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<ScriptedUpstream> {
  const server: Server = createServer((req, res) => {
    upstream.hits += 1;
    upstream.requests.push(req);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const upstream: ScriptedUpstream = {
    url: `http://127.0.0.1:${port}/v1`,
    hits: 0,
    requests: [],
    close: () => closeServer(server),
  };
  open.add(upstream);
  return upstream;
}

/** Checks that `res` is the plugin's JSON error for an upstream failure. */
export function expectUpstreamError(
  res: { status: number; body: unknown; type: string },
  status: number,
  error: string,
): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  expect(res.body).toMatchObject({ error, message: expect.stringMatching(/^The stats service /) });
}

/** An answer in the upstream's shape. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A loopback URL on which nothing listens: a port that was free a moment ago, now closed. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2025, 0, 15)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface TestApp {
  app: Koa;
  client: UpstreamClient;
  logs: string[];
  get(path: string): request.Test;
}

/**
 * The plugin wired to an upstream, its failure log kept in `logs` instead of printed. It listens
 * once, on a loopback port, for the test (supertest would otherwise open a server per request).
 */
export async function testApp(options: UpstreamClientOptions): Promise<TestApp> {
  const logs: string[] = [];
  const client = new UpstreamClient({ checkBody: checkListBody, ...options });
  const app = await createApp({ upstream: client, log: (line) => logs.push(line) });
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.add({ close: () => closeServer(server) });
  return { app, client, logs, get: (path) => request(server).get(path) };
}

/** Resolves once `condition` holds, checking every few milliseconds; fails after `ms`. */
export async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * An upstream that holds every answer until the test calls `release()`, so that concurrent
 * calls can be lined up first without racing a timer.
 */
export async function gatedUpstream(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<ScriptedUpstream & { release(): void }> {
  const held: (() => void)[] = [];
  let open = false;
  const upstream = await scriptedUpstream((req, res) => {
    if (open) answer(req, res);
    else held.push(() => answer(req, res));
  });
  return Object.assign(upstream, {
    release() {
      open = true;
      for (const send of held.splice(0)) send();
    },
  });
}
