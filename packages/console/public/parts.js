/* global document */
// Small helpers of the console's page: elements, the console's API, form fields, the call log.
// Every value from a plugin goes in with textContent, never as markup.

const LOG_KEY = 'plugin-console-log';

export function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

export async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({ message: `the console answered ${res.status}` }));
  if (!res.ok) throw new Error(answer.message || `the console answered ${res.status}`);
  return answer;
}

export function renderLog() {
  const list = document.getElementById('log');
  const entries = JSON.parse(localStorage.getItem(LOG_KEY) || '[]');
  list.replaceChildren(
    ...entries.map((e) =>
      el('li', `${e.at} ${e.plugin} ${e.kind} ${e.name} → ${e.outcome} (${e.ms} ms)`),
    ),
  );
}

export function addLog(plugin, entry) {
  const entries = JSON.parse(localStorage.getItem(LOG_KEY) || '[]');
  entries.unshift({ at: new Date().toLocaleTimeString(), plugin, ...entry });
  localStorage.setItem(LOG_KEY, JSON.stringify(entries.slice(0, 100)));
  renderLog();
}
export function field(name, label, value = '') {
  const input = el(name === 'body' ? 'textarea' : 'input', undefined, { name });
  input.value = value;
  const wrapper = el('label', `${label} `);
  wrapper.append(input);
  return wrapper;
}

export function skeleton(schema) {
  const properties = (schema && schema.properties) || {};
  return JSON.stringify(Object.fromEntries(Object.keys(properties).map((k) => [k, ''])), null, 2);
}
export function typed(text, schema = {}) {
  const types = [schema.type].flat();
  if (
    (types.includes('integer') || types.includes('number')) &&
    text.trim() !== '' &&
    !isNaN(Number(text))
  )
    return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.includes('object') || types.includes('array')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function clearLog() {
  localStorage.removeItem(LOG_KEY);
  renderLog();
}
