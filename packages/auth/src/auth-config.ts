/**
 * How a plugin authenticates the host's calls. One value drives both the check on every API
 * request and the manifest's `auth` block, so the two cannot disagree.
 */
export type AuthConfig = { type: 'none' };

/** The manifest `auth` block that announces `config` to hosts. */
export function manifestAuth(config: AuthConfig): { type: 'none' } {
  return { type: config.type };
}
