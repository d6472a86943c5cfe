import type { OpenAPIV3 } from 'openapi-types';
import { HTTP_METHODS, dereferenceSpec, type OpenApiDocument } from '@repo/openapi';
import { jsonPath, type PathStep } from './json-path';
import type { Rule } from './rules';

/** One operation of a spec as a linter reads it: it may lack an `operationId` or be malformed. */
export interface SpecOperation {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  /** Where it is, as JSONPath steps (`['paths', '/todos', 'get']`); `at` is the same, written. */
  steps: PathStep[];
  at: string;
  operationId: string | undefined;
  /** How a message names it: `` `getTodos` ``, or `GET /todos` when it has no `operationId`. */
  name: string;
  definition: OpenAPIV3.OperationObject;
  /** Path-level parameters merged in; the operation's own win (OpenAPI 3.0 §4.7.9). */
  parameters: OpenAPIV3.ParameterObject[];
}

const objects = <T>(list: unknown): T[] =>
  Array.isArray(list) ? list.filter((x): x is T => !!x && typeof x === 'object') : [];

/**
 * Every operation of a parsed spec, valid or not, with its `$ref`s resolved when they resolve
 * (a broken `$ref` is `spec/valid-openapi`'s to report; the rest is read as written).
 * `listOperations` of `@repo/openapi` wants a valid, named spec; a linter must read any.
 */
export function specOperations(document: unknown): SpecOperation[] {
  let doc = document as OpenApiDocument | undefined;
  try {
    doc = dereferenceSpec(doc as OpenApiDocument);
  } catch {
    // read as written
  }
  const paths = doc?.paths;
  if (!paths || typeof paths !== 'object') return [];
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const definition = item[method];
      if (!definition || typeof definition !== 'object') continue;
      const byKey = new Map<string, OpenAPIV3.ParameterObject>();
      for (const p of objects<OpenAPIV3.ParameterObject>(item.parameters))
        byKey.set(`${p.in}:${p.name}`, p);
      for (const p of objects<OpenAPIV3.ParameterObject>(definition.parameters))
        byKey.set(`${p.in}:${p.name}`, p);
      const steps = ['paths', path, method];
      const operationId =
        typeof definition.operationId === 'string' ? definition.operationId : undefined;
      out.push({
        path,
        method,
        steps,
        at: jsonPath(...steps),
        operationId,
        name: operationId ? `\`${operationId}\`` : `${method.toUpperCase()} ${path}`,
        definition,
        parameters: [...byKey.values()],
      });
    }
  }
  return out;
}

/**
 * A rule applied to every operation of a spec: `check` names each violation's place by its full
 * JSONPath (`path`) or by the steps below the operation (`at`; none is the operation itself).
 */
export function perOperation<Input extends { document: unknown }>(
  rule: Omit<Rule<Input>, 'check'>,
  check: (op: SpecOperation) => { path?: string; at?: PathStep[]; message: string }[],
): Rule<Input> {
  return {
    ...rule,
    check: ({ document }) =>
      specOperations(document).flatMap((op) =>
        check(op).map(({ path, at = [], message }) => ({
          path: path ?? jsonPath(...op.steps, ...at),
          message,
        })),
      ),
  };
}
