// `pnpm test`: installs the system packages tests need, runs every workspace's tests through
// turbo, then prints one total across all of them (turbo prefixes each runner's own summary).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, dir, entry.name)),
);
const tested = workspaces.filter((dir) => {
  const file = join(dir, 'package.json');
  return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).scripts?.test;
});

const deps = spawnSync('bash', [join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' });
if (deps.status !== 0) process.exit(deps.status ?? 1);

for (const dir of tested) rmSync(join(dir, '.test-results.json'), { force: true });
// Every package's vitest runs at once on a machine that may have two cores, and many tests start
// processes (tsx compiles an app first): vitest's 5 s default fails a slow machine's test that
// is not stuck. A test that hangs still fails, after 30 s (hooks that start servers: 60 s).
const vitestArgs = ['--', '--testTimeout=30000', '--hookTimeout=60000'];
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--continue', ...process.argv.slice(2), ...vitestArgs],
  {
    stdio: 'inherit',
    // In CI the property tests use one fixed seed, so a run there is repeatable; elsewhere each
    // run draws new seeds (FC_SEED=<n> replays one).
    env: {
      ...process.env,
      TURBO_TELEMETRY_DISABLED: '1',
      ...(process.env.CI && !process.env.FC_SEED ? { FC_SEED: '1' } : {}),
    },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of tested) {
  const file = join(dir, '.test-results.json');
  if (!existsSync(file)) {
    // A runner that crashed before reporting counts as a failure, never as silence.
    console.error(`no test results from ${dir.slice(root.length)}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
const summary = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
writeFileSync(join(root, '.test-summary'), summary + '\n');
console.log(summary);
process.exit(turbo.status || (failed > 0 ? 1 : 0));
