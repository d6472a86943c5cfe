import type { Tool } from '@modelcontextprotocol/client';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// MCP `ToolAnnotations`: hints a host may show; each is untrusted and says nothing when absent.
const HINTS = {
  readOnlyHint: 'read-only',
  destructiveHint: 'destructive',
  idempotentHint: 'idempotent',
  openWorldHint: 'open-world',
} as const;

/** One input field as a person reads it: `name: type (required), constraints`. */
function describeField(name: string, schema: Schema, required: boolean): string {
  const type = schema.enum
    ? schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ')
    : Array.isArray(schema.type)
      ? schema.type.join(' | ')
      : (schema.type ?? 'any');
  const limits = ['minLength', 'maxLength', 'minimum', 'maximum', 'format', 'pattern']
    .filter((key) => schema[key] !== undefined)
    .map((key) => `${key} ${schema[key]}`);
  return [`${name}: ${type}${required ? ' (required)' : ''}`, ...limits].join(', ');
}

/** The tools of a server for people: name, title, hints, description and input fields. */
export function formatTools(tools: Tool[]): string {
  const lines: string[] = [];
  for (const tool of tools) {
    const annotations = (tool.annotations ?? {}) as Record<string, unknown>;
    const hints = Object.entries(HINTS)
      .filter(([key]) => annotations[key] === true)
      .map(([, label]) => label);
    const title = tool.title ?? annotations.title;
    lines.push(
      `${tool.name}${title ? ` · ${title}` : ''}${hints.length ? `  [${hints.join(', ')}]` : ''}`,
    );
    if (tool.description) lines.push(`  ${tool.description.split('\n')[0]}`);
    const schema = tool.inputSchema as Schema;
    const required = new Set<string>(schema.required ?? []);
    const fields = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
    if (!fields.length) lines.push('  input: none');
    for (const [name, field] of fields)
      lines.push(`  - ${describeField(name, field, required.has(name))}`);
    if (tool.outputSchema) lines.push('  output: structured (outputSchema)');
  }
  lines.push(`${tools.length} tool(s)`);
  return lines.join('\n');
}
