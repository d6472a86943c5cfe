import { load } from 'js-yaml';
import { imageInfo, type RuleFinding } from '@repo/lint';
import { dereferenceSpec, listOperations, type OpenApiDocument } from '@repo/openapi';
import { HOSTS, lintPlugin, pluginSource, type PluginSource } from '@repo/plugin-cli';
import type { OriginGuard } from './origin-guard';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One operation as the try-it form needs it. */
export interface OperationView {
  operationId: string;
  method: string;
  path: string;
  summary?: string | undefined;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  body?: { required: boolean; schema: unknown } | undefined;
}

/** Everything the plugin page shows, as the console's server read it. */
export interface PluginView {
  url: string;
  origin: string;
  manifest?: Json | undefined;
  logo?: string | undefined;
  operations: OperationView[];
  /** The linter's findings, by the host whose rules they are. */
  findings: Record<string, RuleFinding[]>;
}

// A finding's rule id starts with the rule set it belongs to.
const GROUPS: [string, RegExp][] = [
  ['Every host: the files', /^(fetch|manifest|spec|logo)\//],
  ['OpenAI plugin', /^openai\//],
  ['GPT Actions', /^actions\//],
  ['ERNIE Bot', /^ernie\//],
  ['MCP', /^mcp\//],
];

/** A plugin's source whose every read goes through the guard, each URL read once. */
function guardedSource(url: string, guard: OriginGuard): PluginSource {
  const source = pluginSource(url);
  const read = new Map<string, ReturnType<PluginSource['read']>>();
  return {
    ...source,
    fetch: guard.fetch,
    read: (at) => {
      if (!guard.allows(at))
        return Promise.resolve({
          url: at,
          error: `not fetched: ${new URL(at).origin} was not typed in`,
        });
      if (!read.has(at)) read.set(at, source.read(at));
      return read.get(at)!;
    },
  };
}

async function readJson(source: PluginSource, url: string): Promise<Json | undefined> {
  const file = await source.read(url);
  try {
    return file.bytes ? (JSON.parse(file.bytes.toString('utf8')) as Json) : undefined;
  } catch {
    return undefined; // the findings say why
  }
}

function operationsOf(text: string): OperationView[] {
  try {
    return listOperations(dereferenceSpec(load(text) as OpenApiDocument)).map((op) => ({
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      summary: op.definition.summary,
      parameters: op.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: p.schema ?? {},
      })),
      body: op.requestBody && {
        required: Boolean(op.requestBody.required),
        schema: op.requestBody.content['application/json']?.schema ?? {},
      },
    }));
  } catch {
    return []; // a spec the linter reports as broken has no operations to try
  }
}

/**
 * Reads a plugin as a host does (manifest, spec, logo), lints it for every host, and lists its
 * operations. Reads only what `guard` allows; throws when `url` is no http(s) URL.
 */
export async function readPlugin(url: string, guard: OriginGuard): Promise<PluginView> {
  guard.check(url);
  const source = guardedSource(url, guard);
  const report = await lintPlugin(source, [...HOSTS]);
  const view: PluginView = { url, origin: source.origin, operations: [], findings: {} };
  for (const [name, pattern] of GROUPS)
    view.findings[name] = report.findings.filter((f) => pattern.test(f.rule));
  view.manifest = await readJson(source, source.manifestUrl);
  const at = (value: unknown) =>
    typeof value === 'string' && URL.canParse(value, source.manifestUrl)
      ? new URL(value, source.manifestUrl).href
      : undefined;
  const specUrl = at(view.manifest?.api?.url);
  const spec = specUrl && (await source.read(specUrl)).bytes;
  if (spec) view.operations = operationsOf(spec.toString('utf8'));
  const logoUrl = at(view.manifest?.logo_url);
  const logo = logoUrl && (await source.read(logoUrl)).bytes;
  // Shown from the bytes the server read, so the browser fetches nothing from the plugin.
  const format = logo && imageInfo(logo).format;
  if (logo && (format === 'png' || format === 'jpeg'))
    view.logo = `data:image/${format};base64,${logo.toString('base64')}`;
  return view;
}
