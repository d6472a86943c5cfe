import { charCount, jsonPath } from './json-path';
import { checkRules, type Rule, type RuleFinding, type RuleSeverity } from './rules';

// ERNIE Bot (文心一言) rules for ai-plugin.json, from its plugin guide (§1.1). They are stricter
// than the OpenAI limits `manifestSchema` checks, and are checked on top of it, not instead.

/** The manifest as ERNIE reads it: the file's text and the object parsed from it. */
export interface ManifestInput {
  text: string;
  manifest: Record<string, unknown>;
}

function maxLength(
  field: string,
  max: number,
  severity: RuleSeverity,
  fix: string,
): Rule<ManifestInput> {
  return {
    id: `ernie/${field.replace(/_/g, '-')}`,
    severity,
    path: jsonPath(field),
    fix,
    check({ manifest }) {
      const value = manifest[field];
      if (typeof value !== 'string' || charCount(value) <= max) return [];
      return [
        {
          path: jsonPath(field),
          message: `\`${field}\` is ${charCount(value)} characters; ERNIE allows ${max}`,
        },
      ];
    },
  };
}

export const ERNIE_MANIFEST_RULES: readonly Rule<ManifestInput>[] = [
  {
    id: 'ernie/manifest-length',
    severity: 'warning',
    path: '$',
    fix: 'shorten the descriptions: ERNIE advises at most 1500 characters for the whole file',
    check({ text }) {
      const count = charCount(text);
      return count <= 1500
        ? []
        : [
            {
              path: '$',
              message: `ai-plugin.json is ${count} characters; ERNIE advises at most 1500`,
            },
          ];
    },
  },
  {
    id: 'ernie/name-for-model',
    severity: 'error',
    path: '$.name_for_model',
    fix: 'use 1 to 20 letters and digits, no spaces or `_`: it is the plugin’s unique id',
    check({ manifest }) {
      const value = manifest.name_for_model;
      if (typeof value === 'string' && /^[A-Za-z0-9]{1,20}$/.test(value)) return [];
      return [
        {
          path: '$.name_for_model',
          message: '`name_for_model` must be 1 to 20 letters and digits',
        },
      ];
    },
  },
  maxLength('name_for_human', 20, 'error', 'shorten `name_for_human` to 20 characters'),
  maxLength(
    'description_for_model',
    200,
    'warning',
    'keep `description_for_model` to what triggers the plugin, in 200 characters',
  ),
  maxLength(
    'description_for_human',
    100,
    'error',
    'shorten `description_for_human` to 100 characters (ERNIE shows the first 40)',
  ),
  {
    id: 'ernie/examples-url',
    severity: 'warning',
    path: '$.examples.url',
    fix: 'add `"examples": {"url": "PLUGIN_HOSTNAME/.well-known/example.yaml"}` and serve that file',
    check({ manifest }) {
      const examples = manifest.examples as { url?: unknown } | undefined;
      if (typeof examples?.url === 'string' && examples.url !== '') return [];
      return [
        {
          path: '$.examples.url',
          message:
            'there is no `examples.url`: ERNIE triggers the plugin less accurately without examples',
        },
      ];
    },
  },
];

/**
 * Checks an ai-plugin.json text (as written, or as served) against ERNIE's rules. Throws when it
 * is not a JSON object: that is for `loadManifest` to report, not a rule.
 */
export function checkErnieManifest(text: string): RuleFinding[] {
  const manifest: unknown = JSON.parse(text);
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error('ai-plugin.json must hold a JSON object');
  }
  return checkRules(ERNIE_MANIFEST_RULES, { text, manifest: manifest as Record<string, unknown> });
}
