import type { CallToolResult, Tool } from '@modelcontextprotocol/client';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A command-line value as the field's schema types it: `index=0` is a number, `done=true` a boolean. */
function typed(name: string, text: string, schema: Schema): unknown {
  const types: string[] = [schema.type ?? []].flat();
  if (types.includes('integer') || types.includes('number')) {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) return n;
  }
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.includes('object') || types.includes('array')) {
    try {
      return JSON.parse(text);
    } catch {
      if (!types.includes('array')) throw new Error(`\`${name}\` must be JSON (an object)`);
    }
  }
  return text; // the server's schema check names the field when this is not what it wants
}

/**
 * The arguments of a call: `--json`'s object, then each `name=value` typed by the tool's input
 * schema (a name given twice, or an array field, is a list). Throws on a malformed pair or JSON.
 */
export function toolArguments(
  tool: Tool,
  pairs: string[],
  json?: string | undefined,
): Record<string, unknown> {
  let args: Record<string, unknown> = {};
  if (json !== undefined) {
    try {
      args = JSON.parse(json) as Record<string, unknown>;
    } catch {
      throw new Error('`--json` is not valid JSON');
    }
    if (!args || typeof args !== 'object' || Array.isArray(args))
      throw new Error('`--json` must be a JSON object');
  }
  const properties = ((tool.inputSchema as Schema).properties ?? {}) as Record<string, Schema>;
  const given = new Set<string>(); // names set by pairs: `--json`'s value for one is replaced
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`\`${pair}\` is not name=value`);
    const name = pair.slice(0, at);
    const schema = properties[name] ?? {};
    const text = pair.slice(at + 1);
    // An array field takes a JSON list, or one item per pair (`ids=1 ids=2`).
    const isList = [schema.type].flat().includes('array');
    if (!isList) {
      const value = typed(name, text, schema);
      args[name] = given.has(name) ? [args[name], value].flat() : value;
      given.add(name);
      continue;
    }
    const parsed = text.startsWith('[') ? typed(name, text, schema) : undefined;
    const items = Array.isArray(parsed) ? parsed : [typed(name, text, schema.items ?? {})];
    args[name] = [...((given.has(name) && (args[name] as unknown[])) || []), ...items];
    given.add(name);
  }
  return args;
}

/** A tool's result as printed: its structured content, or else its text blocks. */
export function resultText(result: CallToolResult): string {
  if (result.structuredContent !== undefined && !result.isError)
    return JSON.stringify(result.structuredContent, null, 2);
  return result.content
    .map((block) => (block.type === 'text' ? block.text : `[${block.type} content]`))
    .join('\n');
}
