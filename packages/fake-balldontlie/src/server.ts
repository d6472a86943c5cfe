import { readPort } from '@repo/http';
import { startFakeBalldontlie } from './fake-balldontlie';

// `pnpm dev` starts this beside the apps: sport-stats' default upstream, http://127.0.0.1:5090/v1.
// It listens on 127.0.0.1 only: a development fake has no business on the network.
let port: number;
try {
  port = readPort(process.env, 'PORT', 5090);
} catch (err) {
  console.error(`fake-balldontlie: ${(err as Error).message}`);
  process.exit(1);
}
const fake = await startFakeBalldontlie({ port });
console.log(`fake-balldontlie listening on ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
