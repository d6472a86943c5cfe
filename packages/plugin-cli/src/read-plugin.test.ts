import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BYTES, fetchFile } from './read-plugin';

// One server, two origins: http://127.0.0.1:port and http://localhost:port differ.
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/away')
      return void res.writeHead(302, { Location: `http://localhost:${port}/file` }).end();
    if (req.url === '/near') return void res.writeHead(302, { Location: '/file' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { Location: '/loop' }).end();
    if (req.url === '/file') return void res.end('{"ok":true}');
    if (req.url === '/big') {
      res.writeHead(200); // no Content-Length: the cap must hold while reading
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let sent = 0; sent <= MAX_BYTES; sent += chunk.length) res.write(chunk);
      return void res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
const at = (path: string) => `http://127.0.0.1:${port}${path}`;

describe('fetchFile, as lint reads a plugin', () => {
  it('follows a redirect on the same origin', async () => {
    expect((await fetchFile(at('/near'))).bytes?.toString()).toBe('{"ok":true}');
  });

  it('refuses a redirect to another origin, and says where it pointed', async () => {
    const file = await fetchFile(at('/away'));
    expect(file.bytes).toBeUndefined();
    expect(file.error).toBe(
      `GET ${at('/away')} redirects to http://localhost:${port}/file, another origin: hosts read a plugin on its own origin`,
    );
  });

  it('stops after a few redirects', async () => {
    expect((await fetchFile(at('/loop'))).error).toMatch(/redirected more than 5 times/);
  });

  it(`stops reading a body past ${MAX_BYTES} bytes`, async () => {
    const file = await fetchFile(at('/big'));
    expect(file.bytes).toBeUndefined();
    expect(file.error).toBe(`GET ${at('/big')} answered more than ${MAX_BYTES} bytes`);
  });
});
