import { ACTIONS_OPERATION_RULES } from './actions-operation-rules';
import { LOOPBACK, securitySchemes, serverUrl, type Finding } from './actions-support';
import { jsonPath } from './json-path';
import type { SpecLintInput } from './openai-spec-rules';
import type { Rule } from './rules';
import { specOperations } from './spec-operations';

// GPT Actions' rules for the spec a builder imports into a custom GPT, from OpenAI's
// "Production notes on GPT Actions" (https://developers.openai.com/api/docs/actions/production)
// and "GPT Action authentication" (https://developers.openai.com/api/docs/actions/authentication).
// The length limits those pages give (summary 300, parameter description 700) and the answer's
// 100,000 characters are OpenAI rules every host gets (openai-spec-rules.ts, response-rules.ts).
// What the pages state is an `error`; what they do not is a `warning`.

const ALLOWED_OAUTH_HOSTS =
  /(^|\.)(google\.com|googleapis\.com|microsoftonline\.com|adobelogin\.com)$/;

export const ACTIONS_SPEC_RULES: readonly Rule<SpecLintInput>[] = [
  {
    // Production notes: "TLS 1.2 or later on port 443 with a valid public certificate".
    id: 'actions/https-server',
    severity: 'error',
    path: '$.servers[0].url',
    fix: 'serve the API over https on port 443 and name that origin in `servers[0].url`',
    check: ({ document }) => {
      const url = serverUrl(document);
      if (url && LOOPBACK.test(url.hostname)) return []; // actions/public-server says so
      if (url?.protocol === 'https:' && url.port === '') return [];
      const shown = url ? url.href : 'missing or not an absolute URL';
      return [
        {
          path: '$.servers[0].url',
          message: `\`servers[0].url\` is ${shown}, not https on port 443`,
        },
      ];
    },
  },
  {
    id: 'actions/public-server',
    severity: 'warning',
    path: '$.servers[0].url',
    fix: 'fine for a local check; to import the spec, serve it at a public https origin (PUBLIC_BASE_URL)',
    check: ({ document }) => {
      const url = serverUrl(document);
      if (!url || !LOOPBACK.test(url.hostname)) return [];
      return [
        {
          path: '$.servers[0].url',
          message: `\`servers[0].url\` ${url.origin} is loopback: a GPT cannot reach it`,
        },
      ];
    },
  },
  {
    // OpenAPI 3.0.3 §4.7.10: an operationId "MUST be unique among all operations described".
    id: 'actions/operation-id-unique',
    severity: 'error',
    path: '$.paths.*.*.operationId',
    fix: 'give each operation its own `operationId`: the GPT calls operations by it',
    check: ({ document }) => {
      const seen = new Set<string>();
      return specOperations(document).flatMap((op): Finding[] => {
        if (!op.operationId || !seen.has(op.operationId)) {
          if (op.operationId) seen.add(op.operationId);
          return [];
        }
        return [
          {
            path: jsonPath(...op.steps, 'operationId'),
            message: `\`${op.operationId}\` names two operations`,
          },
        ];
      });
    },
  },
  {
    // Authentication page: "None", "API Key" or "OAuth". That an API key goes as Basic, Bearer
    // or a custom header, and OAuth as the authorization-code grant, is from the editor, not a page.
    id: 'actions/auth-scheme',
    severity: 'warning',
    path: '$.components.securitySchemes',
    fix: 'use no auth, an API key (http bearer or basic, or apiKey in a header) or oauth2 authorizationCode',
    check: ({ document }) =>
      securitySchemes(document).flatMap(([name, s]): Finding[] => {
        const ok =
          (s.type === 'http' && /^(bearer|basic)$/i.test(String(s.scheme))) ||
          (s.type === 'apiKey' && s.in === 'header') ||
          (s.type === 'oauth2' &&
            !!(s.flows as { authorizationCode?: unknown } | undefined)?.authorizationCode);
        if (ok) return [];
        const what = [s.type, s.scheme ?? s.in].filter((x) => typeof x === 'string').join(' ');
        return [
          {
            path: jsonPath('components', 'securitySchemes', name),
            message: `\`${name}\` is ${what || 'untyped'}, which Actions cannot send`,
          },
        ];
      }),
  },
  {
    // Production notes: but for Google, Microsoft and Adobe, "all domains used in an OAuth flow
    // must be the same as the domain used for the primary endpoints".
    id: 'actions/oauth-domain',
    severity: 'error',
    path: '$.components.securitySchemes.*.flows',
    fix: 'serve the OAuth endpoints on the API’s own domain',
    check: ({ document }) => {
      const api = serverUrl(document)?.hostname;
      if (!api) return [];
      return securitySchemes(document).flatMap(([name, s]) =>
        Object.entries((s.flows ?? {}) as Record<string, Record<string, unknown> | null>).flatMap(
          ([flow, urls]) =>
            ['authorizationUrl', 'tokenUrl', 'refreshUrl'].flatMap((key): Finding[] => {
              const value = urls?.[key];
              if (typeof value !== 'string' || !URL.canParse(value)) return [];
              const host = new URL(value).hostname;
              if (host === api || ALLOWED_OAUTH_HOSTS.test(host)) return [];
              const path = jsonPath('components', 'securitySchemes', name, 'flows', flow, key);
              return [{ path, message: `\`${key}\` is on ${host}, the API on ${api}` }];
            }),
        ),
      );
    },
  },
  ...ACTIONS_OPERATION_RULES,
];
