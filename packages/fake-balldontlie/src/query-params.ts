// Reading the fake's query parameters as balldontlie does, and paging its lists.

export class BadRequest extends Error {}

export type Params = URLSearchParams;

export function integer(value: string, name: string): number {
  if (!/^-?\d+$/.test(value)) throw new BadRequest(`${name} must be an integer`);
  return Number(value);
}

/** `name[]` values (the real API's array form; `name` alone is not read, as there). */
export function ints(params: Params, name: string): Set<number> | undefined {
  const values = params.getAll(`${name}[]`);
  return values.length ? new Set(values.map((v) => integer(v, `${name}[]`))) : undefined;
}

export function date(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadRequest(`${name} must be a date as YYYY-MM-DD`);
  }
  return value;
}

export function dates(params: Params): Set<string> | undefined {
  const values = params.getAll('dates[]');
  if (!values.length) return undefined;
  return new Set(values.map((v) => date(new URLSearchParams({ d: v }), 'd')!));
}

export function flag(params: Params, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if (value !== 'true' && value !== 'false') throw new BadRequest(`${name} must be true or false`);
  return value === 'true';
}

/** One page of `items` (sorted by id) after `cursor`, as the v1 API pages its lists. */
export function page<T extends { id: number }>(items: readonly T[], params: Params) {
  const perPage = params.has('per_page') ? integer(params.get('per_page')!, 'per_page') : 25;
  if (perPage < 1 || perPage > 100) throw new BadRequest('per_page must be from 1 to 100');
  const cursor = params.has('cursor') ? integer(params.get('cursor')!, 'cursor') : 0;
  const data: T[] = [];
  let more = false;
  for (const item of items) {
    if (item.id <= cursor) continue;
    if (data.length === perPage) {
      more = true;
      break;
    }
    data.push(item);
  }
  const meta: { per_page: number; next_cursor?: number } = { per_page: perPage };
  if (more) meta.next_cursor = data[data.length - 1]!.id;
  return { data, meta };
}

export function inRange(day: string, params: Params): boolean {
  const start = date(params, 'start_date');
  const end = date(params, 'end_date');
  return (!start || day >= start) && (!end || day <= end);
}
