// A server from TypeScript source, which only tsx runs: for start-server.test.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const greeting: string = 'source';
const server = createServer((_, res) => res.end(greeting));
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`fixture listening on http://localhost:${(server.address() as AddressInfo).port}`);
});
