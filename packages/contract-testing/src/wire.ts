// How values are written on the wire, and read back, as a server would.

/**
 * Percent-encodes like `encodeURIComponent`, but writes a lone surrogate as the three bytes UTF-8
 * would give it (WTF-8), which is not valid UTF-8: exactly what a careless client sends.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** Decodes a percent-encoded part, or leaves it raw when it cannot be decoded. */
// A `+` is a space in a query (WHATWG form encoding), but a plus sign in a path.
export function decode(raw: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return raw;
  }
}

/** A value as it goes in a query string or a path: a string as is, anything else as JSON. */
export const asText = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** The query pairs of a parameter: a list exploded into repeated keys (`ids[]` with `brackets`). */
export function queryPairs(name: string, value: unknown, brackets: boolean): [string, string][] {
  const key = percentEncode(name) + (brackets && Array.isArray(value) ? '[]' : '');
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => [key, percentEncode(asText(item))]);
}

/** The JSON text of a value, keeping own `__proto__` keys (JSON.stringify does). */
export const json = (value: unknown) => ({
  type: 'application/json',
  text: JSON.stringify(value) ?? 'null',
});
