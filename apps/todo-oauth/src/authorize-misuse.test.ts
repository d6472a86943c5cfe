import { describe, expect, it } from 'vitest';
import { AUTHORIZE_PATH } from '@repo/auth';
import { CALLBACK, FakeHost, formFields, testApp } from '../test/fake-host';

// An error page: HTML, a 4xx, and no redirect anywhere.
function expectErrorPage(
  res: { status: number; type: string; headers: Record<string, unknown> },
  status: number,
) {
  expect(res.status).toBe(status);
  expect(res.type).toBe('text/html');
  expect(res.headers.location).toBeUndefined();
}

describe('the authorization endpoint refuses misuse', () => {
  it('shows an error page, never a redirect, for an unknown or missing client', async () => {
    const host = new FakeHost(await testApp());
    expectErrorPage(await host.authorize({ client_id: 'someone-else' }), 400);
    expectErrorPage(await host.authorize({ client_id: undefined }), 400);
  });

  it.each([
    ['a host not on the list', 'https://attacker.example/callback'],
    ['a trailing slash', `${CALLBACK}/`],
    ['an added query', `${CALLBACK}?next=https://attacker.example`],
    [
      'a look-alike host',
      'https://chat.openai.com.attacker.example/aip/plugin-test/oauth/callback',
    ],
    ['another plugin id', 'https://chat.openai.com/aip/plugin-other/oauth/callback'],
    ['http instead of https', CALLBACK.replace('https:', 'http:')],
    ['no redirect_uri at all', undefined],
  ])('shows an error page, never a redirect, for a redirect_uri with %s', async (_, uri) => {
    const host = new FakeHost(await testApp());
    const res = await host.authorize({ redirect_uri: uri });
    expectErrorPage(res, 400);
    expect((res as unknown as { text: string }).text).not.toContain('attacker.example');
  });

  it('refuses a request without state, sending invalid_request back and no code (RFC 6749 §10.12)', async () => {
    const host = new FakeHost(await testApp());
    const res = await host.authorize({ state: undefined });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.location as string);
    expect(back.origin + back.pathname).toBe(CALLBACK);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.has('code')).toBe(false);
    expect(back.searchParams.has('state')).toBe(false);
  });

  it('refuses response types other than code, and unknown scopes, back to the client', async () => {
    const host = new FakeHost(await testApp());
    const token = new URL(
      (await host.authorize({ response_type: 'token' })).headers.location as string,
    );
    expect(token.searchParams.get('error')).toBe('unsupported_response_type');
    const scope = new URL(
      (await host.authorize({ scope: 'todos admin' })).headers.location as string,
    );
    expect(scope.searchParams.get('error')).toBe('invalid_scope');
    expect(scope.searchParams.get('state')).toBe('state-1');
  });

  it('refuses the form without its CSRF token, or with a wrong one', async () => {
    const host = new FakeHost(await testApp());
    const fields = formFields((await host.authorize()).text);
    expectErrorPage(await host.submit({ ...fields, csrf_token: '' }), 403);
    const without = { ...fields };
    delete without.csrf_token;
    expectErrorPage(await host.submit(without), 403);
    const forged = `${fields.csrf_token!.split('.')[0]}.${'A'.repeat(43)}`;
    expectErrorPage(await host.submit({ ...fields, csrf_token: forged }), 403);
  });

  it('refuses a form posted from another browser (no CSRF cookie), as a forged cross-site POST is', async () => {
    const app = await testApp();
    const fields = formFields((await new FakeHost(app).authorize()).text);
    const attacker = new FakeHost(app); // a fresh cookie jar: the victim's browser never saw the page
    expectErrorPage(await attacker.submit(fields), 403);
  });

  it('refuses a form whose request was edited after it was signed', async () => {
    const host = new FakeHost(await testApp());
    const fields = formFields((await host.authorize()).text);
    expectErrorPage(await host.submit({ ...fields, state: 'another-state' }), 403);
    const other = 'https://chatgpt.com/aip/plugin-test/oauth/callback';
    expectErrorPage(await host.submit({ ...fields, redirect_uri: other }), 403);
  });

  it('refuses a form older than ten minutes', async () => {
    let now = Date.now();
    const host = new FakeHost(await testApp({ now: () => now }));
    const fields = formFields((await host.authorize()).text);
    now += 10 * 60_000 + 1;
    expectErrorPage(await host.submit(fields), 403);
  });

  it('shows the form again after a wrong password, with no code issued', async () => {
    const host = new FakeHost(await testApp());
    const fields = formFields((await host.authorize()).text);
    const wrong = await host.submit(fields, { password: 'alice-passwordX' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.location).toBeUndefined();
    expect(wrong.text).toContain('Wrong username or password.');
    const unknown = await host.submit(fields, { username: 'mallory' });
    expect(unknown.status).toBe(401);
    // The re-rendered form works.
    const retry = await host.submit(formFields(wrong.text), { password: 'alice-password' });
    expect(retry.status).toBe(302);
    expect(new URL(retry.headers.location as string).searchParams.get('code')).toBeTruthy();
  });

  it('escapes what the request carries: a state cannot inject markup into the page', async () => {
    const host = new FakeHost(await testApp());
    const state = '"><script>alert(1)</script>';
    const page = await host.authorize({ state });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>');
    expect(formFields(page.text).state).toBe(state);
    const back = new URL((await host.submit(formFields(page.text))).headers.location as string);
    expect(back.searchParams.get('state')).toBe(state);
  });

  it('sends the form cookie only over TLS when the public base URL is https, proxy trusted or not', async () => {
    const host = new FakeHost(await testApp({ publicBaseUrl: 'https://todo.example' }));
    const page = await host.authorize();
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toMatch(/^oauth_csrf=.*; secure/);
  });

  it('answers other methods on the endpoint with a 405', async () => {
    const host = new FakeHost(await testApp());
    const res = await host.server.put(AUTHORIZE_PATH);
    expect(res.status).toBe(405);
  });
});
