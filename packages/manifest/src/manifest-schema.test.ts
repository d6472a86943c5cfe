import { describe, expect, it } from 'vitest';
import { describeIssues, manifestSchema } from './manifest-schema';

const base = {
  schema_version: 'v1',
  name_for_human: 'TODO List',
  name_for_model: 'todo',
  description_for_human: 'Keep a to-do list.',
  description_for_model: 'Manages a to-do list.',
  auth: { type: 'none' },
  api: { type: 'openapi', url: 'https://plugin.example.com/openapi.yaml' },
  logo_url: 'https://plugin.example.com/logo.png',
  contact_email: 'support@example.com',
  legal_info_url: 'https://example.com/legal',
};

const issuesOf = (value: unknown) => {
  const result = manifestSchema.safeParse(value);
  return result.success ? '' : describeIssues(result.error);
};

describe('manifestSchema', () => {
  it.each([
    { type: 'none' },
    { type: 'service_http', authorization_type: 'bearer', verification_tokens: { openai: 'abc' } },
    { type: 'service_http', authorization_type: 'basic', verification_tokens: { openai: 'abc' } },
    { type: 'user_http', authorization_type: 'bearer' },
    {
      type: 'oauth',
      client_url: 'https://plugin.example.com/oauth/authorize',
      scope: 'todos',
      authorization_url: 'https://plugin.example.com/oauth/token',
      authorization_content_type: 'application/json',
      verification_tokens: { openai: 'abc' },
    },
  ])('accepts the auth block $type', (auth) => {
    expect(issuesOf({ ...base, auth })).toBe('');
  });

  it.each([
    [
      { auth: { type: 'service_http', authorization_type: 'digest', verification_tokens: {} } },
      'auth.authorization_type',
    ],
    [{ auth: { type: 'oauth', client_url: '/oauth' } }, 'auth.client_url'],
    [{ auth: { type: 'magic' } }, 'auth.type'],
    [{ name_for_model: 'todo list' }, 'name_for_model'],
    [{ name_for_model: 'x'.repeat(51) }, 'name_for_model'],
    [{ name_for_human: 'x'.repeat(21) }, 'name_for_human'],
    [{ description_for_human: 'x'.repeat(101) }, 'description_for_human'],
    [{ api: { type: 'openapi', url: 'openapi.yaml' } }, 'api.url'],
    [{ logo_url: 'PLUGIN_HOSTNAME/logo.png' }, 'logo_url'],
    [{ contact_email: 'support' }, 'contact_email'],
    [{ legal_info_url: undefined }, 'legal_info_url'],
  ])('refuses %j, naming %s', (change, field) => {
    expect(issuesOf({ ...base, ...change })).toContain(`${field}:`);
  });
});
