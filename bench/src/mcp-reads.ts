/** An app's main read as an MCP `tools/call`, measured beside the REST case that reads the same. */
export interface McpRead {
  tool: string;
  arguments: Record<string, unknown>;
  /** The app's REST case (by name) with the same answer; its headers (credentials) are reused. */
  restCase: string;
}

// By app name (`APPS`). todo-oauth has none: its reads need a signed-in user, as in its REST cases.
export const MCP_READS: Record<string, McpRead> = {
  'sport-stats (offline)': { tool: 'getTeams', arguments: {}, restCase: 'teams, from cache' },
  'todo-noauth': {
    tool: 'getTodos',
    arguments: { username: 'reader' },
    restCase: 'todo read (10 items)',
  },
  'todo-service': {
    tool: 'getTodos',
    arguments: { username: 'reader' },
    restCase: 'todo read (10 items)',
  },
  wordbook: { tool: 'get_wordbook', arguments: {}, restCase: 'wordbook read (10 words)' },
};
