import { listOperations, type LoadedSpec, type Operation } from '@repo/openapi';
import { isObjectSchema, toJsonSchema, type JsonSchema } from './json-schema';
import { methodHints, readXMcp, type ToolHints } from './x-mcp';

/** Where a tool argument goes in the REST request: a path or query parameter, or the JSON body. */
export type ArgumentPlace = 'path' | 'query' | 'body';

/** One MCP tool made from one OpenAPI operation, and how to turn its arguments back into it. */
export interface SpecTool {
  /** `x-mcp.name`, else the `operationId`. */
  name: string;
  title?: string;
  description?: string;
  /** One object: the path, query and JSON-body properties, with the spec's constraints. */
  inputSchema: JsonSchema;
  /** The 2xx JSON response's schema, when it describes an object. */
  outputSchema?: JsonSchema;
  annotations: ToolHints;
  operation: {
    operationId: string;
    /** Upper case: `GET`. */
    method: string;
    /** As the spec writes it: `/todos/{username}`. */
    path: string;
    /** Each argument's place in the request. */
    places: Record<string, ArgumentPlace>;
    /** Whether the body is the whole `body` argument (a non-object body) rather than merged. */
    wholeBody: boolean;
    /** Whether the operation requires a JSON body: a call then always sends one (`{}` at least). */
    bodyRequired: boolean;
  };
}

// MCP spec, tools: names SHOULD be 1 to 128 of A-Z, a-z, 0-9, `_`, `-` and `.`.
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

function successSchema(operation: Operation): JsonSchema | undefined {
  const codes = Object.keys(operation.responses).filter((code) => /^2(\d\d|XX)$/.test(code));
  for (const code of codes.sort()) {
    const content = (
      operation.responses[code] as { content?: Record<string, { schema?: unknown }> }
    ).content;
    const schema = content?.['application/json']?.schema;
    if (schema) return toJsonSchema(schema);
  }
  return undefined;
}

function toolFrom(operation: Operation, specHints: ToolHints): SpecTool | undefined {
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  const {
    hidden,
    name: alias,
    title,
    ...hints
  } = readXMcp((operation.definition as Record<string, unknown>)['x-mcp'], where, 'operation');
  if (hidden) return undefined;
  const name = alias ?? operation.operationId;
  if (!TOOL_NAME.test(name)) {
    throw new Error(`${where}: tool name \`${name}\` must be 1 to 128 of A-Z a-z 0-9 _ - .`);
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const places: Record<string, ArgumentPlace> = {};
  const add = (key: string, place: ArgumentPlace, schema: JsonSchema, isRequired: boolean) => {
    if (places[key]) {
      throw new Error(`${where}: \`${key}\` is both a ${places[key]} and a ${place} parameter`);
    }
    places[key] = place;
    properties[key] = schema;
    if (isRequired) required.push(key);
  };
  for (const param of operation.parameters) {
    if (param.in !== 'path' && param.in !== 'query') {
      throw new Error(`${where}: \`${param.name}\` is a ${param.in} parameter; tools have none`);
    }
    const schema = toJsonSchema(param.schema);
    const described = param.description && !schema.description;
    add(
      param.name,
      param.in,
      described ? { ...schema, description: param.description } : schema,
      param.in === 'path' || param.required === true,
    );
  }
  const body = operation.requestBody;
  const bodySchema = body && toJsonSchema(body.content['application/json']?.schema);
  const wholeBody = bodySchema !== undefined && !isObjectSchema(bodySchema);
  if (bodySchema && wholeBody) add('body', 'body', bodySchema, body.required === true);
  if (bodySchema && !wholeBody) {
    const inner = (bodySchema.properties ?? {}) as Record<string, JsonSchema>;
    const innerRequired = new Set((bodySchema.required ?? []) as string[]);
    for (const [key, schema] of Object.entries(inner)) {
      add(key, 'body', schema, body.required === true && innerRequired.has(key));
    }
  }
  const output = successSchema(operation);
  const { summary, description } = operation.definition;
  return {
    name,
    ...((title ?? summary) && { title: title ?? summary }),
    ...((description ?? summary) && { description: description ?? summary }),
    inputSchema: {
      type: 'object',
      properties,
      ...(required.length && { required }),
      additionalProperties: false,
    },
    ...(output && isObjectSchema(output) && { outputSchema: { ...output, type: 'object' } }),
    annotations: { ...methodHints(operation.method), ...specHints, ...hints },
    operation: {
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: operation.path,
      places,
      wholeBody,
      bodyRequired: body?.required === true,
    },
  };
}

/**
 * The MCP tools of an app's spec, one per operation (unless its `x-mcp` hides it), in spec order.
 * Pure: the same spec gives the same tools. Throws at start-up on a bad `x-mcp`, an invalid or
 * repeated tool name, a header or cookie parameter, or two parameters of one name.
 * @example const tools = specTools(await loadSpec(new URL('../openapi.yaml', import.meta.url)));
 */
export function specTools(spec: LoadedSpec): SpecTool[] {
  const specHints = readXMcp(
    (spec.document as unknown as Record<string, unknown>)['x-mcp'],
    spec.file,
    'spec',
  );
  const tools: SpecTool[] = [];
  for (const operation of listOperations(spec.document)) {
    const tool = toolFrom(operation, specHints);
    if (!tool) continue;
    if (tools.some((t) => t.name === tool.name)) {
      throw new Error(`${spec.file}: two operations make the tool \`${tool.name}\``);
    }
    tools.push(tool);
  }
  return tools;
}
