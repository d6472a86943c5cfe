import { readFileSync } from 'node:fs';
import { fillPlaceholders } from '@repo/http';
import {
  describeIssues,
  manifestSchema,
  type Manifest,
  type ManifestAuth,
} from './manifest-schema';

export interface LoadManifestOptions {
  /** Replaces the file's `auth` block: the app builds it from the config its auth check uses. */
  auth?: ManifestAuth;
}

/** A validated manifest template and the paths on this server that it names. */
export interface PluginManifest {
  /** The manifest for a given public origin (placeholders filled). */
  render(origin: string): Manifest;
  /** Path of the spec (`api.url`), of the logo and of the examples file on this server. */
  specPath: string;
  logoPath: string;
  examplesPath: string | undefined;
}

const PROBE_ORIGIN = 'http://plugin.invalid';

function localPath(url: string, field: string): string {
  if (!url.startsWith(PROBE_ORIGIN + '/')) {
    throw new Error(`manifest \`${field}\` must start with PLUGIN_HOSTNAME/ so it is served here`);
  }
  return new URL(url).pathname;
}

/**
 * Reads an ai-plugin.json template, validates it (with every placeholder filled) against the
 * manifest schema, and returns it ready to render per origin. Throws at start-up, naming the file
 * and each offending field, when the manifest is not valid.
 */
export function loadManifest(
  file: string | URL,
  options: LoadManifestOptions = {},
): PluginManifest {
  const text = readFileSync(file, 'utf8');
  const parse = (origin: string): unknown => {
    const value = JSON.parse(fillPlaceholders(text, origin)) as Record<string, unknown>;
    return options.auth ? { ...value, auth: fillAuth(options.auth, origin) } : value;
  };
  let probe: unknown;
  try {
    probe = parse(PROBE_ORIGIN);
  } catch (err) {
    throw new Error(`${String(file)} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const checked = manifestSchema.safeParse(probe);
  if (!checked.success) {
    throw new Error(
      `${String(file)} is not a valid plugin manifest:\n${describeIssues(checked.error)}`,
    );
  }
  const manifest = checked.data;
  return {
    render: (origin) => manifestSchema.parse(parse(origin)),
    specPath: localPath(manifest.api.url, 'api.url'),
    logoPath: localPath(manifest.logo_url, 'logo_url'),
    examplesPath: manifest.examples && localPath(manifest.examples.url, 'examples.url'),
  };
}

function fillAuth(auth: ManifestAuth, origin: string): ManifestAuth {
  return JSON.parse(fillPlaceholders(JSON.stringify(auth), origin)) as ManifestAuth;
}
