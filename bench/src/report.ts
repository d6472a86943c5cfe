import type { Kind } from './apps';
import type { LoadResult } from './load';

/** One round of a case: the app, then the baselines, one after another (in a rotating order). */
export interface Round {
  app_: LoadResult;
  koa: LoadResult;
  raw: LoadResult;
}

/** A case: each server's median round by req/s (errors summed over rounds), and its rounds. */
export interface CaseRow extends Round {
  app: string;
  name: string;
  kind: Kind;
  /** The median of the rounds' app req/s ÷ bare Koa req/s. */
  koaRatio: number;
  /** The median of the rounds' app req/s ÷ raw node req/s. */
  rawRatio: number;
  rounds: Round[];
}

export interface AppRow {
  app: string;
  /** Median cold starts, and the median of the ratios of starts taken in turn. */
  startMs: number;
  koaStartMs: number;
  startRatio: number;
  idleRssMiB: number;
}

// The targets of issue 7, as ratios from the same run.
const MIN_RATIO_TO_KOA: Partial<Record<Kind, number>> = {
  read: 0.8,
  'plugin-file': 0.9,
  cached: 0.8,
};
export const TARGETS = { p99Ms: 10, startRatio: 1.5, idleRssMiB: 80 };

export const fixed = (n: number, digits = 0) => n.toFixed(digits);
// A ratio in a verdict: two decimals, or three where two would round it onto the limit it
// missed ("0.899× < 0.9×", not "0.90× < 0.9×").
const ratioText = (ratio: number, limit: number) =>
  fixed(ratio, Number(fixed(ratio, 2)) === limit ? 3 : 2);

/** The verdict on one case: every miss, in words. */
export function misses(row: CaseRow): string[] {
  const out: string[] = [];
  const min = MIN_RATIO_TO_KOA[row.kind];
  if (min !== undefined && row.koaRatio < min)
    out.push(`${ratioText(row.koaRatio, min)}× bare Koa < ${min}×`);
  if (row.app_.p99 > TARGETS.p99Ms) out.push(`p99 ${row.app_.p99} ms > ${TARGETS.p99Ms} ms`);
  if (row.app_.errors || row.app_.non2xx)
    out.push(`${row.app_.errors} errors, ${row.app_.non2xx} non-2xx`);
  return out;
}

export function appMisses(row: AppRow): string[] {
  const out: string[] = [];
  if (row.startRatio > TARGETS.startRatio)
    out.push(
      `cold start ${ratioText(row.startRatio, TARGETS.startRatio)}× bare Koa > ${TARGETS.startRatio}×`,
    );
  if (row.idleRssMiB > TARGETS.idleRssMiB)
    out.push(`idle RSS ${fixed(row.idleRssMiB)} MiB > ${TARGETS.idleRssMiB} MiB`);
  return out;
}

/** A Markdown table, so the README can hold the last run as printed. */
export function table(header: string[], rows: (string | number)[][]): string {
  const lines = [header, header.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function caseTable(rows: CaseRow[]): string {
  return table(
    [
      'app',
      'case',
      'req/s',
      'p50 ms',
      'p99 ms',
      '× bare Koa',
      '× raw node',
      'bare Koa req/s',
      'bare Koa p99 ms',
      'raw req/s',
      'target',
    ],
    rows.map((r) => [
      r.app,
      r.name,
      fixed(r.app_.rps),
      r.app_.p50,
      r.app_.p99,
      fixed(r.koaRatio, 2),
      fixed(r.rawRatio, 2),
      fixed(r.koa.rps),
      r.koa.p99,
      fixed(r.raw.rps),
      misses(r).join('; ') || 'met',
    ]),
  );
}

export function appTable(rows: AppRow[]): string {
  return table(
    ['app', 'cold start ms', 'bare Koa cold start ms', 'ratio', 'idle RSS MiB', 'target'],
    rows.map((r) => [
      r.app,
      fixed(r.startMs),
      fixed(r.koaStartMs),
      fixed(r.startRatio, 2),
      fixed(r.idleRssMiB, 1),
      appMisses(r).join('; ') || 'met',
    ]),
  );
}
