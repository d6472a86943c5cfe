type Env = Record<string, string | undefined>;

export interface SettingOptions {
  /** The public value used in development when the variable is unset; documented in the README. */
  devDefault: string;
  /** Under `NODE_ENV=production` an unset variable or the default stops the app. */
  production: boolean;
  /** Where the announcement that a default is in use goes (printed at start-up). */
  notices: string[];
  /** The shortest value production accepts. */
  minLength?: number;
}

/**
 * Reads `name` from `env`: a secret, or any setting that must be chosen for production. In
 * development an unset variable falls back to the public default and says so in `notices` (by
 * name, never by value). In production it throws, naming the variable, when the value is unset,
 * is the public default, or is shorter than `minLength`.
 */
export function readSetting(env: Env, name: string, options: SettingOptions): string {
  const value = env[name]?.trim() ?? '';
  if (options.production) {
    if (value === '') throw new Error(`\`${name}\` must be set when NODE_ENV=production`);
    if (value === options.devDefault) {
      throw new Error(
        `\`${name}\` is the public development default; set a real value in production`,
      );
    }
    const min = options.minLength ?? 1;
    if (value.length < min) {
      throw new Error(`\`${name}\` must be at least ${min} characters in production`);
    }
    return value;
  }
  if (value !== '') return value;
  options.notices.push(
    `\`${name}\` is not set: using its public development default (see the README)`,
  );
  return options.devDefault;
}
