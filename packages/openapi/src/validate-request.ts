import type { ParsedUrlQuery } from 'node:querystring';
import type { Context, Next } from 'koa';
import type { OpenAPIV3 } from 'openapi-types';
import { createAjv, describeError } from './schema-validator';
import { unsoundInput } from './sound-input';
import { listOperations, type Operation } from './operations';

/** The request as validated against the spec: strings coerced to the schema's types. */
export interface ValidInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

// Every schema compiled here comes from a spec that `loadSpec` validated (or the build did), or
// is built below from its parameters, so ajv does not check them against its meta-schema again.
const coercing = createAjv({ coerce: true, validateSchema: false });
const strict = createAjv({ coerce: false, validateSchema: false });

function paramsSchema(params: OpenAPIV3.ParameterObject[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

// OpenAPI clients send arrays as repeated keys (`?ids=1&ids=2`); PHP-style clients and the
// balldontlie API use `ids[]=1&ids[]=2`. Both become one `ids` list here.
function readQuery(raw: ParsedUrlQuery): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    const previous = out[name];
    out[name] =
      previous === undefined
        ? value
        : ([] as unknown[]).concat(previous, value as string | string[]);
  }
  return out;
}

/** Compiles an operation's checks: throws when ajv refuses one of its schemas. */
function compileChecks(operation: Operation) {
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  return {
    checkPath: coercing.compile(paramsSchema(operation.parameters.filter((p) => p.in === 'path'))),
    checkQuery: coercing.compile(
      paramsSchema(operation.parameters.filter((p) => p.in === 'query')),
    ),
    checkBody: bodySchema ? strict.compile(bodySchema) : undefined,
  };
}

/**
 * Compiles the request checks of every operation in `document` (dereferenced), as
 * `validateRequest` would; throws on the first schema ajv refuses. The apps' build calls it, so a
 * spec checked at build time can have its checks compiled lazily (`validateRequest`'s `lazy`).
 */
export function compileRequestChecks(document: OpenAPIV3.Document): void {
  for (const operation of listOperations(document)) compileChecks(operation);
}

export interface ValidateRequestOptions {
  /**
   * Compile the checks on the operation's first request instead of now: for a spec whose checks
   * the build compiled (`compileRequestChecks`), which then cannot fail. Compiling them all would
   * otherwise be most of an app's start-up.
   */
  lazy?: boolean;
}

/**
 * A middleware that checks a request against its operation's parameters and JSON body before
 * the handler runs, and leaves the coerced values in `ctx.state.input`. A bad request is a 400
 * naming the field; a body of another media type is a 415.
 */
export function validateRequest(operation: Operation, options: ValidateRequestOptions = {}) {
  const body = operation.requestBody;
  let checks = options.lazy ? undefined : compileChecks(operation);

  return async function validateRequest(ctx: Context, next: Next) {
    checks ??= compileChecks(operation);
    const { checkPath, checkQuery, checkBody } = checks;
    const path: Record<string, unknown> = { ...(ctx as Context & { params?: object }).params };
    if (!checkPath(path)) {
      const { field, message } = describeError(checkPath, 'path');
      ctx.throw(400, message, { field });
    }
    const query = readQuery(ctx.query);
    if (!checkQuery(query)) {
      const { field, message } = describeError(checkQuery, 'query');
      ctx.throw(400, message, { field });
    }
    // An operation that declares no body reads none, whatever the client sent.
    let value: unknown = body ? ctx.request.body : undefined;
    if (body) {
      // `Content-Length: 0` is no body, whatever the Content-Type; otherwise Koa's `is` answers
      // false for another media type.
      const empty =
        ctx.request.length === 0 ||
        (ctx.request.length === undefined && !ctx.get('Transfer-Encoding'));
      const kind = empty ? null : ctx.is('application/json', '+json');
      if (kind === false) {
        ctx.throw(415, 'request body must be `application/json`', { field: 'Content-Type' });
      }
      if (kind === null) {
        if (body.required) ctx.throw(400, 'a JSON request body is required', { field: 'body' });
        value = undefined;
      } else if (checkBody && !checkBody(value)) {
        const { field, message } = describeError(checkBody, 'body');
        ctx.throw(400, message, { field });
      }
    }
    // What the schemas cannot say: no lone surrogate in a string, no infinite number.
    const unsound =
      unsoundInput(path, 'path') ?? unsoundInput(query, 'query') ?? unsoundInput(value, 'body');
    if (unsound) ctx.throw(400, unsound.message, { field: unsound.field });
    ctx.state.input = { path, query, body: value } satisfies ValidInput;
    await next();
  };
}

/** The validated input of this request (see `validateRequest`). */
export function validInput(ctx: Context): ValidInput {
  return ctx.state.input as ValidInput;
}
