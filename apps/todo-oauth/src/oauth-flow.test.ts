import { describe, expect, it } from 'vitest';
import { CALLBACK, FakeHost, formFields, pkcePair, testApp } from '../test/fake-host';

describe('the OAuth flow, as the plugin host runs it', () => {
  it('goes authorize → sign in → consent → code and state → token (JSON) → API → refresh', async () => {
    const host = new FakeHost(await testApp());
    const state = 'st/+ate= with spaces & "quotes"';

    const page = await host.authorize({ state });
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain(
      "form-action 'self' https://chat.openai.com",
    );
    expect(page.text).toContain('Add todos to your list and delete them');
    const fields = formFields(page.text);
    expect(fields.state).toBe(state);
    expect(fields.csrf_token).toBeTruthy();

    const signedIn = await host.submit(fields);
    expect(signedIn.status).toBe(302);
    const back = new URL(signedIn.headers.location as string);
    expect(back.origin + back.pathname).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f]{64}$/);

    const token = await host.exchange(code);
    expect(token.status).toBe(200);
    expect(token.headers['cache-control']).toBe('no-store');
    expect(token.headers.pragma).toBe('no-cache');
    expect(token.body).toMatchObject({ token_type: 'Bearer', scope: 'todos:read todos:write' });
    // The library counts the seconds left when it answers: an hour, less the time spent getting there.
    expect(token.body.expires_in).toBeGreaterThanOrEqual(3598);
    expect(token.body.expires_in).toBeLessThanOrEqual(3600);
    const { access_token: access, refresh_token: refresh } = token.body as Record<string, string>;
    expect(access).not.toBe(refresh);

    const added = await host.api('post', '/todos', access!).send({ todo: 'Buy milk' });
    expect(added.status).toBe(201);
    expect((await host.api('get', '/todos', access!)).body).toEqual({ todos: ['Buy milk'] });

    const renewed = await host.refresh(refresh!);
    expect(renewed.status).toBe(200);
    expect(renewed.headers['cache-control']).toBe('no-store');
    expect(renewed.body.refresh_token).not.toBe(refresh);
    expect(renewed.body.access_token).not.toBe(access);
    expect((await host.api('get', '/todos', renewed.body.access_token)).body).toEqual({
      todos: ['Buy milk'],
    });
    // Rotation: the refresh token just used is spent.
    const again = await host.refresh(refresh!);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('takes the code exchange as a form body with HTTP Basic client credentials too', async () => {
    const host = new FakeHost(await testApp());
    const back = await host.consent();
    const res = await host.exchange(back.searchParams.get('code')!, { as: 'form', basic: true });
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe('Bearer');
    expect((await host.api('get', '/todos', res.body.access_token)).status).toBe(200);
  });

  it('takes the code exchange as a form body with the client credentials in it', async () => {
    const host = new FakeHost(await testApp());
    const back = await host.consent();
    const res = await host.exchange(back.searchParams.get('code')!, { as: 'form' });
    expect(res.status).toBe(200);
  });

  it('honours PKCE S256 when the client sends it, and refuses a wrong or missing verifier', async () => {
    const host = new FakeHost(await testApp());
    const { verifier, challenge } = pkcePair();
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };

    const good = await host.consent('alice', pkce);
    const ok = await host.exchange(good.searchParams.get('code')!, {
      body: { code_verifier: verifier },
    });
    expect(ok.status).toBe(200);

    const wrong = await host.consent('alice', pkce);
    const bad = await host.exchange(wrong.searchParams.get('code')!, {
      body: { code_verifier: pkcePair().verifier },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_grant');

    const missing = await host.consent('alice', pkce);
    const none = await host.exchange(missing.searchParams.get('code')!);
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('invalid_grant');
  });

  it('refuses PKCE `plain`: the error goes back to the client with the state', async () => {
    const host = new FakeHost(await testApp());
    const res = await host.authorize({
      code_challenge: pkcePair().verifier,
      code_challenge_method: 'plain',
    });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.location as string);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('state')).toBe('state-1');
  });

  it('sends `access_denied` and the state back when the user denies, without signing in', async () => {
    const host = new FakeHost(await testApp());
    const page = await host.authorize();
    const res = await host.submit(formFields(page.text), {
      decision: 'deny',
      username: undefined,
      password: undefined,
    });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.location as string);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-1');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('sends the code to whichever allowed redirect_uri the host named', async () => {
    const host = new FakeHost(await testApp());
    const back = await host.consent('alice', {
      redirect_uri: 'https://chatgpt.com/aip/plugin-test/oauth/callback',
    });
    expect(back.origin).toBe('https://chatgpt.com');
    const res = await host.exchange(back.searchParams.get('code')!, {
      body: { redirect_uri: 'https://chatgpt.com/aip/plugin-test/oauth/callback' },
    });
    expect(res.status).toBe(200);
  });
});
