import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { createApp as sportStats } from 'sport-stats/src/app';
import { createApp as todoNoauth } from 'todo-noauth/src/app';
import { createApp as todoOauth } from 'todo-oauth/src/app';
import { createApp as todoService } from 'todo-service/src/app';
import { createApp as wordbook } from 'wordbook/src/app';
import type { KnownPlugin } from '../src/known-plugins';

export const SERVICE_TOKEN = 'console-test-service-token';
export const OAUTH_CLIENT = { id: 'console-test-client', secret: 'console-test-secret-0123456789' };

async function listen(app: Koa, servers: Server[], port = 0): Promise<string> {
  const server = createServer(app.callback());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A free loopback port, for an OAuth callback registered before the flow listens on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The five apps built in this process, each on a loopback port, listed as the console lists
 * them (sport-stats' upstream is unreachable: the console only reads its files).
 */
export async function startFiveApps(): Promise<{ plugins: KnownPlugin[]; servers: Server[] }> {
  const servers: Server[] = [];
  const redirectUri = `http://127.0.0.1:${await freePort()}/oauth/callback`;
  const oauth = await todoOauth({
    client: { ...OAUTH_CLIENT, redirectUris: [redirectUri] },
    users: new Map([['alice', 'alice-password']]),
    verificationToken: 'console-test-verification',
  });
  const service = await todoService({
    serviceToken: SERVICE_TOKEN,
    verificationToken: 'console-test-verification',
  });
  const sport = await sportStats({ upstream: { baseUrl: 'http://127.0.0.1:9/v1' } });
  return {
    servers,
    plugins: [
      { name: 'sport-stats', url: await listen(sport, servers) },
      { name: 'todo-noauth', url: await listen(await todoNoauth(), servers) },
      { name: 'todo-service', url: await listen(service, servers), tokenHint: 'SERVICE_TOKEN' },
      {
        name: 'todo-oauth',
        url: await listen(oauth, servers),
        oauth: { clientId: OAUTH_CLIENT.id, clientSecret: OAUTH_CLIENT.secret, redirectUri },
      },
      { name: 'wordbook', url: await listen(await wordbook(), servers) },
    ],
  };
}
