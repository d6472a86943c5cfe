import { manifestAuthSchema } from '@repo/manifest';
import { jsonPath } from './json-path';
import type { Rule } from './rules';
import {
  REQUIRED,
  isAbsolute,
  maxLength,
  urls,
  type ManifestLintInput,
} from './manifest-rule-builders';

export type { ManifestLintInput } from './manifest-rule-builders';

// Rules for ai-plugin.json that every host applies (the OpenAI plugin manifest, which ERNIE Bot
// reuses), with OpenAI's length limits. ERNIE's stricter limits are in ernie-manifest-rules.ts.

const OWN_URLS = ['api.url', 'logo_url', 'examples.url'];

export const OPENAI_MANIFEST_RULES: readonly Rule<ManifestLintInput>[] = [
  {
    id: 'manifest/required-fields',
    severity: 'error',
    path: '$',
    fix: `give the manifest every required field: ${REQUIRED.join(', ')}`,
    check: ({ manifest }) =>
      REQUIRED.filter((f) => manifest[f] === undefined || manifest[f] === '').map((f) => ({
        path: jsonPath(f),
        message: `\`${f}\` is missing`,
      })),
  },
  {
    id: 'manifest/schema-version',
    severity: 'error',
    path: '$.schema_version',
    fix: 'set "schema_version": "v1"',
    check: ({ manifest }) =>
      manifest.schema_version !== undefined && manifest.schema_version !== 'v1'
        ? [
            {
              path: '$.schema_version',
              message: `\`schema_version\` is ${JSON.stringify(manifest.schema_version)}, not "v1"`,
            },
          ]
        : [],
  },
  {
    id: 'openai/name-for-model',
    severity: 'error',
    path: '$.name_for_model',
    fix: 'use at most 50 letters, digits and underscores, no spaces',
    check: ({ manifest }) => {
      const name = manifest.name_for_model;
      return typeof name === 'string' && !/^[A-Za-z0-9_]{1,50}$/.test(name)
        ? [
            {
              path: '$.name_for_model',
              message: `\`name_for_model\` ${JSON.stringify(name)} is not 1-50 letters, digits and _`,
            },
          ]
        : [];
    },
  },
  maxLength('name_for_human', 20, 'shorten the name users see to 20 characters'),
  maxLength('description_for_human', 100, 'shorten the description users see to 100 characters'),
  maxLength(
    'description_for_model',
    8000,
    'shorten the description for the model to 8000 characters',
  ),
  {
    id: 'manifest/auth',
    severity: 'error',
    path: '$.auth',
    fix: 'shape `auth` as its type requires (see the auth types in the manifest docs)',
    check: ({ manifest }) => {
      if (manifest.auth === undefined) return [];
      const result = manifestAuthSchema.safeParse(manifest.auth);
      return result.success
        ? []
        : result.error.issues.map((i) => ({
            path: jsonPath('auth', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
            message: `\`auth${i.path.map((p) => '.' + String(p)).join('')}\` ${i.message}`,
          }));
    },
  },
  {
    id: 'manifest/api',
    severity: 'error',
    path: '$.api',
    fix: 'set "api": {"type": "openapi", "url": "<absolute URL of the spec>"}',
    check: ({ manifest }) => {
      const api = manifest.api as { type?: unknown; url?: unknown } | undefined;
      return api !== undefined && (api?.type !== 'openapi' || typeof api.url !== 'string')
        ? [{ path: '$.api', message: '`api` must be {"type": "openapi", "url": …}' }]
        : [];
    },
  },
  urls(
    'manifest/absolute-urls',
    'error',
    [...OWN_URLS, 'auth.client_url', 'auth.authorization_url'],
    'write full URLs with scheme and host (https://plugin.example.com/openapi.yaml)',
    (v) => (isAbsolute(v) ? undefined : 'is not an absolute http(s) URL'),
  ),
  urls(
    'manifest/urls-on-origin',
    'error',
    OWN_URLS,
    "serve the spec, the logo and the examples from the plugin's own origin",
    (v, { origin }) =>
      origin && isAbsolute(v) && new URL(v as string).origin !== new URL(origin).origin
        ? `is not on the plugin's origin ${new URL(origin).origin}`
        : undefined,
  ),
  urls(
    'manifest/legal-info-url',
    'error',
    ['legal_info_url'],
    'link the page with your terms and privacy policy by its full URL',
    (v) => (isAbsolute(v) ? undefined : 'is not an absolute http(s) URL'),
  ),
  urls(
    'manifest/contact-email',
    'error',
    ['contact_email'],
    'give an email address hosts can reach you at',
    (v) =>
      typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)
        ? undefined
        : 'is not an email address',
  ),
  urls(
    'manifest/https',
    'warning',
    [...OWN_URLS, 'legal_info_url'],
    'serve the plugin over https once it is deployed; hosts refuse plain http outside localhost',
    (v) =>
      isAbsolute(v) &&
      (v as string).startsWith('http://') &&
      !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(v as string)
        ? 'is plain http'
        : undefined,
  ),
];
