import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One file of a plugin as read: its text or bytes, or why it could not be read. */
export interface Fetched {
  url: string;
  bytes?: Buffer;
  error?: string;
}

/** What a host reads of a plugin, from a running server or from a folder of files. */
export interface PluginSource {
  target: string;
  /** The origin the plugin is served at; a folder is linted as if served at http://localhost. */
  origin: string;
  read(url: string): Promise<Fetched>;
  manifestUrl: string;
}

const TIMEOUT_MS = 10_000;

/** GET `url`: its bytes on a 2xx, else why not. */
export async function fetchFile(url: string): Promise<Fetched> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    const bytes = Buffer.from(await res.arrayBuffer());
    return res.ok
      ? { url, bytes }
      : { url, error: `GET ${url} answered ${res.status} ${res.statusText}` };
  } catch (err) {
    return { url, error: `GET ${url} failed: ${(err as Error).message}` };
  }
}

const DIR_ORIGIN = 'http://localhost';

function readFromDir(dir: string, url: string): Fetched {
  // A folder holds the files by name: the path the manifest names, or else its last part.
  const { pathname } = new URL(url);
  const file = [join(dir, pathname), join(dir, basename(pathname))].find((f) => existsSync(f));
  if (!file) return { url, error: `no file for ${pathname} in ${dir}` };
  const bytes = readFileSync(file);
  // Fill the placeholder the repo's templates use, as the server would.
  return {
    url,
    bytes: Buffer.from(
      bytes.toString('latin1').split('PLUGIN_HOSTNAME').join(DIR_ORIGIN),
      'latin1',
    ),
  };
}

/**
 * Where to read a plugin from: a URL (its origin, or its manifest's URL) or a folder holding
 * `ai-plugin.json` and the files it names. Throws when the target is neither.
 */
export function pluginSource(target: string): PluginSource {
  if (/^https?:\/\//.test(target)) {
    const url = new URL(target);
    const manifestUrl = url.pathname.endsWith('.json')
      ? url.href
      : new URL('/.well-known/ai-plugin.json', url).href;
    return { target, origin: url.origin, manifestUrl, read: fetchFile };
  }
  if (!existsSync(join(target, 'ai-plugin.json'))) {
    throw new Error(`\`${target}\` is neither an http(s) URL nor a folder with an ai-plugin.json`);
  }
  return {
    target,
    origin: DIR_ORIGIN,
    manifestUrl: `${DIR_ORIGIN}/ai-plugin.json`,
    read: async (url) => readFromDir(target, url),
  };
}
