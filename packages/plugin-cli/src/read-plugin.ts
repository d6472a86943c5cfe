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
  /** How to reach the plugin's origin for a live protocol (MCP); the global `fetch` unless given. */
  fetch?: typeof fetch;
}

const TIMEOUT_MS = 10_000;
/** The most a file (manifest, spec, logo, examples) may hold; a host reads far less. */
export const MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** A response's body, or `undefined` once it passes `max` bytes (reading stops there). */
export async function readCapped(res: Response, max = MAX_BYTES): Promise<Buffer | undefined> {
  if (Number(res.headers.get('content-length')) > max) return void (await res.body?.cancel());
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.length;
    if (size > max) return void (await reader!.cancel());
    chunks.push(Buffer.from(part.value));
  }
  return Buffer.concat(chunks);
}

/**
 * GET `url` as a host reads a plugin's file: redirects followed on its origin only (a host
 * fetching the manifest does not follow it elsewhere), at most MAX_BYTES read. Never throws.
 */
export async function fetchFile(url: string): Promise<Fetched> {
  let at = url;
  try {
    for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
      const res = await fetch(at, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        const next = new URL(location, at).href;
        if (new URL(next).origin !== new URL(url).origin)
          return {
            url,
            error: `GET ${at} redirects to ${next}, another origin: hosts read a plugin on its own origin`,
          };
        at = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { url, error: `GET ${at} answered ${res.status} ${res.statusText}` };
      }
      const bytes = await readCapped(res);
      return bytes
        ? { url, bytes }
        : { url, error: `GET ${at} answered more than ${MAX_BYTES} bytes` };
    }
    return { url, error: `GET ${url} redirected more than ${MAX_REDIRECTS} times` };
  } catch (err) {
    return { url, error: `GET ${at} failed: ${(err as Error).message}` };
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
