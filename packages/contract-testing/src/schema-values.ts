import fc from 'fast-check';
import type { OpenAPIV3 } from 'openapi-types';
import { NASTY_STRINGS } from './odd-inputs';

export type Schema = OpenAPIV3.SchemaObject;

/** A copy of `object` with an own, enumerable `key`, even `__proto__` (which `=` would not set). */
export function withKey(object: object, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object } as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function stringValue(schema: Schema): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 30;
  if (schema.format === 'date') {
    const date = fc.date({ min: new Date('1946-01-01'), max: new Date('2100-12-31') });
    return date.filter((d) => !Number.isNaN(d.getTime())).map((d) => d.toISOString().slice(0, 10));
  }
  // JSON Schema counts code points; fast-check counts graphemes (`A` and a combining accent are
  // one grapheme, two code points), so a drawn string is checked again.
  const fits = (s: string) => [...s].length >= minLength && [...s].length <= maxLength;
  const examples = [schema.example, ...NASTY_STRINGS].filter(
    (s): s is string => typeof s === 'string' && fits(s),
  );
  const strings = (unit: 'grapheme-ascii' | 'grapheme' | 'binary') =>
    fc.string({ minLength, maxLength, unit }).filter(fits);
  return fc.oneof(
    { weight: 4, arbitrary: strings('grapheme-ascii') },
    { weight: 2, arbitrary: strings('grapheme') },
    { weight: 1, arbitrary: strings('binary') },
    ...(examples.length ? [{ weight: 2, arbitrary: fc.constantFrom(...examples) }] : []),
  );
}

function numberValue(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1000;
  // Near the bottom of the range, where the interesting values (0, 1, an index) usually are.
  const max = schema.maximum ?? min + 1000;
  if (schema.type === 'integer') return fc.integer({ min, max });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * An arbitrary of values `schema` accepts, drawn near its limits: every type, enum, length and
 * range it declares, required properties always and optional ones sometimes. `hints` gives the
 * values to use for properties of those names instead.
 * @example fc.sample(validValue({ type: 'string', maxLength: 3 }), 5)
 */
export function validValue(
  schema: Schema | undefined,
  hints: Record<string, readonly unknown[]> = {},
  name?: string,
): fc.Arbitrary<unknown> {
  const hint = name === undefined ? undefined : hints[name];
  if (!schema) return hint ? fc.constantFrom(...hint) : fc.jsonValue();
  if (hint && schema.type !== 'object') return fc.constantFrom(...hint);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringValue(schema);
    case 'integer':
    case 'number':
      return numberValue(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items as Schema, hints), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const shape = Object.fromEntries(
        properties.map(([key, prop]) => [key, validValue(prop as Schema, hints, key)]),
      );
      return fc.record(shape, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue();
  }
}
