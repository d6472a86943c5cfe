import { describe, expect, it } from 'vitest';
import { TOKEN_PATH } from '@repo/auth';
import { CLIENT, FakeHost, OTHER_CALLBACK, testApp } from '../test/fake-host';

const codeOf = (back: URL) => back.searchParams.get('code')!;

describe('the token endpoint refuses misuse with RFC 6749 §5.2 errors', () => {
  it('refuses a reused code, and revokes the tokens the first use issued (RFC 6749 §4.1.2)', async () => {
    const host = new FakeHost(await testApp());
    const code = codeOf(await host.consent());
    const first = await host.exchange(code);
    expect(first.status).toBe(200);
    const second = await host.exchange(code);
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ error: 'invalid_grant' });
    expect(second.headers['cache-control']).toBe('no-store');
    expect((await host.api('get', '/todos', first.body.access_token)).status).toBe(401);
    expect((await host.refresh(first.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('refuses a code past its five minutes, by the injected clock', async () => {
    let now = Date.now();
    const host = new FakeHost(await testApp({ now: () => now }));
    const early = codeOf(await host.consent());
    const late = codeOf(await host.consent());
    now += 5 * 60_000 - 1_000;
    expect((await host.exchange(early)).status).toBe(200);
    now += 1_000;
    const res = await host.exchange(late);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('stops honouring an access token after its hour, but its refresh token still works', async () => {
    let now = Date.now();
    const host = new FakeHost(await testApp({ now: () => now }));
    const tokens = await host.signIn();
    now += 3600_000;
    const res = await host.api('get', '/todos', tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    expect((await host.refresh(tokens.refresh_token)).status).toBe(200);
  });

  it('refuses a wrong client secret in the body with a 400 invalid_client', async () => {
    const host = new FakeHost(await testApp());
    const res = await host.exchange(codeOf(await host.consent()), {
      body: { client_secret: 'not-the-secret' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_client');
  });

  it('refuses a wrong client secret in HTTP Basic with a 401 and a Basic challenge', async () => {
    const host = new FakeHost(await testApp());
    const code = codeOf(await host.consent());
    const res = await host.server
      .post(TOKEN_PATH)
      .auth(CLIENT.id, 'not-the-secret')
      .type('form')
      .send({ grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUris[0] });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers['www-authenticate']).toMatch(/^Basic /);
  });

  it('requires client authentication, even with a PKCE verifier', async () => {
    const host = new FakeHost(await testApp());
    const code = codeOf(await host.consent());
    const res = await host.server
      .post(TOKEN_PATH)
      .type('json')
      .send({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLIENT.redirectUris[0],
        client_id: CLIENT.id,
        code_verifier: 'a'.repeat(43),
      });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });

  it('refuses client credentials sent two ways at once', async () => {
    const host = new FakeHost(await testApp());
    const code = codeOf(await host.consent());
    const res = await host.exchange(code, { basic: true, body: { client_secret: CLIENT.secret } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('refuses a redirect_uri other than the one the code was issued to, and spends the code', async () => {
    const host = new FakeHost(await testApp());
    const code = codeOf(await host.consent());
    const wrong = await host.exchange(code, { body: { redirect_uri: OTHER_CALLBACK } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect((await host.exchange(code)).body.error).toBe('invalid_grant');
  });

  it('refuses a tampered code and a tampered refresh token', async () => {
    const host = new FakeHost(await testApp());
    const code = codeOf(await host.consent());
    const flipped = (s: string) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0');
    expect((await host.exchange(flipped(code))).body.error).toBe('invalid_grant');
    const tokens = await host.signIn();
    expect((await host.refresh(flipped(tokens.refresh_token))).body.error).toBe('invalid_grant');
  });

  it('treats a replayed refresh token as theft: the whole grant is revoked (RFC 9700 §4.14.2)', async () => {
    const host = new FakeHost(await testApp());
    const tokens = await host.signIn();
    const renewed = await host.refresh(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await host.refresh(tokens.refresh_token)).body.error).toBe('invalid_grant');
    expect((await host.api('get', '/todos', renewed.body.access_token)).status).toBe(401);
    expect((await host.refresh(renewed.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('refuses the grants this client may not use', async () => {
    const host = new FakeHost(await testApp());
    const send = (grant: string) =>
      host.server.post(TOKEN_PATH).type('json').send({
        grant_type: grant,
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        username: 'alice',
        password: 'alice-password',
      });
    expect((await send('password')).body.error).toBe('unauthorized_client');
    expect((await send('client_credentials')).body.error).toBe('unauthorized_client');
    expect((await send('urn:example:nothing')).body.error).toBe('unsupported_grant_type');
  });

  it('answers a broken or non-string body with invalid_request, never a 500', async () => {
    const host = new FakeHost(await testApp());
    const broken = await host.server.post(TOKEN_PATH).type('json').send('{"grant_type":');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('invalid_request');
    const typed = await host.server
      .post(TOKEN_PATH)
      .type('json')
      .send({ grant_type: 'authorization_code', code: 42 });
    expect(typed.status).toBe(400);
    expect(typed.body).toMatchObject({
      error: 'invalid_request',
      error_description: '`code` must be one string',
    });
  });
});
