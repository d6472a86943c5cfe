/** The MCP hints a tool carries (MCP spec, `ToolAnnotations`): untrusted, for the host's UI. */
export interface ToolHints {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/**
 * The `x-mcp` extension. On an operation: `name`, `title`, any hint, or `hidden: true` to serve
 * no tool for it. At the top of the spec: hints every operation starts from (sport-stats says
 * `openWorldHint: true` there, since all its tools reach an outside service).
 */
export interface XMcp extends ToolHints {
  name?: string;
  title?: string;
  hidden?: boolean;
}

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
const STRINGS = ['name', 'title'] as const;

/** Reads and checks an `x-mcp` value; throws naming `where` and the key at fault. */
export function readXMcp(value: unknown, where: string, allowed: 'operation' | 'spec'): XMcp {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: \`x-mcp\` must be an object`);
  }
  const keys: readonly string[] =
    allowed === 'operation' ? [...HINTS, ...STRINGS, 'hidden'] : HINTS;
  for (const [key, v] of Object.entries(value)) {
    if (!keys.includes(key)) {
      throw new Error(`${where}: \`x-mcp.${key}\` is unknown; use one of ${keys.join(', ')}`);
    }
    const type = (STRINGS as readonly string[]).includes(key) ? 'string' : 'boolean';
    if (typeof v !== type) throw new Error(`${where}: \`x-mcp.${key}\` must be a ${type}`);
  }
  return value as XMcp;
}

/**
 * The hints for an operation's method, before `x-mcp`. RFC 9110 §9.2.1: GET and HEAD are safe,
 * so read-only; a read-only tool's destructive and idempotent hints mean nothing (MCP spec) and
 * are left out. DELETE destroys; PUT is idempotent (RFC 9110 §9.2.2). DELETE is not said to be
 * idempotent: deleting "the todo at index 0" twice deletes two todos. A tool works on the
 * plugin's own data unless the spec says it reaches the outside world.
 */
export function methodHints(method: string): ToolHints {
  if (method === 'get' || method === 'head') return { readOnlyHint: true, openWorldHint: false };
  return {
    readOnlyHint: false,
    destructiveHint: method === 'delete',
    idempotentHint: method === 'put',
    openWorldHint: false,
  };
}
