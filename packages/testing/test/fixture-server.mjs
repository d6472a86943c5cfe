// A server for start-server.test.ts. FIXTURE is how it behaves: `listen` (the default) answers
// every request with GREETING; `env` answers with the environment variables the test looks at;
// `exit` prints a line and exits 3; `silent` never listens;
// `stubborn` listens but ignores SIGTERM.
import { createServer } from 'node:http';

const mode = process.env.FIXTURE ?? 'listen';
if (mode === 'exit') {
  console.error('fixture: no config');
  process.exit(3);
}
if (mode === 'silent') setInterval(() => {}, 1000);
else {
  const { PORT, GREETING, REDIS_URL, DATA_DIR } = process.env;
  const answer =
    mode === 'env' ? JSON.stringify({ PORT, GREETING, REDIS_URL, DATA_DIR }) : GREETING;
  const server = createServer((_, res) => res.end(answer ?? ''));
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    console.log('fixture: ready');
    console.log(`fixture listening on http://localhost:${server.address().port}`);
  });
  process.on('SIGTERM', () => {
    if (mode === 'stubborn') return console.log('fixture: ignoring SIGTERM');
    console.log('fixture: closing');
    server.close(() => process.exit(0));
  });
}
