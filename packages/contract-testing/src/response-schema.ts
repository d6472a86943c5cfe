import type { ValidateFunction } from 'ajv';
import { createAjv, type Operation } from '@repo/openapi';

const ajv = createAjv({ coerce: false });
// One compiled validator per schema object: the property checker asks thousands of times.
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Why `body` is not what `operation` documents as its JSON answer for `status` (not documented,
 * no JSON schema, or not matching it), or `undefined` when it is.
 * @example expect(responseSchemaProblem(operation, res.status, res.body)).toBeUndefined();
 */
export function responseSchemaProblem(
  operation: Operation,
  status: number,
  body: unknown,
): string | undefined {
  const documented = operation.responses[String(status)] as
    { content?: Record<string, { schema?: object }> } | undefined;
  if (!documented) return `${operation.operationId}: ${status} is not in the spec`;
  const schema = documented.content?.['application/json']?.schema;
  if (!schema) return `${operation.operationId}: ${status} declares no JSON schema`;
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate(body)
    ? undefined
    : `${operation.operationId}: ${ajv.errorsText(validate.errors)}`;
}
