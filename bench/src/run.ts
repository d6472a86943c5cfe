// `pnpm bench [--quick] [--only <app>] [--json <file>]`: builds the apps, then measures each as
// shipped against a bare Koa and a raw node:http baseline, all on loopback, bounded in time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { APPS, GROWTH_SIZES } from './apps';
import { coalescingMisses, measureCoalescing } from './coalescing';
import { measureGrowth } from './growth';
import { measureStackShape } from './stack-shape';
import { measureApp, type Settings } from './measure-app';
import { mcpMisses, mcpTable, type McpRow } from './measure-mcp';
import { appMisses, appTable, caseTable, misses, type AppRow, type CaseRow } from './report';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const root = new URL('../..', import.meta.url).pathname;
const settings: Settings = values.quick
  ? { root, rounds: 1, seconds: 1, warmupSeconds: 0, startSamples: 1 }
  : { root, rounds: 3, seconds: 2, warmupSeconds: 1, startSamples: 5 };
// `--only sport-stats` runs both of its configurations.
const only = (name: string) =>
  !values.only || name === values.only || name.startsWith(`${values.only} (`);
const apps = APPS.filter((app) => only(app.name));

if (!values['no-build']) {
  const filters = [...new Set(apps.map((app) => app.entry.split('/')[1]!))].flatMap((name) => [
    '--filter',
    name,
  ]);
  const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', ...filters], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(
  `bench on ${machine}, ${plural(settings.rounds, 'round')} × ${settings.seconds} s per case and server` +
    (settings.warmupSeconds ? ` after ${settings.warmupSeconds} s warm-up` : '') +
    `, ${plural(settings.startSamples, 'cold start')} each, 32 connections`,
);
const caseRows: CaseRow[] = [];
const appRows: AppRow[] = [];
const mcpRows: McpRow[] = [];
const mcpErrors: string[] = [];
for (const app of apps) {
  const result = await measureApp(app, settings);
  caseRows.push(...result.cases);
  appRows.push(result.app);
  if (result.mcp) mcpRows.push(result.mcp);
  if (result.mcpError) mcpErrors.push(`${app.name}: ${result.mcpError}`);
}
const growth = only('todo-noauth') ? await measureGrowth(GROWTH_SIZES, settings) : undefined;
const coalescing = only('sport-stats') ? await measureCoalescing(settings) : undefined;
const shape = only('todo-noauth') ? await measureStackShape(settings) : undefined;

const shapeKoaRatio = shape?.rows[1]?.koaRatio;
console.log(`\n## Throughput and latency\n\n${caseTable(caseRows, shapeKoaRatio)}`);
if (mcpRows.length) console.log(`\n## The main read as an MCP tools/call\n\n${mcpTable(mcpRows)}`);
console.log(`\n## Cold start and memory\n\n${appTable(appRows)}`);
if (growth) console.log(`\n## How the todo list's cost grows\n\n${growth.markdown}`);
if (coalescing) {
  console.log(`\n## 8 identical requests over a 500 ms upstream\n\n${coalescing.markdown}`);
}
if (shape) console.log(`\n## What the stack's shape costs, with no work\n\n${shape.markdown}`);
const missed = [
  ...caseRows.flatMap((r) => misses(r, shapeKoaRatio).map((m) => `${r.app} · ${r.name}: ${m}`)),
  ...mcpRows.flatMap((r) => mcpMisses(r).map((m) => `${r.app} · MCP ${r.tool}: ${m}`)),
  ...mcpErrors,
  ...appRows.flatMap((r) => appMisses(r).map((m) => `${r.app}: ${m}`)),
  ...(coalescing
    ? coalescingMisses(coalescing.rows[0]!).map((m) => `sport-stats · coalescing: ${m}`)
    : []),
];
console.log(
  missed.length
    ? `\nmissed targets:\n${missed.map((m) => `- ${m}`).join('\n')}`
    : '\nevery target met',
);

const out = values.json ?? join(root, '.bench-results/bench.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      machine,
      settings,
      cases: caseRows,
      mcp: mcpRows,
      apps: appRows,
      growth: growth?.rows,
      coalescing: coalescing && { rows: coalescing.rows, appRssMiB: coalescing.appRssMiB },
      stackShape: shape?.rows,
      missed,
    },
    null,
    2,
  ),
);
console.log(`results written to ${out}`);
