import type { Env } from './env';

// `NAME=value`, or `# NAME=value` for a setting shown with its default but left unset.
const SETTING = /^#?\s*([A-Z][A-Z0-9_]*)=/;

/** The variables a `.env.example` names: each `NAME=` line, commented out or not, once. */
export function envExampleNames(text: string): string[] {
  const names = text.split(/\r?\n/).flatMap((line) => SETTING.exec(line.trim())?.[1] ?? []);
  return [...new Set(names)].sort();
}

/**
 * The variables `load` (an app's `loadConfig`) reads, found by handing it an environment that
 * records every name asked for; `env` gives the values it sees. With `envExampleNames`, a test
 * keeps an app's `.env.example` and the settings it reads from drifting apart.
 * @example expect(envExampleNames(text)).toEqual(settingsRead(loadConfig))
 */
export function settingsRead(load: (env: Env) => unknown, env: Env = {}): string[] {
  const read = new Set<string>();
  const recorder = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  load(recorder);
  return [...read].sort();
}
