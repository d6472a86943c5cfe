import type { Rule } from '@repo/lint';

/** A file the linter tried to read, and what went wrong if anything did. */
export interface ReadInput {
  what: 'manifest' | 'spec' | 'logo' | 'examples';
  error?: string | undefined;
}

// Reachability comes first: "error fetching manifest" is the message hosts gave with no reason.
export const FETCH_RULES: readonly Rule<ReadInput>[] = (
  ['manifest', 'spec', 'logo', 'examples'] as const
).map((what) => ({
  id: `fetch/${what}`,
  severity: 'error',
  path:
    what === 'manifest'
      ? '$'
      : { spec: '$.api.url', logo: '$.logo_url', examples: '$.examples.url' }[what],
  fix:
    what === 'manifest'
      ? 'serve the manifest at /.well-known/ai-plugin.json with status 200'
      : `serve the ${what} at the URL the manifest names, with status 200`,
  check: (input: ReadInput) =>
    input.what === what && input.error ? [{ path: '$', message: input.error }] : [],
}));

/** Rules on the files' syntax, before any rule can read them. */
export const PARSE_RULES: readonly Rule<{
  what: 'manifest' | 'spec';
  error?: string | undefined;
}>[] = [
  {
    id: 'manifest/valid-json',
    severity: 'error',
    path: '$',
    fix: 'make ai-plugin.json a valid JSON object',
    check: (input) =>
      input.what === 'manifest' && input.error ? [{ path: '$', message: input.error }] : [],
  },
  {
    id: 'spec/valid-yaml',
    severity: 'error',
    path: '$',
    fix: 'make the spec valid YAML (or JSON)',
    check: (input) =>
      input.what === 'spec' && input.error ? [{ path: '$', message: input.error }] : [],
  },
];
