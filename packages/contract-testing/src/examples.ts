import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from '@repo/openapi';

type Schema = OpenAPIV3.SchemaObject;

/** A value for `schema` built from its `example`/`default`, or the simplest value of its type. */
export function exampleFor(schema: Schema | undefined): unknown {
  if (!schema) return 'example';
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const property = prop as Schema;
        if (schema.required?.includes(name) || property.example !== undefined)
          out[name] = exampleFor(property);
      }
      return out;
    }
    case 'array':
      return [exampleFor(schema.items as Schema)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return 'example';
  }
}

export interface ExampleRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * A request for `operation` made from its spec's examples: every required parameter, every
 * parameter with an example, and the request body's example.
 */
export function exampleRequest(operation: Operation): ExampleRequest {
  const request: ExampleRequest = { path: {}, query: {}, body: undefined };
  for (const param of operation.parameters) {
    const schema = param.schema as Schema | undefined;
    const example = param.example ?? schema?.example;
    if (!param.required && example === undefined) continue;
    const value = example ?? exampleFor(schema);
    if (param.in === 'path') request.path[param.name] = value;
    if (param.in === 'query') request.query[param.name] = value;
  }
  const media = operation.requestBody?.content['application/json'];
  if (media) request.body = media.example ?? exampleFor(media.schema as Schema | undefined);
  return request;
}

/** Fills a spec path template: `/todos/{username}` with `{username: 'global'}` → `/todos/global`. */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(values[name])),
  );
}
