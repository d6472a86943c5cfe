import type { OpenAPIV3 } from 'openapi-types';
import type { OpenApiDocument } from './load-spec';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** One operation of a spec, with its path-level parameters merged in. */
export interface Operation {
  operationId: string;
  method: (typeof HTTP_METHODS)[number];
  /** The path as the spec writes it: `/todos/{username}`. */
  path: string;
  parameters: OpenAPIV3.ParameterObject[];
  requestBody: OpenAPIV3.RequestBodyObject | undefined;
  responses: OpenAPIV3.ResponsesObject;
  definition: OpenAPIV3.OperationObject;
}

/** Lists every operation of a dereferenced spec. Throws when one has no `operationId`. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const definition = item[method];
      if (!definition) continue;
      if (!definition.operationId) {
        throw new Error(`${method.toUpperCase()} ${path} has no \`operationId\``);
      }
      // Operation-level parameters override path-level ones of the same name and location.
      const byKey = new Map<string, OpenAPIV3.ParameterObject>();
      for (const p of [...(item.parameters ?? []), ...(definition.parameters ?? [])]) {
        const param = p as OpenAPIV3.ParameterObject;
        byKey.set(`${param.in}:${param.name}`, param);
      }
      operations.push({
        operationId: definition.operationId,
        method,
        path,
        parameters: [...byKey.values()],
        requestBody: definition.requestBody as OpenAPIV3.RequestBodyObject | undefined,
        responses: definition.responses,
        definition,
      });
    }
  }
  return operations;
}

/** Converts an OpenAPI path template to a @koa/router path: `/todos/{username}` → `/todos/:username`. */
export function toRouterPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(`path parameter \`${name}\` in ${path} must be letters, digits and _`);
    }
    return `:${name}`;
  });
}
