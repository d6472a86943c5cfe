// With the `u` flag a surrogate pair is one code point, so only a lone surrogate is `Cs`.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What JSON Schema cannot say about a value that passed it: a string must be well-formed Unicode
 * (a lone surrogate, which `JSON.parse` and `\ud800` escapes let through, cannot be stored as
 * UTF-8, so a store refuses it), and a number must be finite (`1e400` in JSON, or `Infinity` in
 * a query that ajv coerces, passes `type: integer` and even `maximum`) and, if whole, exact. Returns the first
 * offending field and a sentence naming it, or `undefined` when the value is sound.
 */
export function unsoundField(
  value: unknown,
  field: string,
): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value)
      ? { field, message: `\`${field}\` must be well-formed Unicode (it has a lone surrogate)` }
      : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { field, message: `\`${field}\` must be a finite number` };
    // I-JSON (RFC 7493 §2.2): an integer past ±(2^53 − 1) cannot be held exactly, and `1e21`
    // passes `type: integer` but is sent on as the text `1e+21`.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return { field, message: `\`${field}\` must be between -(2^53 - 1) and 2^53 - 1` };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsoundField(item, `${field}.${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unsoundField(key, field) ?? unsoundField(item, `${field}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * `unsoundField` over a request part (the path's or the query's parameters, a JSON body), naming
 * a top-level entry by its own name (`todo`, `limit`) and anything else from `root` (`body`).
 */
export function unsoundInput(
  value: unknown,
  root: string,
): { field: string; message: string } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return unsoundField(value, root);
  }
  for (const [key, item] of Object.entries(value)) {
    const found = unsoundField(key, root) ?? unsoundField(item, key);
    if (found) return found;
  }
  return undefined;
}
