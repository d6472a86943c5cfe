/** A JSON Schema (2020-12) object, as MCP's `inputSchema` and `outputSchema` carry it. */
export type JsonSchema = { [keyword: string]: unknown };

// OpenAPI 3.0 schema keywords that JSON Schema 2020-12 does not have, or spells otherwise.
const DROPPED = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs']);
const SUBSCHEMA = new Set([
  'items',
  'not',
  'additionalProperties',
  'contains',
  'if',
  'then',
  'else',
]);
const SUBSCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs']);

/**
 * Converts an OpenAPI 3.0/3.1 schema object (dereferenced) to JSON Schema 2020-12, the dialect
 * MCP tool schemas use: `nullable: true` becomes a `null` type, `example` becomes `examples`, a
 * boolean `exclusiveMinimum`/`exclusiveMaximum` becomes the number it bounds, `x-` extensions
 * are dropped. Shared subschemas stay shared in the result.
 */
export function toJsonSchema(schema: unknown, seen = new Map<object, JsonSchema>()): JsonSchema {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return {};
  const cached = seen.get(schema);
  if (cached) return cached;
  const source = schema as Record<string, unknown>;
  const out: JsonSchema = {};
  seen.set(schema, out);
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (SUBSCHEMA.has(key) && typeof value === 'object' && value !== null) {
      out[key] = toJsonSchema(value, seen);
    } else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) {
      out[key] = value.map((item) => toJsonSchema(item, seen));
    } else if (SUBSCHEMA_MAP.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, seen)]),
      );
    } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      // OpenAPI 3.0: a boolean that makes `minimum`/`maximum` exclusive (JSON Schema draft 4).
      if (typeof value === 'number') out[key] = value;
    } else {
      out[key] = value;
    }
  }
  if (source.exclusiveMinimum === true && typeof source.minimum === 'number') {
    out.exclusiveMinimum = source.minimum;
    delete out.minimum;
  }
  if (source.exclusiveMaximum === true && typeof source.maximum === 'number') {
    out.exclusiveMaximum = source.maximum;
    delete out.maximum;
  }
  if (source.example !== undefined && out.examples === undefined) out.examples = [source.example];
  if (source.nullable === true) {
    if (typeof source.type === 'string') out.type = [source.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/** Whether a schema describes a JSON object: `type: object`, or properties without a type. */
export function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || (schema.type === undefined && 'properties' in schema);
}
