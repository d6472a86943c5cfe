/* global document */
// The plugin page's MCP tools: their list at `/mcp`, and the MCP sign-in when it answers 401.
import { el, post } from '/parts.js';
import { signIn } from '/sign-in.js';

// The MCP sign-in's token, in this page's memory only. It is bound to `/mcp` (RFC 8707
// `resource`), so it goes on MCP calls and never on REST calls.
let mcpToken = '';
let page; // { url, fallback, onChange }: set by `loadTools`
export let tools = [];

/** The bearer of an MCP call: the MCP sign-in's token, else `page.fallback()` (a service token). */
export const mcpBearer = () => mcpToken || page.fallback();

async function mcpSignIn() {
  const status = document.getElementById('mcp-signed-in');
  try {
    mcpToken = await signIn('/api/mcp-sign-in', page.url, status);
    await loadTools(page);
  } catch (err) {
    status.textContent = ` MCP sign-in failed: ${err.message}`;
  }
}

/** A 401 from `/mcp` offers the MCP sign-in; once signed in, it says a token is held. */
function signInLine(message) {
  if (!mcpToken && !/answered 401/.test(message)) return [];
  const button = el('button', mcpToken ? 'MCP: sign in again' : 'Sign in for MCP', {
    type: 'button',
    id: 'mcp-sign-in',
  });
  button.addEventListener('click', mcpSignIn);
  const line = el('p', undefined, { class: 'mcp-auth' });
  line.append(
    button,
    el('span', mcpToken ? ' MCP token held in this page' : '', { id: 'mcp-signed-in' }),
  );
  return [line];
}

/** Lists the tools into `#tools`, or shows why it could not; then calls `onChange`. */
export async function loadTools(options) {
  page = options;
  const box = document.getElementById('tools');
  try {
    tools = (await post('/api/mcp', { url: page.url, token: mcpBearer() })).tools;
    const list = el('ul', undefined, { class: 'tools' });
    for (const tool of tools)
      list.append(el('li', `${tool.name}: ${(tool.description || '').split('\n')[0]}`));
    box.replaceChildren(...signInLine(''), list);
  } catch (err) {
    tools = [];
    box.replaceChildren(
      el('p', `no tools listed: ${err.message}`, { class: 'note', role: 'alert' }),
      ...signInLine(err.message),
    );
  }
  page.onChange();
}
