import type { OpenAPIV3 } from 'openapi-types';
import { jsonPath } from './json-path';
import type { SpecOperation } from './spec-operations';

/**
 * What ERNIE calls an operation's parameters: its path, query, header and cookie parameters and
 * the top-level properties of its JSON body, since the model fills both in alike.
 */
export interface ErnieParameter {
  name: string;
  path: string;
  description: string | undefined;
  type: string | undefined;
}

/** The parameters ERNIE's model fills in for an operation, as the rules count them. */
export function parametersOf(op: SpecOperation): ErnieParameter[] {
  const params = op.parameters.map((p) => ({
    name: p.name,
    path: jsonPath(...op.steps, 'parameters', { name: p.name }),
    description: p.description,
    type: (p.schema as OpenAPIV3.SchemaObject | undefined)?.type,
  }));
  const requestBody = op.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const body = requestBody?.content?.['application/json']?.schema as
    OpenAPIV3.SchemaObject | undefined;
  const props = Object.entries(body?.properties ?? {}).map(([name, schema]) => ({
    name,
    path: jsonPath(
      ...op.steps,
      'requestBody',
      'content',
      'application/json',
      'schema',
      'properties',
      name,
    ),
    description: (schema as OpenAPIV3.SchemaObject).description,
    type: (schema as OpenAPIV3.SchemaObject).type,
  }));
  return [...params, ...props];
}
