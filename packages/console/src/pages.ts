import type { RuleFinding } from '@repo/lint';
import { html, jsonScript, type Html } from './html';
import type { KnownPlugin } from './known-plugins';
import type { PluginView } from './read-plugin';

/** The frame of every page: its style and script are files of the console's own origin. */
export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · plugin console</title>
        <link rel="stylesheet" href="/console.css" />
      </head>
      <body>
        <header><a href="/">plugin console</a></header>
        <main>${body}</main>
        <script type="module" src="/console.js"></script>
      </body>
    </html>`;
}

export interface PluginStatus extends KnownPlugin {
  /** `name_for_human` from its manifest, or why it could not be read. */
  title?: string | undefined;
  error?: string | undefined;
}

export function homePage(plugins: PluginStatus[]): Html {
  return layout(
    'plugins',
    html`<h1>Plugins</h1>
      <ul class="plugins">
        ${plugins.map(
          (p) =>
            html`<li>
              <a href="/plugin?url=${encodeURIComponent(p.url)}">${p.name}</a>
              <code>${p.url}</code>
              ${p.error ? html`<span class="down">${p.error}</span>` : html`<span class="up">${p.title}</span>`}
            </li>`,
        )}
      </ul>
      <form method="post" action="/plugins">
        <label
          >Another plugin's URL
          <input name="url" type="url" required placeholder="https://plugin.example.com"
        /></label>
        <button>Open</button>
      </form>
      <p class="note">
        The console reads loopback URLs and the ones you type here, nothing else.
      </p>`,
  );
}

function findingList(findings: RuleFinding[]): Html {
  if (!findings.length) return html`<p class="ok">no findings</p>`;
  return html`<ul class="findings">
    ${findings.map(
      (f) =>
        html`<li class="${f.severity}">
          <strong>${f.severity}</strong> <code>${f.rule}</code> <code>${f.path}</code>
          <div>${f.message}</div>
          <div class="fix">fix: ${f.fix}</div>
        </li>`,
    )}
  </ul>`;
}

export function pluginPage(view: PluginView, known: KnownPlugin | undefined): Html {
  const m = view.manifest ?? {};
  const auth = m.auth?.type ?? 'none';
  const panel = {
    url: view.url,
    auth,
    operations: view.operations,
    tokenHint: known?.tokenHint,
    oauth: Boolean(known?.oauth),
  };
  return layout(
    String(m.name_for_human ?? view.url),
    html`<section class="card">
        ${view.logo ? html`<img class="logo" alt="logo" src="${view.logo}" />` : html`<div class="logo none">no logo</div>`}
        <div>
          <h1>${m.name_for_human ?? 'no manifest'}</h1>
          <p>${m.description_for_human ?? ''}</p>
          <p>
            <code>${view.url}</code> · auth <code>${auth}</code> · model name
            <code>${m.name_for_model ?? ''}</code>
          </p>
        </div>
      </section>
      <h2>Findings</h2>
      ${Object.entries(view.findings).map(
        ([host, findings]) =>
          html`<h3>${host}</h3>
            ${findingList(findings)}`,
      )}
      <h2>Operations</h2>
      <table class="operations">
        <tr>
          <th>operation</th>
          <th>method</th>
          <th>path</th>
          <th>summary</th>
        </tr>
        ${view.operations.map(
          (op) =>
            html`<tr>
              <td><code>${op.operationId}</code></td>
              <td>${op.method}</td>
              <td><code>${op.path}</code></td>
              <td>${op.summary ?? ''}</td>
            </tr>`,
        )}
      </table>
      <h2>MCP tools</h2>
      <div id="tools"><p class="note">loading…</p></div>
      <h2>Try it</h2>
      <div id="auth"></div>
      <form id="try">
        <select id="target"></select>
        <div id="fields"></div>
        <button>Send</button>
      </form>
      <section id="result"></section>
      <h2>Calls from this console</h2>
      <button id="clear-log" type="button">clear</button>
      <ol id="log"></ol>
      <details>
        <summary>manifest as served</summary>
        <pre>${JSON.stringify(m, null, 2)}</pre>
      </details>
      ${jsonScript('panel', panel)}`,
  );
}

export function errorPage(message: string): Html {
  return layout(
    'error',
    html`<h1>Could not open the plugin</h1>
      <p role="alert">${message}</p>
      <p><a href="/">back to the plugins</a></p>`,
  );
}
