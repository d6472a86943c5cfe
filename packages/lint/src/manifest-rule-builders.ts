import { charCount, jsonPath } from './json-path';
import type { Rule, RuleSeverity } from './rules';

// Builders for the manifest rules in openai-manifest-rules.ts.

/** The manifest as a linter reads it, and the origin the plugin was fetched from (if any). */
export interface ManifestLintInput {
  text: string;
  manifest: Record<string, unknown>;
  origin?: string | undefined;
}

export type Finding = { path: string; message: string };
export const REQUIRED = [
  'schema_version',
  'name_for_human',
  'name_for_model',
  'description_for_human',
  'description_for_model',
  'auth',
  'api',
  'logo_url',
  'contact_email',
  'legal_info_url',
];

export function get(manifest: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], manifest);
}

export const isAbsolute = (value: unknown) =>
  typeof value === 'string' && /^https?:\/\/[^/]/.test(value) && URL.canParse(value);

export function maxLength(field: string, max: number, fix: string): Rule<ManifestLintInput> {
  return {
    id: `openai/${field.replace(/_/g, '-')}`,
    severity: 'error',
    path: jsonPath(field),
    fix,
    check: ({ manifest }) => {
      const value = manifest[field];
      return typeof value === 'string' && charCount(value) > max
        ? [
            {
              path: jsonPath(field),
              message: `\`${field}\` is ${charCount(value)} characters; the limit is ${max}`,
            },
          ]
        : [];
    },
  };
}

export function urls(
  id: string,
  severity: RuleSeverity,
  fields: string[],
  fix: string,
  bad: (value: unknown, input: ManifestLintInput) => string | undefined,
): Rule<ManifestLintInput> {
  return {
    id,
    severity,
    path: '$',
    fix,
    check: (input) =>
      fields.flatMap((field): Finding[] => {
        const value = get(input.manifest, field);
        const problem = value === undefined ? undefined : bad(value, input);
        return problem
          ? [{ path: jsonPath(...field.split('.')), message: `\`${field}\` ${problem}` }]
          : [];
      }),
  };
}
