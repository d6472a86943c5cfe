import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { record } from './load';
import { median, medianRun } from './median';
import { interleavedRounds, type Settings } from './measure-app';
import { start, stop } from './processes';
import { fixed, table } from './report';

const BASELINES = new URL('./baselines/', import.meta.url).pathname;
const READ = { method: 'GET', path: '/todos/reader' } as const;

export interface ShapeRow {
  server: string;
  rps: number;
  p99: number;
  koaRatio: number;
}

/**
 * What the shape of an app's stack costs with none of its work: bare Koa against the same Koa
 * with todo-noauth's layers as pass-throughs (`baselines/koa-stack-shape.mjs`), in interleaved
 * rounds like the cases, each serving the same todo list.
 */
export async function measureStackShape(
  s: Settings,
): Promise<{ rows: ShapeRow[]; markdown: string }> {
  const shape = await start([join(BASELINES, 'koa-stack-shape.mjs')], {}, READ.path);
  const servers = [shape];
  try {
    // Bare Koa answers with the shaped server's own bytes, as it does for the apps.
    const file = join(mkdtempSync(join(tmpdir(), 'bench-shape-')), 'responses.json');
    writeFileSync(file, JSON.stringify([await record(shape.url, READ)]));
    const koa = await start([join(BASELINES, 'bare-koa.mjs'), file], {}, READ.path);
    servers.push(koa);
    const rounds = await interleavedRounds([koa.url, shape.url], READ, s);
    const koaRun = medianRun(rounds.map((r) => r[0]!));
    const shapeRun = medianRun(rounds.map((r) => r[1]!));
    const rows: ShapeRow[] = [
      { server: 'bare Koa', rps: koaRun.rps, p99: koaRun.p99, koaRatio: 1 },
      {
        server: "Koa with todo-noauth's layers, no work",
        rps: shapeRun.rps,
        p99: shapeRun.p99,
        koaRatio: median(rounds.map((r) => r[1]!.rps / r[0]!.rps)),
      },
    ];
    console.log(`  stack shape: ${fixed(rows[1]!.koaRatio, 2)}× bare Koa`);
    const markdown = table(
      ['server', 'req/s', 'p99 ms', '× bare Koa'],
      rows.map((r) => [r.server, fixed(r.rps), r.p99, fixed(r.koaRatio, 2)]),
    );
    return { rows, markdown };
  } finally {
    await Promise.all(servers.map(stop));
  }
}
