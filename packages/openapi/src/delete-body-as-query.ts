import type { Context, Next } from 'koa';
import type { OpenAPIV3 } from 'openapi-types';
import type { LoadedSpec } from './load-spec';
import { listOperations } from './operations';
import { createAjv, describeError } from './schema-validator';

// A body value is JSON and already typed: it is checked as it is, never coerced from a string.
const strict = createAjv({ coerce: false, validateSchema: false });

interface DeleteOperation {
  /** Matches the request paths of the operation: `/todos/{username}` → `^/todos/[^/]+/?$`. */
  pattern: RegExp;
  /** Its query parameters, each with a check of a body value against the parameter's schema. */
  params: { name: string; check: ReturnType<typeof strict.compile> }[];
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

function deleteOperations(spec: LoadedSpec): DeleteOperation[] {
  return listOperations(spec.document)
    .filter((operation) => operation.method === 'delete')
    .map((operation) => ({
      pattern: new RegExp(
        `^${operation.path
          .split(/\{[^}]+\}/)
          .map(escape)
          .join('[^/]+')}/?$`,
      ),
      params: operation.parameters
        .filter((param) => param.in === 'query')
        .map((param) => ({
          name: param.name,
          check: strict.compile((param.schema ?? {}) as OpenAPIV3.SchemaObject),
        })),
    }))
    .filter((operation) => operation.params.length > 0);
}

/**
 * A middleware that lets a DELETE carry its query parameters in a JSON body: generic OpenAPI
 * clients send no DELETE body (RFC 9110 §9.3.5 gives it no meaning), so the spec declares them in
 * the query, while some hosts send the original samples' `{"todo_idx": 0}`. For each query
 * parameter the request's operation declares, a body field of that name is copied into the query
 * when the query lacks it (a query value wins). A body value must already have the parameter's
 * type (`0`, not `"0"`), or the answer is a 400 naming it. Goes after `jsonBody()` and before the
 * router, so `validateRequest` and the handler see one input.
 * @example app.use(jsonBody()); app.use(deleteBodyAsQuery(spec)); app.use(api.routes());
 */
export function deleteBodyAsQuery(spec: LoadedSpec) {
  const operations = deleteOperations(spec);

  return async function deleteBodyAsQuery(ctx: Context, next: Next) {
    const body: unknown = ctx.request.body;
    const operation =
      ctx.method === 'DELETE' && body && typeof body === 'object' && !Array.isArray(body)
        ? operations.find(({ pattern }) => pattern.test(ctx.path))
        : undefined;
    if (operation) {
      const fields = body as Record<string, unknown>;
      const query = { ...ctx.query };
      for (const { name, check } of operation.params) {
        if (query[name] !== undefined || fields[name] === undefined) continue;
        if (!check(fields[name])) {
          const { message } = describeError(check, name);
          ctx.throw(400, message, { field: name });
        }
        // An object has no query form: left out, as if the body had not sent it.
        const value = fields[name];
        if (Array.isArray(value)) query[name] = value.map(String);
        else if (typeof value !== 'object' || value === null) query[name] = String(value);
      }
      ctx.query = query;
    }
    await next();
  };
}
