import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchApp } from './apps';
import { load, record, type LoadCase, type LoadResult } from './load';
import { rssMiB, start, stop, type Running } from './processes';
import type { AppRow, CaseRow } from './report';

const BASELINES = new URL('./baselines/', import.meta.url).pathname;

export interface Settings {
  root: string;
  seconds: number;
  warmupSeconds: number;
  startSamples: number;
}

async function median(samples: number, fn: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) values.push(await fn());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
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

async function measure(url: string, c: LoadCase, s: Settings): Promise<LoadResult> {
  if (s.warmupSeconds) await load(url, c, s.warmupSeconds);
  return load(url, c, s.seconds);
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
  const env = app.env ?? {};
  const ready = '/.well-known/ai-plugin.json';
  const startMs = await median(s.startSamples, () => coldStart([entry], env, ready));
  const running = await start([entry], env, ready);
  const servers: Running[] = [running];
  try {
    await app.seed?.(running.url);
    // The baselines also answer the manifest: it is how they are seen to be up.
    const loads = [...app.cases.map((c) => c.load), { method: 'GET' as const, path: ready }];
    const recorded = await Promise.all(loads.map((load) => record(running.url, load)));
    await new Promise((r) => setTimeout(r, 300));
    const idleRssMiB = rssMiB(running.child);
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'responses.json');
    writeFileSync(file, JSON.stringify(recorded));
    const koaArgs = [join(BASELINES, 'bare-koa.mjs'), file];
    const koaStartMs = await median(s.startSamples, () => coldStart(koaArgs, {}, ready));
    const koa = await start(koaArgs, {}, ready);
    const raw = await start([join(BASELINES, 'raw-node.mjs'), file], {}, ready);
    servers.push(koa, raw);
    const cases: CaseRow[] = [];
    for (const c of app.cases) {
      const appResult = await measure(running.url, c.load, s);
      const koaResult = await measure(koa.url, c.load, s);
      const rawResult = await measure(raw.url, c.load, s);
      cases.push({
        app: app.name,
        name: c.name,
        kind: c.kind,
        app_: appResult,
        koa: koaResult,
        raw: rawResult,
      });
      console.log(
        `  ${app.name} · ${c.name}: ${appResult.rps.toFixed(0)} req/s (bare Koa ${koaResult.rps.toFixed(0)}, raw ${rawResult.rps.toFixed(0)})`,
      );
    }
    return { cases, app: { app: app.name, startMs, koaStartMs, idleRssMiB } };
  } finally {
    await Promise.all(servers.map(stop));
  }
}
