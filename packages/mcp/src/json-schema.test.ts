import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './json-schema';

describe('toJsonSchema', () => {
  it('turns OpenAPI 3.0 nullable, example and boolean exclusive bounds into JSON Schema', () => {
    expect(
      toJsonSchema({
        type: 'integer',
        nullable: true,
        minimum: 0,
        exclusiveMinimum: true,
        example: 3,
        'x-internal': 1,
      }),
    ).toEqual({ type: ['integer', 'null'], exclusiveMinimum: 0, examples: [3] });
  });

  it('converts nested schemas and keeps shared ones shared', () => {
    const team = { type: 'object', properties: { city: { type: 'string', nullable: true } } };
    const out = toJsonSchema({
      type: 'object',
      properties: { home: team, away: team, all: { type: 'array', items: { allOf: [team] } } },
    });
    const props = out.properties as Record<string, Record<string, unknown>>;
    expect(props.home).toEqual({
      type: 'object',
      properties: { city: { type: ['string', 'null'] } },
    });
    expect(props.home).toBe(props.away);
  });

  it('adds null to the enum of a nullable enum', () => {
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
  });
});
