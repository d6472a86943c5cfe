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
  /** Resident memory once the bench's load has run. */
  loadedRssMiB: number;
}

// The speed targets of the developers' guide, as ratios from the same run. A main read (and a
// cached proxy read) is held to the stack-shape baseline, bare Koa with the layers every app
// needs doing no work: our own code may cost 10% beyond that. The plugin files to bare Koa.
const MIN_RATIO_TO_SHAPE: Partial<Record<Kind, number>> = { read: 0.9, cached: 0.9 };
const MIN_RATIO_TO_KOA: Partial<Record<Kind, number>> = { 'plugin-file': 0.9 };
export const TARGETS = { p99SlackMs: 5, startRatio: 2, rssMiB: 128 };

export const fixed = (n: number, digits = 0) => n.toFixed(digits);
// A ratio in a verdict: two decimals, or three where two would round it onto the limit it
// missed ("0.899× < 0.9×", not "0.90× < 0.9×").
const ratioText = (ratio: number, limit: number) =>
  fixed(ratio, Number(fixed(ratio, 2)) === limit ? 3 : 2);

/** A case's req/s as a share of the stack-shape baseline's (both as ratios to bare Koa). */
export const shapeRatio = (row: CaseRow, shapeKoaRatio: number) => row.koaRatio / shapeKoaRatio;

/**
 * The verdict on one case: every miss, in words. `shapeKoaRatio` is the stack-shape baseline's
 * ratio to bare Koa in the same run; without it the reads are not judged.
 */
export function misses(row: CaseRow, shapeKoaRatio?: number): string[] {
  const out: string[] = [];
  const min = MIN_RATIO_TO_KOA[row.kind];
  if (min !== undefined && row.koaRatio < min)
    out.push(`${ratioText(row.koaRatio, min)}× bare Koa < ${min}×`);
  const minShape = MIN_RATIO_TO_SHAPE[row.kind];
  const toShape = shapeKoaRatio ? shapeRatio(row, shapeKoaRatio) : undefined;
  if (minShape !== undefined && toShape !== undefined && toShape < minShape)
    out.push(`${ratioText(toShape, minShape)}× the stack shape < ${minShape}×`);
  const p99Limit = row.koa.p99 + TARGETS.p99SlackMs;
  if (row.app_.p99 > p99Limit)
    out.push(`p99 ${row.app_.p99} ms > bare Koa's ${row.koa.p99} ms + ${TARGETS.p99SlackMs} ms`);
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
  if (row.loadedRssMiB > TARGETS.rssMiB)
    out.push(`RSS after the load ${fixed(row.loadedRssMiB)} MiB > ${TARGETS.rssMiB} MiB`);
  return out;
}

/** A Markdown table, so the README can hold the last run as printed. */
export function table(header: string[], rows: (string | number)[][]): string {
  const lines = [header, header.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function caseTable(rows: CaseRow[], shapeKoaRatio?: number): string {
  return table(
    [
      'app',
      'case',
      'req/s',
      'p50 ms',
      'p99 ms',
      '× bare Koa',
      '× stack shape',
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
      shapeKoaRatio ? fixed(shapeRatio(r, shapeKoaRatio), 2) : '',
      fixed(r.rawRatio, 2),
      fixed(r.koa.rps),
      r.koa.p99,
      fixed(r.raw.rps),
      misses(r, shapeKoaRatio).join('; ') || 'met',
    ]),
  );
}

export function appTable(rows: AppRow[]): string {
  return table(
    [
      'app',
      'cold start ms',
      'bare Koa cold start ms',
      'ratio',
      'idle RSS MiB',
      'RSS after load MiB',
      'target',
    ],
    rows.map((r) => [
      r.app,
      fixed(r.startMs),
      fixed(r.koaStartMs),
      fixed(r.startRatio, 2),
      fixed(r.idleRssMiB, 1),
      fixed(r.loadedRssMiB, 1),
      appMisses(r).join('; ') || 'met',
    ]),
  );
}
