import { load } from 'js-yaml';
import {
  ACTIONS_SPEC_RULES,
  ERNIE_EXAMPLE_RULES,
  ERNIE_MANIFEST_RULES,
  ERNIE_SPEC_RULES,
  LOGO_RULES,
  OPENAI_MANIFEST_RULES,
  OPENAI_SPEC_RULES,
  RESPONSE_RULES,
  checkRules,
  imageInfo,
  specOperations,
  type ImageInfo,
  type RuleFinding,
} from '@repo/lint';
import { specProblems, type OpenApiDocument } from '@repo/openapi';
import { FETCH_RULES, PARSE_RULES } from './fetch-rules';
import { lintMcpTools } from './mcp-lint';
import type { PluginSource } from './read-plugin';

/**
 * The rule sets a plugin is held to: `openai` always applies; `ernie` adds ERNIE Bot's, `actions`
 * GPT Actions' (for the spec a builder imports).
 */
export type Host = 'openai' | 'ernie' | 'actions';

/** Every host, for `--host all`. */
export const HOSTS: readonly Host[] = ['openai', 'ernie', 'actions'];

export interface LintReport {
  target: string;
  hosts: Host[];
  findings: RuleFinding[];
  logo?: ImageInfo & { bytes: number };
}

type Json = Record<string, unknown>;

/** Reads a plugin's manifest, spec, logo and examples, and checks them against the hosts' rules. */
export async function lintPlugin(source: PluginSource, hosts: Host[]): Promise<LintReport> {
  const report: LintReport = { target: source.target, hosts, findings: [] };
  const add = (findings: RuleFinding[]) => report.findings.push(...findings);
  const ernie = hosts.includes('ernie');

  // manifest
  const manifestFile = await source.read(source.manifestUrl);
  add(checkRules(FETCH_RULES, { what: 'manifest', error: manifestFile.error }));
  if (!manifestFile.bytes) return report;
  const text = manifestFile.bytes.toString('utf8');
  let manifest: Json;
  try {
    manifest = JSON.parse(text) as Json;
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
      throw new Error('it is not a JSON object');
  } catch (err) {
    add(
      checkRules(PARSE_RULES, {
        what: 'manifest',
        error: `ai-plugin.json: ${(err as Error).message}`,
      }),
    );
    return report;
  }
  add(checkRules(OPENAI_MANIFEST_RULES, { text, manifest, origin: source.origin }));
  add(checkRules(RESPONSE_RULES, { name: 'the manifest', text }));
  if (ernie) add(checkRules(ERNIE_MANIFEST_RULES, { text, manifest }));
  const urlOf = (value: unknown) =>
    typeof value === 'string' && URL.canParse(value, source.manifestUrl)
      ? new URL(value, source.manifestUrl).href
      : undefined;

  // spec
  const specUrl = urlOf((manifest.api as Json | undefined)?.url);
  let document: unknown;
  if (specUrl) {
    const specFile = await source.read(specUrl);
    add(checkRules(FETCH_RULES, { what: 'spec', error: specFile.error }));
    if (specFile.bytes) {
      const specText = specFile.bytes.toString('utf8');
      try {
        document = load(specText);
      } catch (err) {
        add(checkRules(PARSE_RULES, { what: 'spec', error: (err as Error).message }));
      }
      if (document !== undefined) {
        const problems = await specProblems(document);
        const openai = checkRules(OPENAI_SPEC_RULES, {
          text: specText,
          document,
          problems,
          origin: source.origin,
        });
        add(openai);
        add(checkRules(RESPONSE_RULES, { name: 'the spec', text: specText }));
        if (hosts.includes('actions'))
          add(
            checkRules(ACTIONS_SPEC_RULES, {
              text: specText,
              document,
              problems,
              origin: source.origin,
            }),
          );
        // ERNIE's rules read the operations by operationId: only a valid spec that names them all.
        const readable =
          problems.length === 0 && !openai.some((f) => f.rule === 'spec/operation-id');
        if (ernie && readable) add(checkRules(ERNIE_SPEC_RULES, { text: specText, document }));
        // MCP: a running plugin that serves /mcp must serve its spec's tools.
        if (readable && /^https?:/.test(source.target))
          add(await lintMcpTools(source.origin, document as OpenApiDocument, source.fetch));
      }
    }
  }

  // logo
  const logoUrl = urlOf(manifest.logo_url);
  if (logoUrl) {
    const logo = await source.read(logoUrl);
    add(checkRules(FETCH_RULES, { what: 'logo', error: logo.error }));
    if (logo.bytes) {
      add(checkRules(LOGO_RULES, { bytes: logo.bytes }));
      report.logo = { ...imageInfo(logo.bytes), bytes: logo.bytes.length };
    }
  }

  // examples (ERNIE)
  const examplesUrl = urlOf((manifest.examples as Json | undefined)?.url);
  if (ernie && examplesUrl) {
    const examples = await source.read(examplesUrl);
    add(checkRules(FETCH_RULES, { what: 'examples', error: examples.error }));
    if (examples.bytes) {
      const examplesText = examples.bytes.toString('utf8');
      let parsed: unknown;
      try {
        parsed = load(examplesText);
      } catch {
        parsed = undefined; // `ernie/example-format` reports a file it cannot read
      }
      const operationIds = specOperations(document).flatMap((op) => op.operationId ?? []);
      add(checkRules(ERNIE_EXAMPLE_RULES, { text: examplesText, examples: parsed, operationIds }));
    }
  }
  return report;
}
