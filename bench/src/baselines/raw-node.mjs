// Baseline: a raw node:http server answering each recorded request with the app's own bytes.
// Usage: node raw-node.mjs <responses.json> (PORT from the environment).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const responses = new Map(
  JSON.parse(readFileSync(process.argv[2], 'utf8')).map((r) => [
    `${r.method} ${r.path}`,
    { status: r.status, type: r.contentType, body: Buffer.from(r.body, 'base64') },
  ]),
);

createServer((req, res) => {
  const found = responses.get(`${req.method} ${req.url.split('?')[0]}`);
  req.resume();
  req.on('end', () => {
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(found.status, {
      'Content-Type': found.type,
      'Content-Length': found.body.length,
    });
    res.end(found.body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
