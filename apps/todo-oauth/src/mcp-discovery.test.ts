import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { mcpApp, testApp } from '../test/fake-host';
import { MCP_CALLBACK, McpHost } from '../test/mcp-host';

describe('the metadata an MCP client discovers', () => {
  it('names this origin as issuer and authorization server, as the request reached it', async () => {
    const server = request((await testApp()).callback());
    for (const host of ['127.0.0.1:5004', 'localhost:5004']) {
      const as = await server.get('/.well-known/oauth-authorization-server').set('Host', host);
      const prm = await server.get('/.well-known/oauth-protected-resource/mcp').set('Host', host);
      const root = await server.get('/.well-known/oauth-protected-resource').set('Host', host);
      expect(as.body).toMatchObject({
        issuer: `http://${host}`,
        authorization_endpoint: `http://${host}/oauth/authorize`,
        token_endpoint: `http://${host}/oauth/token`,
        registration_endpoint: `http://${host}/oauth/register`,
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: expect.arrayContaining(['none']),
        authorization_response_iss_parameter_supported: true,
      });
      expect(prm.body).toEqual({
        resource: `http://${host}/mcp`,
        authorization_servers: [as.body.issuer],
        scopes_supported: ['todos:read', 'todos:write'],
        bearer_methods_supported: ['header'],
      });
      expect(root.body).toEqual(prm.body);
    }
  });
});

describe('dynamic client registration (RFC 7591)', () => {
  it('registers a public client with a loopback redirect URI', async () => {
    const res = await new McpHost(await mcpApp()).register();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      client_name: 'Test Host',
      redirect_uris: [MCP_CALLBACK],
      token_endpoint_auth_method: 'none',
    });
    expect(res.body.client_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ redirect_uris: ['http://evil.example/cb'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: [] }, 'invalid_redirect_uri'],
    [{ redirect_uris: Array(6).fill(MCP_CALLBACK) }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['https://host.example/cb#x'] }, 'invalid_redirect_uri'],
    [{ token_endpoint_auth_method: 'client_secret_basic' }, 'invalid_client_metadata'],
    [{ grant_types: ['client_credentials'] }, 'invalid_client_metadata'],
    [{ client_name: 'x'.repeat(101) }, 'invalid_client_metadata'],
  ])('refuses %j with %s, and registers nothing', async (metadata, error) => {
    const host = new McpHost(await mcpApp());
    const res = await host.register(metadata);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(error);
    expect(host.clientId).toBe('');
  });

  it('refuses a body over 4kb with a 413, and too many registrations from one address', async () => {
    const app = await mcpApp();
    const big = await new McpHost(app).register({ client_name: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    for (let i = 0; i < 19; i++) await new McpHost(app).register();
    const over = await new McpHost(app).register();
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toMatch(/^\d+$/);
  });
});
