import type { Tool } from '@modelcontextprotocol/client';
import type { SpecTool } from '@repo/mcp';
import type { Rule } from '@repo/lint';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** What the MCP rules read: the tools the spec makes, and the tools the server lists. */
export interface McpToolsInput {
  expected: SpecTool[];
  /** Why the spec makes no tools (a bad `x-mcp`, a clash of names). */
  specError?: string | undefined;
  served: Tool[];
}

// MCP spec, tools: names SHOULD be 1 to 128 of A-Z, a-z, 0-9, `_`, `-` and `.`.
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
// Tool schemas are JSON Schema 2020-12 (MCP spec, tools); `strict: false` lets through the
// annotation keywords a spec may carry, while a schema that is not valid JSON Schema still fails.
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

function compileProblem(schema: unknown): string | undefined {
  try {
    ajv.compile(schema as object);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const at = (i: number, key: string) => `$.tools[${i}].${key}`;

export const MCP_RULES: readonly Rule<McpToolsInput>[] = [
  {
    id: 'mcp/spec-tools',
    severity: 'error',
    path: '$',
    fix: 'fix the spec so every operation makes a tool (`x-mcp` keys, unique names, no header parameters)',
    check: ({ specError }) => (specError ? [{ path: '$', message: specError }] : []),
  },
  {
    id: 'mcp/tool-per-operation',
    severity: 'error',
    path: '$.paths',
    fix: 'serve one tool per operation, named by its operationId (or its `x-mcp.name`), or hide it with `x-mcp: {hidden: true}`',
    check: ({ expected, served }) =>
      expected
        .filter((tool) => !served.some((s) => s.name === tool.name))
        .map(({ name, operation }) => ({
          path: `$.paths['${operation.path}'].${operation.method.toLowerCase()}`,
          message: `operation ${operation.operationId} has no tool \`${name}\` at /mcp`,
        })),
  },
  {
    id: 'mcp/tool-from-spec',
    severity: 'warning',
    path: '$.tools',
    fix: 'describe the tool as an operation in the spec, so its REST route and its tool are one',
    check: ({ expected, served }) =>
      served.flatMap((tool, i) =>
        expected.some((e) => e.name === tool.name)
          ? []
          : [
              {
                path: at(i, 'name'),
                message: `tool \`${tool.name}\` is not an operation of the spec`,
              },
            ],
      ),
  },
  {
    id: 'mcp/tool-name',
    severity: 'error',
    path: '$.tools[*].name',
    fix: 'name the tool with 1 to 128 of A-Z a-z 0-9 _ - . (set `x-mcp.name` on the operation)',
    check: ({ served }) =>
      served.flatMap((tool, i) =>
        TOOL_NAME.test(tool.name)
          ? []
          : [
              {
                path: at(i, 'name'),
                message: `tool name \`${tool.name}\` is not 1 to 128 of A-Z a-z 0-9 _ - .`,
              },
            ],
      ),
  },
  {
    id: 'mcp/input-schema',
    severity: 'error',
    path: '$.tools[*].inputSchema',
    fix: "make the operation's parameters and body valid JSON Schema",
    check: ({ served }) =>
      served.flatMap((tool, i) => {
        const schema = tool.inputSchema as { type?: unknown };
        const problem =
          schema?.type === 'object' ? compileProblem(schema) : '`type` must be "object"';
        return problem ? [{ path: at(i, 'inputSchema'), message: `${tool.name}: ${problem}` }] : [];
      }),
  },
  {
    id: 'mcp/output-schema',
    severity: 'error',
    path: '$.tools[*].outputSchema',
    fix: "make the operation's 2xx JSON response schema valid JSON Schema",
    check: ({ served }) =>
      served.flatMap((tool, i) => {
        const problem = tool.outputSchema && compileProblem(tool.outputSchema);
        return problem
          ? [{ path: at(i, 'outputSchema'), message: `${tool.name}: ${problem}` }]
          : [];
      }),
  },
  {
    id: 'mcp/description',
    severity: 'error',
    path: '$.tools[*].description',
    fix: 'give the operation a `description` (or a `summary`): it is how a model knows when to call the tool',
    check: ({ served }) =>
      served.flatMap((tool, i) =>
        tool.description?.trim()
          ? []
          : [{ path: at(i, 'description'), message: `tool \`${tool.name}\` has no description` }],
      ),
  },
];
