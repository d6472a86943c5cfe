/* global document */
// The plugin page's try-it panel and MCP tools. A plain ES module, served as it is (no build).
import { loadTools, mcpBearer, tools } from '/mcp-tools.js';
import { addLog, clearLog, el, field, post, renderLog, skeleton, typed } from '/parts.js';
import { signIn } from '/sign-in.js';

const dataElement = document.getElementById('panel');
const panel = dataElement && JSON.parse(dataElement.textContent);
// The token field's, or the plugin sign-in's: this page's memory only, never stored or logged.
let token = '';
// MCP calls send the MCP sign-in's token (`mcp-tools.js`), else the token field's; never the
// plugin sign-in's, which todo-oauth's `/mcp` refuses.
const mcpFallback = () => (panel.auth === 'oauth' ? '' : token);

function renderAuth() {
  const box = document.getElementById('auth');
  if (panel.auth === 'none') return box.replaceChildren(el('p', 'auth: none'));
  if (panel.auth === 'oauth' && panel.oauth) {
    const button = el('button', token ? 'signed in: sign in again' : 'Sign in for REST', {
      type: 'button',
      id: 'sign-in',
    });
    button.addEventListener('click', pluginSignIn);
    return box.replaceChildren(
      button,
      el('span', token ? ' REST token held in this page' : '', { id: 'signed-in' }),
    );
  }
  const input = el('input', undefined, {
    id: 'token',
    type: 'password',
    placeholder: panel.tokenHint || 'token',
  });
  input.addEventListener('input', () => (token = input.value));
  // a new token may open `/mcp`: list its tools again once the field is left
  input.addEventListener('change', listTools);
  box.replaceChildren(el('label', 'token '), input);
}

async function pluginSignIn() {
  const status = document.getElementById('signed-in');
  try {
    token = await signIn('/api/sign-in', panel.url, status);
    renderAuth();
  } catch (err) {
    status.textContent = ` sign-in failed: ${err.message}`;
  }
}

const listTools = () =>
  loadTools({ url: panel.url, fallback: mcpFallback, onChange: renderTargets });

function renderTargets() {
  const select = document.getElementById('target');
  const options = [
    ...panel.operations.map((op) =>
      el('option', `REST · ${op.operationId} (${op.method} ${op.path})`, {
        value: `rest:${op.operationId}`,
      }),
    ),
    ...tools.map((tool) => el('option', `MCP · ${tool.name}`, { value: `mcp:${tool.name}` })),
  ];
  const chosen = select.value;
  select.replaceChildren(...options);
  if (chosen) select.value = chosen;
  // the same target keeps its fields, and what was typed in them
  if (select.value !== chosen || !document.getElementById('fields').childElementCount)
    renderFields();
}
function renderFields() {
  const [kind, name] = document.getElementById('target').value.split(/:(.*)/s);
  const box = document.getElementById('fields');
  if (kind === 'rest') {
    const op = panel.operations.find((o) => o.operationId === name);
    box.replaceChildren(
      ...op.parameters.map((p) =>
        field(`param:${p.name}`, `${p.name} (${p.in}${p.required ? ', required' : ''})`),
      ),
      ...(op.body ? [field('body', 'body (JSON)', skeleton(op.body.schema))] : []),
    );
  } else if (kind === 'mcp') {
    const tool = tools.find((t) => t.name === name);
    const schema = tool.inputSchema || {};
    const required = schema.required || [];
    box.replaceChildren(
      ...Object.entries(schema.properties || {}).map(([key, s]) =>
        field(
          `arg:${key}`,
          `${key} (${[s.type].flat().join(' | ') || 'any'}${required.includes(key) ? ', required' : ''})`,
        ),
      ),
    );
  } else box.replaceChildren();
}
function showResult(lines, answer, ok) {
  const box = document.getElementById('result');
  box.replaceChildren(
    el('h3', 'request'),
    el('pre', lines.join('\n'), { id: 'request' }),
    el('h3', 'answer'),
    el('pre', answer, { id: 'answer', class: ok ? 'ok' : 'bad', role: ok ? 'status' : 'alert' }),
  );
}

async function send(event) {
  event.preventDefault();
  const [kind, name] = document.getElementById('target').value.split(/:(.*)/s);
  const inputs = [...document.querySelectorAll('#fields [name]')];
  const bearer = kind === 'mcp' ? mcpBearer() : token;
  const auth = bearer ? 'Authorization: Bearer ••••' : 'no credentials';
  try {
    if (kind === 'rest') {
      const params = Object.fromEntries(
        inputs.filter((i) => i.name.startsWith('param:')).map((i) => [i.name.slice(6), i.value]),
      );
      const body = inputs.find((i) => i.name === 'body')?.value;
      const op = panel.operations.find((o) => o.operationId === name);
      showResult(
        [
          `${op.method} ${op.path}`,
          `parameters ${JSON.stringify(params)}`,
          auth,
          ...(body ? [body] : []),
        ],
        'sending…',
        true,
      );
      const r = await post('/api/call', { url: panel.url, operationId: name, params, body, token });
      const checks = r.problems.length
        ? r.problems.map((p) => `✗ ${p}`)
        : ['✓ the answer matches the spec'];
      showResult(
        [
          `${op.method} ${op.path}`,
          `parameters ${JSON.stringify(params)}`,
          auth,
          ...(body ? [body] : []),
        ],
        [`${r.status} in ${r.ms} ms`, ...checks, '', r.text].join('\n'),
        r.status < 400 && !r.problems.length,
      );
      addLog(panel.url, { kind: 'REST', name, outcome: r.status, ms: r.ms });
    } else {
      const tool = tools.find((t) => t.name === name);
      const props = (tool.inputSchema || {}).properties || {};
      const args = Object.fromEntries(
        inputs
          .filter((i) => i.value !== '')
          .map((i) => [i.name.slice(4), typed(i.value, props[i.name.slice(4)])]),
      );
      const request = [`tools/call ${name}`, JSON.stringify(args, null, 2), auth];
      showResult(request, 'sending…', true);
      const r = await post('/api/mcp', {
        url: panel.url,
        tool: name,
        arguments: args,
        token: bearer,
      });
      showResult(
        request,
        [`${r.isError ? 'tool error' : 'result'} in ${r.ms} ms`, '', r.text].join('\n'),
        !r.isError,
      );
      addLog(panel.url, { kind: 'MCP', name, outcome: r.isError ? 'tool error' : 'ok', ms: r.ms });
    }
  } catch (err) {
    showResult([`${kind} ${name}`, auth], `✗ ${err.message}`, false);
    addLog(panel.url, { kind: kind.toUpperCase(), name, outcome: 'failed', ms: 0 });
  }
}

if (panel) {
  renderAuth();
  renderTargets();
  listTools();
  renderLog();
  document.getElementById('target').addEventListener('change', renderFields);
  document.getElementById('try').addEventListener('submit', send);
  document.getElementById('clear-log').addEventListener('click', clearLog);
}
