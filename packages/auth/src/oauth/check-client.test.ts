import { describe, expect, it } from 'vitest';
import { checkClient } from './check-client';

const client = (redirectUris: string[], extra = {}) => ({
  id: 'host',
  secret: 'host-secret',
  redirectUris,
  ...extra,
});

describe('checkClient', () => {
  it('accepts https callbacks and http on loopback', () => {
    expect(() =>
      checkClient(
        client([
          'https://chat.openai.com/aip/p-1/oauth/callback',
          'http://localhost:8976/cb',
          'http://127.0.0.1:9/cb',
        ]),
      ),
    ).not.toThrow();
  });

  it.each([
    ['plain http on a public host', 'http://host.example/cb', 'must be https'],
    ['a fragment', 'https://host.example/cb#x', 'query or a fragment'],
    ['a query', 'https://host.example/cb?x=1', 'query or a fragment'],
    ['a relative URI', '/cb', 'not an absolute URL'],
    ['a non-canonical spelling', 'https://HOST.example/cb', 'must be written as'],
    ['a custom scheme', 'javascript://host.example/cb', 'must be https'],
  ])('refuses a redirect URI with %s', (_, uri, message) => {
    expect(() => checkClient(client([uri]))).toThrow(message);
  });

  it('refuses no redirect URIs, and ids or secrets that form-encoding would change', () => {
    expect(() => checkClient(client([]))).toThrow('at least one redirect URI');
    expect(() => checkClient(client(['https://h.example/cb'], { id: 'a b' }))).toThrow(
      'client `id`',
    );
    expect(() => checkClient(client(['https://h.example/cb'], { secret: 'a+b' }))).toThrow(
      'client `secret`',
    );
  });
});
