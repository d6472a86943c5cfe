import fc from 'fast-check';
import { validValue, withKey, type Schema } from './schema-values';

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'hasOwnProperty'];

const ANY_TYPE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
);

/**
 * An arbitrary of values `schema` should reject: the wrong type, a value past a length, range or
 * item limit, a missing required property, an extra or prototype-named property, a string not in
 * the enum. (A value of another type may still pass a schema that declares no type.)
 * @example fc.sample(invalidValue({ type: 'integer', minimum: 0 }), 5)
 */
export function invalidValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return ANY_TYPE;
  const options: fc.Arbitrary<unknown>[] = [];
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const wrongType = ANY_TYPE.filter((v) => {
    const type = typeOf(v);
    if (schema.type === 'integer') return type !== 'number' || !Number.isInteger(v);
    if (schema.nullable && v === null) return false;
    return type !== (schema.type === 'number' ? 'number' : schema.type);
  });
  options.push(wrongType);
  if (schema.enum?.length) options.push(fc.string().filter((s) => !schema.enum!.includes(s)));
  if (schema.type === 'string') {
    const max = schema.maxLength;
    if (max !== undefined)
      options.push(fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'x'.repeat(n)));
    if (schema.minLength) options.push(fc.constant('x'.repeat(schema.minLength - 1)));
    if (schema.format === 'date')
      options.push(fc.constantFrom('2025-02-30', '2025-1-1', 'today', '20250101'));
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
    if (schema.type === 'integer') options.push(fc.constant((schema.minimum ?? 0) + 0.5));
  }
  if (schema.type === 'array') {
    const items = schema.items as Schema;
    options.push(fc.tuple(validValue(items), invalidValue(items)).map(([ok, bad]) => [ok, bad]));
    if (schema.maxItems !== undefined) {
      options.push(
        fc.array(validValue(items), {
          minLength: schema.maxItems + 1,
          maxLength: schema.maxItems + 3,
        }),
      );
    }
    if (schema.minItems) options.push(fc.constant([]));
  }
  if (schema.type === 'object') options.push(invalidObject(schema));
  return fc.oneof(...options);
}

function invalidObject(schema: Schema): fc.Arbitrary<unknown> {
  const valid = validValue(schema) as fc.Arbitrary<Record<string, unknown>>;
  const properties = Object.entries(schema.properties ?? {});
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(valid, fc.constantFrom(...EXTRA_KEYS), fc.jsonValue())
      .map(([object, key, value]) => withKey(object, key, value)),
  ];
  for (const key of schema.required ?? []) {
    options.push(valid.map(({ [key]: _, ...rest }) => rest));
  }
  for (const [key, prop] of properties) {
    options.push(
      fc
        .tuple(valid, invalidValue(prop as Schema))
        .map(([object, bad]) => withKey(object, key, bad)),
    );
  }
  return fc.oneof(...options);
}
