import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchApp } from './apps';
import { load, record, type LoadCase, type LoadResult } from './load';
import { median, medianRun } from './median';
import { rssMiB, start, stop, type Running } from './processes';
import type { AppRow, CaseRow, Round } from './report';

const BASELINES = new URL('./baselines/', import.meta.url).pathname;

export interface Settings {
  root: string;
  /** Rounds per case; each round measures the app and both baselines, one after another. */
  rounds: number;
  /** One server's run in a round. */
  seconds: number;
  /** One warm-up per server and case, before the rounds; 0 skips it. */
  warmupSeconds: number;
  /** Cold starts of the app and of bare Koa, each. */
  startSamples: number;
}

async function coldStart(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<number> {
  const running = await start(args, env, readyPath);
  await stop(running);
  return running.startMs;
}

/**
 * Cold starts of the app and of bare Koa in turn (app, Koa, app, Koa, …), so each pair saw the
 * machine at about the same moment; the ratio is the median of the pairs' ratios.
 */
async function coldStarts(
  appArgs: string[],
  env: Record<string, string>,
  koaArgs: string[],
  readyPath: string,
  samples: number,
): Promise<Pick<AppRow, 'startMs' | 'koaStartMs' | 'startRatio'>> {
  const pairs: { app: number; koa: number }[] = [];
  for (let i = 0; i < samples; i++) {
    const app = await coldStart(appArgs, env, readyPath);
    pairs.push({ app, koa: await coldStart(koaArgs, {}, readyPath) });
  }
  return {
    startMs: median(pairs.map((p) => p.app)),
    koaStartMs: median(pairs.map((p) => p.koa)),
    startRatio: median(pairs.map((p) => p.app / p.koa)),
  };
}

/**
 * `s.rounds` rounds of `c` on every server after a warm-up of each: the servers run one after
 * another in an order that rotates (A, B, C; B, C, A; …), so none always goes first. This
 * machine's speed drifts within a run, so ratios are taken within a round, then the median.
 * Answers one list per round, in the order of `urls`.
 */
export async function interleavedRounds(
  urls: string[],
  c: LoadCase,
  s: Settings,
): Promise<LoadResult[][]> {
  if (s.warmupSeconds) for (const url of urls) await load(url, c, s.warmupSeconds);
  const rounds: LoadResult[][] = [];
  for (let r = 0; r < s.rounds; r++) {
    const round: LoadResult[] = [];
    for (let i = 0; i < urls.length; i++) {
      const k = (r + i) % urls.length;
      round[k] = await load(urls[k]!, c, s.seconds);
    }
    rounds.push(round);
  }
  return rounds;
}

/** One case on the app and both baselines, in interleaved rounds. */
async function measureCase(
  urls: Record<keyof Round, string>,
  c: LoadCase,
  s: Settings,
): Promise<Omit<CaseRow, 'app' | 'name' | 'kind'>> {
  const runs = await interleavedRounds([urls.app_, urls.koa, urls.raw], c, s);
  const rounds: Round[] = runs.map(([app_, koa, raw]) => ({ app_: app_!, koa: koa!, raw: raw! }));
  return {
    app_: medianRun(rounds.map((r) => r.app_)),
    koa: medianRun(rounds.map((r) => r.koa)),
    raw: medianRun(rounds.map((r) => r.raw)),
    koaRatio: median(rounds.map((r) => r.app_.rps / r.koa.rps)),
    rawRatio: median(rounds.map((r) => r.app_.rps / r.raw.rps)),
    rounds,
  };
}

/**
 * Runs one app as shipped (its built server) beside a bare Koa and a raw node:http baseline that
 * answer its cases with the app's own recorded bytes, and measures each case on all three.
 */
export async function measureApp(
  app: BenchApp,
  s: Settings,
): Promise<{ cases: CaseRow[]; app: AppRow }> {
  const entry = join(s.root, app.entry);
  const upstream = await app.upstream?.(s.root);
  const env = { ...app.env, ...upstream?.env };
  const ready = '/.well-known/ai-plugin.json';
  const servers: Running[] = upstream ? [upstream.running] : [];
  try {
    const running = await start([entry], env, ready);
    servers.push(running);
    await app.seed?.(running.url);
    // The baselines also answer the manifest: it is how they are seen to be up.
    const loads = [...app.cases.map((c) => c.load), { method: 'GET' as const, path: ready }];
    const recorded = await Promise.all(loads.map((load) => record(running.url, load)));
    await new Promise((r) => setTimeout(r, 300));
    const idleRssMiB = rssMiB(running.child);
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'responses.json');
    writeFileSync(file, JSON.stringify(recorded));
    const koaArgs = [join(BASELINES, 'bare-koa.mjs'), file];
    // Bare Koa needs the recorded bytes, so the starts run while the measured app idles.
    const starts = await coldStarts([entry], env, koaArgs, ready, s.startSamples);
    const koa = await start(koaArgs, {}, ready);
    const raw = await start([join(BASELINES, 'raw-node.mjs'), file], {}, ready);
    servers.push(koa, raw);
    const urls = { app_: running.url, koa: koa.url, raw: raw.url };
    const cases: CaseRow[] = [];
    for (const c of app.cases) {
      const row = {
        app: app.name,
        name: c.name,
        kind: c.kind,
        ...(await measureCase(urls, c.load, s)),
      };
      cases.push(row);
      console.log(
        `  ${app.name} · ${c.name}: ${row.app_.rps.toFixed(0)} req/s, ${row.koaRatio.toFixed(2)}× bare Koa (bare Koa ${row.koa.rps.toFixed(0)}, raw ${row.raw.rps.toFixed(0)})`,
      );
    }
    return { cases, app: { app: app.name, ...starts, idleRssMiB } };
  } finally {
    await Promise.all(servers.map(stop));
  }
}
